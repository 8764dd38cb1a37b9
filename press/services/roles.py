"""The press office's roles as Django groups, and what each may do.

Used by the data migration that creates them and by ``manage.py setup_roles`` (idempotent:
it adds what is missing and takes away what a role should no longer have).
"""

READ_REFERENCE = [
    "view_country",
    "view_topic",
    "view_person",
    "view_post",
    "view_appointment",
    "view_occasion",
]

AUTHOR = [
    *READ_REFERENCE,
    "view_release",
    "add_release",
    "change_release",
    "submit_release",
    "view_photo",
    "add_photo",
    "change_photo",
    "delete_photo",
    "view_attachment",
    "add_attachment",
    "change_attachment",
    "delete_attachment",
    # The history of what they write (press/admin/revisions.py asks for it).
    "view_revision",
]

TRANSLATOR = [
    *READ_REFERENCE,
    "view_release",
    "translate_release",
    "view_photo",
    "view_attachment",
    "view_revision",
    # Names are spelled per script: translators fill them too.
    "change_country",
    "change_topic",
    "change_person",
    "change_post",
    "change_occasion",
]

EDITOR = [
    *AUTHOR,
    *[p for p in TRANSLATOR if p not in AUTHOR],
    "delete_release",
    "publish_release",
    "force_publish_release",
    "correct_release",
    "withdraw_release",
    "unpublish_release",
    "add_country",
    "add_topic",
    "add_person",
    "add_post",
    "add_occasion",
    "add_appointment",
    "change_appointment",
    "view_revision",
    "view_previewlink",
]

VERBS = ("view", "add", "change", "delete")

ROLES = {
    "author": AUTHOR,
    "translator": TRANSLATOR,
    "editor": EDITOR,
    "administrator": None,  # every permission of the press app, and ADMINISTRATOR_EXTRA
}

# The administrator may do everything the admin offers: the press app, people and groups,
# authenticators ("ask an administrator to set up an authenticator", ministry/admin.py)
# and the login protection's records (deleting an attempt unlocks someone).
ADMINISTRATOR_EXTRA = [
    *[("auth", f"{verb}_{model}") for model in ("user", "group") for verb in VERBS],
    *[("otp_totp", f"{verb}_totpdevice") for verb in VERBS],
    *[
        ("axes", f"{verb}_{model}")
        for model in ("accessattempt", "accesslog", "accessfailurelog")
        for verb in ("view", "delete")
    ],
    ("admin", "view_logentry"),
    # The background tasks (press/tasks.py), those that failed for good among them.
    ("django_tasks_database", "view_dbtaskresult"),
]


def setup_roles(apps=None) -> dict[str, int]:
    """Create or update the four groups; returns {group: number of permissions}."""
    if apps is None:
        from django.apps import apps as global_apps

        apps = global_apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        if app_config.label in (
            "press",
            "auth",
            "admin",
            "contenttypes",
            "otp_totp",
            "axes",
            "django_tasks_database",
        ):
            if getattr(app_config, "models_module", None) is None:
                app_config.models_module = True  # a migration's stub: let it through
            create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    press = Permission.objects.filter(content_type__app_label="press")
    counts = {}
    for name, codenames in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        if codenames is None:
            perms = list(press)
            for app_label, codename in ADMINISTRATOR_EXTRA:
                perms += list(
                    Permission.objects.filter(content_type__app_label=app_label, codename=codename)
                )
        else:
            perms = list(press.filter(codename__in=codenames))
        group.permissions.set(perms)
        counts[name] = len(perms)
    return counts
