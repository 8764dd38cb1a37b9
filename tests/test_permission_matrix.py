"""Every admin URL and every changelist action, for every role: the table below is the spec.

The admin's URLs are read from the resolver (the site's own and each ModelAdmin's, with the
workflow views of press/admin/workflow.py); a URL or an action that has no entry in
``EXPECTED`` fails ``test_every_admin_url_and_action_is_in_the_table``, so nothing new can
slip in unchecked. Each entry is requested as anonymous, author, translator, editor and
administrator, on a fresh database: GET for every page, and POST of a valid form (with the
version the form was made from) for everything that changes something. The form is read once
per entry, as the superuser sees it, and the same data is posted by every role. The answer is
compared with the table, and so is the effect: a POST that answers 302 but changed nothing
is "refused", not "ok".

What the roles may do (press/services/roles.py):

- author: drafts and submits; cannot publish, withdraw, unpublish or delete, nor edit a
  release that is out; reads the reference data.
- translator: the text of any release in any language, and of the reference data; never
  the status, dates, relations, photos or files; cannot publish.
- editor: everything an author and a translator do, every release transition, deleting a
  release, adding people, posts, appointments and events; not users, groups, devices or
  logins.
- administrator: everything.
"""

import dataclasses
import datetime
from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, reverse
from django.utils import timezone, translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from press import services
from press.admin.workflow import ACTION_FORMS
from press.models import (
    Appointment,
    Country,
    EditingSession,
    Notification,
    Occasion,
    Person,
    Post,
    Preferences,
    PreviewLink,
    Release,
    ReviewComment,
    Status,
    Topic,
)
from tests.support import form_data, in_every_language, logged_in, make_release, make_user, stored

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "author", "translator", "editor", "administrator")

# Outcomes. GET "ok" is 200 (302 where the page itself redirects); POST "ok" is a 200/204/302
# answer whose effect happened. "refused": answered without an error, but nothing changed
# (Django's changelist answers an action the user is not offered with "No action selected").
OK, REFUSED, LOGIN = "ok", "refused", "login"
FORBIDDEN, NOT_FOUND, NOT_ALLOWED = 403, 404, 405


def everyone(staff, anonymous=LOGIN):
    return {"anonymous": anonymous, **{role: staff for role in ROLES[1:]}}


def only(*roles, no=FORBIDDEN):
    return {
        "anonymous": LOGIN,
        **{role: OK if role in roles else no for role in ROLES[1:]},
    }


ADMINISTRATOR = ("administrator",)
EDITORS = ("editor", "administrator")
WRITERS = ("author", "editor", "administrator")
TEXT = ("translator", "editor", "administrator")
STAFF = ("author", "translator", "editor", "administrator")


# --- The world every case runs in ------------------------------------------------------------


def admin_url(name, *args, query=""):
    with translation.override("en"):
        return reverse(f"admin:{name}", args=args) + (f"?{query}" if query else "")


@dataclasses.dataclass
class World:
    users: dict
    root: object
    objects: dict
    # Each role's session, logged in once with the world: a test's changes to it (a logout,
    # a new password, SESSION_SAVE_EVERY_REQUEST) roll back with the test.
    sessions: dict
    # What each POST case sends, read once (see post_data): the same for every role.
    posted: dict = dataclasses.field(default_factory=dict)

    def __getitem__(self, key):
        return self.objects[key]


def _release(key, *, status, user, **fields):
    release = make_release(title=f"Matrix {key}", status=Status.DRAFT, published_at=None, **fields)
    services.revision_create(release=release, user=user, action="create")
    return release


def build_world() -> World:
    users = {role: make_user(role, role) for role in ROLES[1:]}
    submitter = make_user("submitter", "author")
    root = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    editor = users["editor"]

    country = Country.objects.create(
        code="ZQ", slug="zq", name_uz="Zetlandiya", name_ru="Зетландия", name_en="Zetland"
    )
    spare_country = Country.objects.create(code="ZR", slug="zr", name_en="Spare")
    topic = Topic.objects.create(slug="matrix-topic", name_uz="Savdo", name_en="Trade")
    spares = {
        "spare_topic": Topic.objects.create(slug="spare-topic", name_en="Spare"),
        "spare_person": Person.objects.create(slug="spare-person", name_en="Spare"),
        "spare_post": Post.objects.create(title_en="Spare"),
        "vacant_post": Post.objects.create(title_en="Deputy"),  # for a new appointment
        "spare_occasion": Occasion.objects.create(
            slug="spare-event",
            name_en="Spare",
            starts_on=datetime.date(2021, 1, 1),
            ends_on=datetime.date(2021, 1, 1),
        ),
    }
    occasion = Occasion.objects.create(
        slug="matrix-event", name_uz="Sammit", name_en="Summit",
        starts_on=datetime.date(2021, 5, 4), ends_on=datetime.date(2021, 5, 6),
    )  # fmt: skip
    person = Person.objects.create(slug="matrix-person", name_uz="Demo Vazir", name_en="Demo")
    post = Post.objects.create(title_uz="Vazir", title_en="Minister", country=country)
    appointment = Appointment.objects.create(
        person=person, post=post, started_on=datetime.date(2020, 1, 1)
    )
    relations = {"countries": [country], "topics": [topic], "participants": [appointment]}

    draft = _release("draft", status=Status.DRAFT, user=submitter, **relations)
    services.release_save(release=draft, user=submitter, version=draft.version)  # revision 2

    def submitted(key):
        release = _release(key, status=Status.DRAFT, user=submitter, **relations)
        return services.release_submit(release=release, user=submitter)

    def published(key):
        return services.release_publish(release=submitted(key), user=editor)

    scheduled = services.release_publish(
        release=submitted("scheduled"),
        user=editor,
        at=timezone.now() + datetime.timedelta(days=3),
    )
    withdrawn = services.release_withdraw(
        release=published("withdrawn"), user=editor, reason=in_every_language("Sabab")
    )
    unpublished = services.release_unpublish(
        release=published("unpublished"), user=editor, reason=in_every_language("Xato")
    )
    latin_only = published("latin")
    for code in ("uz_cyrl", "ru", "en"):
        setattr(latin_only, f"title_{code}", "")
        setattr(latin_only, f"body_{code}", "")
    latin_only.save()
    cyrillic_only = published("cyrillic")
    for code in ("uz", "ru", "en"):
        setattr(cyrillic_only, f"title_{code}", "")
        setattr(cyrillic_only, f"body_{code}", "")
    cyrillic_only.save()
    link = PreviewLink.objects.create(
        release=draft, created_by=editor, expires_at=timezone.now() + datetime.timedelta(days=7)
    )

    other = make_user("other")
    group = Group.objects.create(name="matrix group")
    device = TOTPDevice.objects.create(user=other, name="phone", confirmed=True)
    attempt = AccessAttempt.objects.create(
        username="other", ip_address="10.0.0.1", user_agent="test", failures_since_start=5
    )
    access_log = AccessLog.objects.create(username="other", ip_address="10.0.0.1", user_agent="t")
    failure_log = AccessFailureLog.objects.create(
        username="other", ip_address="10.0.0.1", user_agent="t"
    )
    task_result = DBTaskResult.objects.create(
        task_path="press.tasks.send_notification_emails",
        args_kwargs={"args": [[]], "kwargs": {"attempt": 5}},
        backend_name="default",
        status="FAILED",
        exception_class_path="press.services.notifications.EmailsNotSent",
        traceback="Traceback (most recent call last):\nEmailsNotSent: Notifications [1]",
    )
    return World(
        users=users,
        root=root,
        sessions={
            role: logged_in(user).cookies[settings.SESSION_COOKIE_NAME].value
            for role, user in users.items()
        },
        objects={
            **spares,
            "country": country,
            "spare_country": spare_country,
            "topic": topic,
            "occasion": occasion,
            "person": person,
            "post": post,
            "appointment": appointment,
            "draft": draft,
            "submitted": submitted("submitted"),
            "published": published("published"),
            "scheduled": scheduled,
            "withdrawn": withdrawn,
            "unpublished": unpublished,
            "latin": latin_only,
            "cyrillic": cyrillic_only,
            "link": link,
            "other": other,
            "group": group,
            "device": device,
            "attempt": attempt,
            "access_log": access_log,
            "failure_log": failure_log,
            "task_result": task_result,
        },
    )


def gone(obj):
    return stored(obj) is None


# --- Forms as the page shows them ------------------------------------------------------------


def read_form(client, url, form_id) -> dict:
    """The fields of the form ``form_id`` on the page at ``url``, as a browser would post them."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    data = form_data(response.content.decode(), form_id)
    assert data, f"no form {form_id} on {url}"
    return {k: v if len(v) != 1 else v[0] for k, v in data.items()}


# --- The cases ---------------------------------------------------------------------------------


@dataclasses.dataclass
class Case:
    key: str  # "<url name>" or "<url name>:<variant>"; actions: "action:<model>:<name>"
    url: Callable[[World], str]
    expected: dict
    method: str = "GET"
    data: Callable | None = None  # (world, superuser's client) -> dict; must not write
    effect: Callable[[World], bool] | None = None
    prepare: Callable[[World], None] | None = None  # writes the request needs, in each test

    @property
    def covers(self) -> str:
        return self.key.split(":")[0] if not self.key.startswith("action:") else self.key

    def __str__(self):
        return f"{self.method} {self.key}"


CASES: list[Case] = []


def case(key, url, expected, **kwargs):
    CASES.append(Case(key, url, expected, **kwargs))


def form_of(url, form_id, **changes):
    """POST data: the form as the superuser sees it, with ``changes``."""

    def data(world, root_client):
        values = read_form(root_client, url(world), form_id)
        for name, value in changes.items():
            values[name] = value(world) if callable(value) else value
        return values

    return data


# --- The site's own pages

case("index", lambda w: admin_url("index"), everyone(OK))
case("login", lambda w: admin_url("login"), everyone(OK, anonymous=OK))  # staff: sent on
# Logging out is a POST; anonymous visitors are sent to the index (and from there to log in).
case("logout", lambda w: admin_url("logout"), everyone(NOT_ALLOWED, anonymous=OK))
case(
    "logout:post",
    lambda w: admin_url("logout"),
    everyone(OK, anonymous=OK),
    method="POST",
    data=lambda w, c: {},
)
case("password_change", lambda w: admin_url("password_change"), everyone(OK))
case(
    "password_change:post",
    lambda w: admin_url("password_change"),
    everyone(OK),
    method="POST",
    data=lambda w, c: {
        "old_password": "pw",
        "new_password1": "N3w-pw!x7",
        "new_password2": "N3w-pw!x7",
    },
)
case("password_change_done", lambda w: admin_url("password_change_done"), everyone(OK))
case(
    "autocomplete",
    lambda w: admin_url(
        "autocomplete", query="app_label=press&model_name=release&field_name=countries&term=Z"
    ),
    everyone(OK),
)
case("jsi18n", lambda w: admin_url("jsi18n"), everyone(OK))
case(
    "view_on_site",
    lambda w: admin_url(
        "view_on_site", ContentType.objects.get_for_model(Release).pk, w["published"].pk
    ),
    everyone(OK),  # a redirect to the public page, which decides for itself
)
case("app_list:press", lambda w: admin_url("app_list", "press"), everyone(OK))
for app_label in ("auth", "otp_totp", "axes", "django_tasks_database"):
    case(
        f"app_list:{app_label}",
        lambda w, a=app_label: admin_url("app_list", a),
        only(*ADMINISTRATOR, no=NOT_FOUND),
    )


# --- Each model's standard pages


def model_pages(
    model,
    obj_key,
    *,
    view,
    add,
    change,
    delete,
    add_data=None,
    added=None,
    change_data=None,
    delete_key=None,
):
    """changelist, add, change, history and delete, GET and POST, for one model.

    ``add_data`` is what the add form posts besides its defaults, ``added`` a lookup that
    finds the object it makes; ``change_data`` is (field, value) for the change form.
    """
    name = f"{model._meta.app_label}_{model._meta.model_name}"
    form_id = f"{model._meta.model_name}_form"

    def obj(world):
        return world[obj_key]

    def deletable(world):
        return world[delete_key or obj_key]

    def change_url(world):
        return admin_url(f"{name}_change", obj(world).pk)

    case(f"{name}_changelist", lambda w: admin_url(f"{name}_changelist"), only(*view))
    case(f"{name}_history", lambda w: admin_url(f"{name}_history", obj(w).pk), only(*view))
    case(f"{name}_change", change_url, only(*view))
    case(f"{name}_add", lambda w: admin_url(f"{name}_add"), only(*add))
    case(f"{name}_delete", lambda w: admin_url(f"{name}_delete", deletable(w).pk), only(*delete))
    case(
        f"{name}_delete:post",
        lambda w: admin_url(f"{name}_delete", deletable(w).pk),
        only(*delete),
        method="POST",
        data=lambda w, c: {"post": "yes"},
        effect=lambda w: gone(deletable(w)),
    )
    if add_data is not None:

        def data(world, root_client):
            values = read_form(root_client, admin_url(f"{name}_add"), form_id)
            values.update(add_data(world))
            return values

        case(
            f"{name}_add:post",
            lambda w: admin_url(f"{name}_add"),
            only(*add),
            method="POST",
            data=data,
            effect=lambda w: model.objects.filter(**added).exists(),
        )
    if change_data is not None:
        field, value = change_data
        case(
            f"{name}_change:post",
            change_url,
            only(*change),
            method="POST",
            data=form_of(change_url, form_id, **{field: value}),
            effect=lambda w, f=field, v=value: getattr(stored(obj(w)), f) == v,
        )


model_pages(
    Group,
    "group",
    view=ADMINISTRATOR,
    add=ADMINISTRATOR,
    change=ADMINISTRATOR,
    delete=ADMINISTRATOR,
    add_data=lambda w: {"name": "new group"},
    added={"name": "new group"},
    change_data=("name", "renamed group"),
)
model_pages(
    get_user_model(),
    "other",
    view=ADMINISTRATOR,
    add=ADMINISTRATOR,
    change=ADMINISTRATOR,
    delete=ADMINISTRATOR,
    add_data=lambda w: {
        "username": "newcomer",
        "usable_password": "true",
        "password1": "Str0ng-pass!word",
        "password2": "Str0ng-pass!word",
    },
    added={"username": "newcomer"},
    change_data=("first_name", "Renamed"),
)
case(
    "auth_user_password_change",
    lambda w: admin_url("auth_user_password_change", w["other"].pk),
    only(*ADMINISTRATOR),
)
case(
    "auth_user_password_change:post",
    lambda w: admin_url("auth_user_password_change", w["other"].pk),
    only(*ADMINISTRATOR),
    method="POST",
    data=lambda w, c: {
        "password1": "An0ther-pass!word",
        "password2": "An0ther-pass!word",
        "usable_password": "true",
    },
    effect=lambda w: stored(w["other"]).check_password("An0ther-pass!word"),
)

# Administrators set up authenticators ("Ask an administrator…", ministry/admin.py).
model_pages(
    TOTPDevice,
    "device",
    view=ADMINISTRATOR,
    add=ADMINISTRATOR,
    change=ADMINISTRATOR,
    delete=ADMINISTRATOR,
    add_data=lambda w: {"user": str(w["other"].pk), "name": "second phone"},
    added={"name": "second phone"},
    change_data=("name", "renamed phone"),
)
for view_name in ("otp_totp_totpdevice_config", "otp_totp_totpdevice_qrcode"):
    case(view_name, lambda w, n=view_name: admin_url(n, w["device"].pk), only(*ADMINISTRATOR))

# Login protection: administrators read the logs and unlock people (delete an attempt);
# django-axes itself lets nobody add or edit these records.
for model, key in (
    (AccessAttempt, "attempt"),
    (AccessLog, "access_log"),
    (AccessFailureLog, "failure_log"),
):
    name = f"axes_{model._meta.model_name}"
    model_pages(
        model,
        key,
        view=ADMINISTRATOR,
        add=(),
        change=(),
        delete=ADMINISTRATOR,
    )

# Background tasks (press/admin/tasks.py): administrators read them, nobody changes them.
model_pages(DBTaskResult, "task_result", view=ADMINISTRATOR, add=(), change=(), delete=())

# Reference data: everyone reads it; translators (and editors) write the names; editors add;
# only administrators delete (releases point at them).
REFERENCE = {
    Country: ("country", ("name_ru", "Зетландия (исправлено)")),
    Topic: ("topic", ("name_ru", "Торговля (исправлено)")),
    Person: ("person", ("name_ru", "Демо (исправлено)")),
    Post: ("post", ("title_ru", "Министр (исправлено)")),
    Occasion: ("occasion", ("name_ru", "Саммит (исправлено)")),
}
REFERENCE_ADD = {
    Country: {"code": "ZX", "slug": "zx", "name_uz": "Yangi", "kind": "country"},
    Topic: {"slug": "new-topic", "name_uz": "Yangi"},
    Person: {"slug": "new-person", "name_uz": "Yangi"},
    Post: {"title_uz": "Yangi lavozim", "seniority": "5"},
    Occasion: {
        "slug": "new-event",
        "name_uz": "Yangi",
        "starts_on": "2026-01-01",
        "ends_on": "2026-01-02",
    },  # fmt: skip
}
REFERENCE_ADDED = {
    Country: {"code": "ZX"},
    Topic: {"slug": "new-topic"},
    Person: {"slug": "new-person"},
    Post: {"title_uz": "Yangi lavozim"},
    Occasion: {"slug": "new-event"},
}
for model, (key, change) in REFERENCE.items():
    model_pages(
        model,
        key,
        delete_key=f"spare_{key}",
        view=STAFF,
        add=EDITORS,
        change=TEXT,
        delete=ADMINISTRATOR,
        add_data=lambda w, m=model: REFERENCE_ADD[m],
        added=REFERENCE_ADDED[model],
        change_data=change,
    )
model_pages(
    Appointment,
    "appointment",
    view=STAFF,
    add=EDITORS,
    change=EDITORS,
    delete=ADMINISTRATOR,
    add_data=lambda w: {
        "person": str(w["person"].pk),
        "post": str(w["vacant_post"].pk),
        "started_on": "2021-01-01",
    },
    added={"post__title_en": "Deputy"},
    change_data=("started_on", datetime.date(2019, 6, 1)),
)

# A translator may not move a post to another country, nor a person to another address.
case(
    "press_post_change:country",
    lambda w: admin_url("press_post_change", w["post"].pk),
    {**only(*EDITORS, no=REFUSED), "author": FORBIDDEN},
    method="POST",
    data=form_of(
        lambda w: admin_url("press_post_change", w["post"].pk),
        "post_form",
        country=lambda w: str(w["spare_country"].pk),
    ),
    effect=lambda w: stored(w["post"]).country_id == w["spare_country"].pk,
)
case(
    "press_person_change:slug",
    lambda w: admin_url("press_person_change", w["person"].pk),
    {**only(*EDITORS, no=REFUSED), "author": FORBIDDEN},
    method="POST",
    data=form_of(
        lambda w: admin_url("press_person_change", w["person"].pk),
        "person_form",
        slug="moved-person",
    ),
    effect=lambda w: stored(w["person"]).slug == "moved-person",
)


# --- Releases

R = "press_release"


def release_url(view, key, *extra, query=""):
    return lambda w: admin_url(f"{R}_{view}", w[key].pk, *extra, query=query)


case(f"{R}_changelist", lambda w: admin_url(f"{R}_changelist"), only(*STAFF))
case(f"{R}_add", lambda w: admin_url(f"{R}_add"), only(*WRITERS))


def _new_release(world, root_client):
    values = read_form(root_client, admin_url(f"{R}_add"), "release_form")
    values.update({"title_uz": "Yangi", "body_uz": "<p>Matn</p>", "event_date": "2021-05-05"})
    return values


case(
    f"{R}_add:post",
    lambda w: admin_url(f"{R}_add"),
    only(*WRITERS),
    method="POST",
    data=_new_release,
    effect=lambda w: Release.objects.filter(title_uz="Yangi").exists(),
)
for state in ("draft", "published", "withdrawn", "unpublished"):
    case(f"{R}_change:{state}", release_url("change", state), only(*STAFF))
    case(f"{R}_history:{state}", release_url("history", state), only(*STAFF))
    case(f"{R}_revisions:{state}", release_url("revisions", state), only(*STAFF))
    case(f"{R}_preview:{state}", release_url("preview", state), only(*STAFF))
    case(f"{R}_links:{state}", release_url("links", state), only(*STAFF))


def edit(key, field, value):
    """The change form of a release, as the superuser sees it, with one field changed."""
    return form_of(release_url("change", key), "release_form", **{field: value})


# Text: authors while it is a draft; translators always; editors always (a correction).
case(
    f"{R}_change:post:draft",
    release_url("change", "draft"),
    only(*STAFF),
    method="POST",
    data=edit("draft", "title_ru", "Исправлено"),
    effect=lambda w: stored(w["draft"]).title_ru == "Исправлено",
)
case(
    f"{R}_change:post:published",
    release_url("change", "published"),
    only(*TEXT),
    method="POST",
    data=edit("published", "title_ru", "Исправлено"),
    effect=lambda w: stored(w["published"]).title_ru == "Исправлено",
)
case(
    f"{R}_change:post:withdrawn",
    release_url("change", "withdrawn"),
    only(*TEXT),
    method="POST",
    data=edit("withdrawn", "title_ru", "Исправлено"),
    effect=lambda w: stored(w["withdrawn"]).title_ru == "Исправлено",
)
# Dates and relations: not translators.
case(
    f"{R}_change:post:draft:date",
    release_url("change", "draft"),
    {**only(*WRITERS), "translator": REFUSED},
    method="POST",
    data=edit("draft", "event_date", "2021-06-06"),
    effect=lambda w: stored(w["draft"]).event_date == datetime.date(2021, 6, 6),
)
case(
    f"{R}_change:post:draft:countries",
    release_url("change", "draft"),
    {**only(*WRITERS), "translator": REFUSED},
    method="POST",
    data=edit("draft", "countries", lambda w: [str(w["spare_country"].pk)]),
    effect=lambda w: list(stored(w["draft"]).countries.all()) == [w["spare_country"]],
)
case(
    f"{R}_change:post:published:date",
    release_url("change", "published"),
    {**only(*EDITORS), "translator": REFUSED},
    method="POST",
    data=edit("published", "event_date", "2021-06-06"),
    effect=lambda w: stored(w["published"]).event_date == datetime.date(2021, 6, 6),
)
# The status and publication time only ever change through the workflow's buttons.
case(
    f"{R}_change:post:draft:status",
    release_url("change", "draft"),
    only(no=REFUSED),
    method="POST",
    data=form_of(
        release_url("change", "draft"),
        "release_form",
        status="published",
        published_at_0="2026-01-01",
        published_at_1="10:00",
    ),
    effect=lambda w: stored(w["draft"]).status != Status.DRAFT,
)
# Deleting: editors, a published release too (unpublishing is the usual way out).
for state in ("draft", "published"):
    case(f"{R}_delete:{state}", release_url("delete", state), only(*EDITORS))
    case(
        f"{R}_delete:post:{state}",
        release_url("delete", state),
        only(*EDITORS),
        method="POST",
        data=lambda w, c: {"post": "yes"},
        effect=lambda w, s=state: gone(w[s]),
    )

# A reason in every language the releases are written in (the services ask for each).
REASONS = {f"reason_{suffix}": "Xato" for suffix in ("uz", "uz_cyrl", "ru", "en")}
# The workflow's buttons: (action, the state it starts from, who may, the form's data).
WORKFLOW = {
    "submit": ("draft", WRITERS, {"note": ""}),
    "return": ("submitted", EDITORS, {"note": "Qayta yozing"}),
    "publish": ("submitted", EDITORS, {"when": "now", "force_reason": ""}),
    "unschedule": ("scheduled", EDITORS, {}),
    "withdraw": ("published", EDITORS, REASONS),
    "unpublish": ("published", EDITORS, {"replacement": "", **REASONS}),
    "redraft": ("unpublished", EDITORS, {}),
}
for action, (state, who, extra) in WORKFLOW.items():
    url = release_url("workflow", state, action)
    case(f"{R}_workflow:{action}", url, only(*who))
    case(
        f"{R}_workflow:{action}:post",
        url,
        only(*who),
        method="POST",
        data=lambda w, c, s=state, e=extra: {"version": stored(w[s]).version, **e},
        effect=lambda w, s=state: (
            (stored(w[s]).status, stored(w[s]).published_at) != (w[s].status, w[s].published_at)
        ),
    )
# An author may not publish their own draft by force, nor withdraw what is out.
case(
    f"{R}_workflow:publish:draft:post",
    release_url("workflow", "draft", "publish"),
    only(*EDITORS),
    method="POST",
    data=lambda w, c: {"version": stored(w["draft"]).version, "when": "now", "force_reason": "Tez"},
    effect=lambda w: stored(w["draft"]).status == Status.PUBLISHED,
)
case(
    f"{R}_workflow:unpublish:withdrawn:post",
    release_url("workflow", "withdrawn", "unpublish"),
    only(*EDITORS),
    method="POST",
    data=lambda w, c: {"version": stored(w["withdrawn"]).version, "replacement": "", **REASONS},
    effect=lambda w: stored(w["withdrawn"]).status == Status.UNPUBLISHED,
)

# The form's transliteration button converts text and saves nothing: whoever writes releases
# or their text. A GET is not allowed; an empty POST is a bad request (400) for them, past the
# permission check (the conversions: tests/test_transliteration_form.py).
case(f"{R}_transliterate", lambda w: admin_url(f"{R}_transliterate"), everyone(NOT_ALLOWED))
case(
    f"{R}_transliterate:post",
    lambda w: admin_url(f"{R}_transliterate"),
    everyone(400),
    method="POST",
    data=lambda w, c: {},
)

# Duplicating makes a new draft from any release: whoever may add releases.
case(f"{R}_duplicate", release_url("duplicate", "published"), only(*WRITERS))
case(
    f"{R}_duplicate:post",
    release_url("duplicate", "published"),
    only(*WRITERS),
    method="POST",
    data=lambda w, c: {},
    effect=lambda w: Release.objects.filter(revisions__action="duplicate").exists(),
)
case(
    f"{R}_compare",
    release_url("compare", "draft", query="a=1&b=2"),
    only(*STAFF),
)
# Reverting rewrites the content (or copies it into a new draft): not translators.
case(f"{R}_revert:draft", release_url("revert", "draft", 1), only(*WRITERS))
case(
    f"{R}_revert:draft:post",
    release_url("revert", "draft", 1),
    only(*WRITERS),
    method="POST",
    data=lambda w, c: {"version": stored(w["draft"]).version},
    effect=lambda w: stored(w["draft"]).revisions.filter(action="revert").exists(),
)
case(f"{R}_revert:published", release_url("revert", "published", 1), only(*EDITORS))
case(
    f"{R}_revert:published:post",
    release_url("revert", "published", 1),
    only(*EDITORS),
    method="POST",
    data=lambda w, c: {"version": stored(w["published"]).version},
    effect=lambda w: Release.objects.filter(based_on=w["published"]).exists(),
)
# Previews of unsaved changes: whoever may save the form.
for state, who in (("draft", STAFF), ("published", TEXT)):
    case(
        f"{R}_preview:{state}:post",
        release_url("preview", state),
        only(*who),
        method="POST",
        data=edit(state, "title_uz", "Koʻrib chiqish matni"),
    )
# Presence: whoever may save the form beats, and says goodbye; a GET is no beat.
for state, who in (("draft", STAFF), ("published", TEXT)):
    case(f"{R}_presence:{state}", release_url("presence", state), everyone(NOT_ALLOWED))
    case(
        f"{R}_presence:{state}:post",
        release_url("presence", state),
        only(*who),
        method="POST",
        data=lambda w, c: {},
        effect=lambda w, state=state: EditingSession.objects.filter(release=w[state]).exists(),
    )
    case(
        f"{R}_presence_left:{state}:post",
        release_url("presence_left", state),
        only(*who),
        method="POST",
        data=lambda w, c: {},
    )
# Shareable preview links: only editors make them (a refusal is a message on the same page);
# whoever writes releases or their text may revoke one.
case(
    f"{R}_links:post",
    release_url("links", "draft"),
    only(*EDITORS, no=REFUSED),
    method="POST",
    data=lambda w, c: {},
    effect=lambda w: w["draft"].preview_links.count() > 1,
)
case(
    f"{R}_links:post:revoke",
    release_url("links", "draft"),
    only(*STAFF),
    method="POST",
    data=lambda w, c: {"revoke": str(w["link"].pk)},
    effect=lambda w: stored(w["link"]).revoked_at is not None,
)

# Reviewers' comments: whoever reviews (may publish); others may read them on the form.
case(f"{R}_comment", release_url("comment", "draft"), only(*EDITORS))
case(
    f"{R}_comment:post",
    release_url("comment", "draft"),
    only(*EDITORS),
    method="POST",
    data=lambda w, c: {"text": "Matrix comment"},
    effect=lambda w: ReviewComment.objects.filter(release=w["draft"]).exists(),
)


# --- Each person's own notifications and preferences: every member of staff


def _notify_everyone(world):
    Notification.objects.bulk_create(
        Notification(recipient=user, release=world["draft"], event="submitted")
        for user in world.users.values()
    )


N = "press_notifications"
case(N, lambda w: admin_url(N), everyone(OK))
case(f"{N}_read", lambda w: admin_url(f"{N}_read"), everyone(OK))  # sent to the list
case(
    f"{N}_read:post",
    lambda w: admin_url(f"{N}_read"),
    everyone(OK),
    method="POST",
    data=lambda w, c: {},
    prepare=_notify_everyone,
    effect=lambda w: Notification.objects.filter(read_at__isnull=False).exists(),
)
case("press_preferences", lambda w: admin_url("press_preferences"), everyone(OK))
case(
    "press_preferences:post",
    lambda w: admin_url("press_preferences"),
    everyone(OK),
    method="POST",
    data=form_of(lambda w: admin_url("press_preferences"), "preferences-form", language="ru"),
    effect=lambda w: Preferences.objects.filter(language="ru").exists(),
)


# --- Changelist actions (POSTed to the changelist as the admin's form does)


def action(model, name, key, expected, effect, prepare=None, **extra):
    opts = model._meta
    changelist = f"{opts.app_label}_{opts.model_name}_changelist"

    case(
        f"action:{opts.app_label}.{opts.model_name}:{name}",
        lambda w: admin_url(changelist),
        expected,
        method="POST",
        data=lambda w, c: {
            "action": name,
            "_selected_action": [str(w[key].pk)],
            "index": "0",
            **extra,
        },
        effect=effect,
        prepare=None if prepare is None else lambda w: prepare(w[key]),
    )


def refused_to(roles):
    """Roles that are not offered an action get "No action selected": nothing happens."""
    return only(*roles, no=REFUSED)


for model, key in (
    (Group, "group"),
    (get_user_model(), "other"),
    (TOTPDevice, "device"),
    (AccessAttempt, "attempt"),
    (AccessLog, "access_log"),
    (AccessFailureLog, "failure_log"),
    (Country, "spare_country"),
    (Topic, "spare_topic"),
    (Person, "spare_person"),
    (Post, "spare_post"),
    (Occasion, "spare_occasion"),
    (Appointment, "appointment"),
):
    expected = refused_to(ADMINISTRATOR)
    if model not in (Country, Topic, Person, Post, Appointment, Occasion):
        expected = {**expected, "author": FORBIDDEN, "translator": FORBIDDEN, "editor": FORBIDDEN}
    action(model, "delete_selected", key, expected, lambda w, k=key: gone(w[k]), post="yes")
action(
    DBTaskResult,
    "delete_selected",
    "task_result",
    {**refused_to(()), "author": FORBIDDEN, "translator": FORBIDDEN, "editor": FORBIDDEN},
    lambda w: gone(w["task_result"]),
    post="yes",
)
action(
    Release,
    "delete_selected",
    "published",
    refused_to(EDITORS),
    lambda w: gone(w["published"]),
    post="yes",
)

case(
    "action:axes.accessattempt:cleanup_expired_attempts",
    lambda w: admin_url("axes_accessattempt_changelist"),
    {**only(*ADMINISTRATOR)},
    method="POST",
    data=lambda w, c: {
        "action": "cleanup_expired_attempts",
        "_selected_action": [str(w["attempt"].pk)],
        "index": "0",
    },
)

action(
    Release,
    "duplicate_as_draft",
    "published",
    refused_to(WRITERS),
    lambda w: Release.objects.filter(revisions__action="duplicate").exists(),
)

# Transliteration writes text: whoever may change the object, and on a release that is out
# not an author (who may not edit it), whatever the changelist offers.
for model, key, field in (
    (Country, "country", "name"),
    (Topic, "topic", "name"),
    (Person, "person", "name"),
    (Post, "post", "title"),
    (Occasion, "occasion", "name"),
):
    action(
        model,
        "fill_cyrillic",
        key,
        refused_to(TEXT),
        lambda w, k=key, f=field: bool(getattr(stored(w[k]), f"{f}_uz_cyrl")),
        overwrite="no",
    )
    action(
        model,
        "fill_latin",
        key,
        refused_to(TEXT),
        lambda w, k=key, f=field: bool(getattr(stored(w[k]), f"{f}_uz")),
        prepare=lambda obj, f=field: (
            type(obj).objects.filter(pk=obj.pk).update(**{f"{f}_uz": "", f"{f}_uz_cyrl": "Кирилл"})
        ),
        overwrite="no",
    )
action(
    Release,
    "fill_cyrillic",
    "latin",
    refused_to(TEXT),
    lambda w: bool(stored(w["latin"]).title_uz_cyrl),
    overwrite="no",
)
action(
    Release,
    "fill_latin",
    "cyrillic",
    refused_to(TEXT),
    lambda w: bool(stored(w["cyrillic"]).title_uz),
    overwrite="no",
)


# --- Coverage: the table must name every URL and every action ---------------------------------


def _names(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield pattern.name


def admin_url_names() -> set[str]:
    names = set(_names(admin.site.get_urls()))
    for model_admin in admin.site._registry.values():
        names |= set(_names(model_admin.get_urls()))
    return names


def admin_actions() -> set[str]:
    """Every action of every ModelAdmin: declared, or added by get_actions() for a superuser."""
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.create_superuser("actions", "a@example.org", "pw")
    found = set()
    for model, model_admin in admin.site._registry.items():
        names = {name for _func, name, _desc in model_admin._get_base_actions()}
        names |= set(model_admin.get_actions(request))
        label = f"{model._meta.app_label}.{model._meta.model_name}"
        found |= {f"action:{label}:{name}" for name in names}
    return found


def test_every_admin_url_and_action_is_in_the_table(db):
    covered = {c.covers for c in CASES}
    urls, actions = admin_url_names(), admin_actions()
    assert urls - covered == set(), "admin URLs missing from the permission table"
    assert actions - covered == set(), "admin actions missing from the permission table"
    assert covered - urls - actions == set(), "table entries for URLs that no longer exist"
    workflow = {c.key.split(":")[1] for c in CASES if c.key.startswith(f"{R}_workflow:")}
    assert workflow == set(ACTION_FORMS), "every workflow button needs its row"
    for c in CASES:
        assert set(c.expected) == set(ROLES), c.key
    assert len({(c.key, c.method) for c in CASES}) == len(CASES), "duplicate rows"


# --- The walk ----------------------------------------------------------------------------------


def outcome(case: Case, response, world) -> object:
    login_path = urlsplit(admin_url("login")).path
    if response.status_code == 302:
        location = urlsplit(response["Location"]).path
        if location == login_path and case.covers not in ("login",):
            return LOGIN
    if response.status_code in (FORBIDDEN, NOT_FOUND, NOT_ALLOWED):
        return response.status_code
    if response.status_code not in (200, 204, 302):
        return response.status_code
    if case.method == "POST" and case.effect is not None:
        return OK if case.effect(world) else REFUSED
    return OK


@pytest.fixture(scope="module")
def shared_world(django_db_setup, django_db_blocker):
    """Built once for the module; each test runs in a savepoint inside it, rolled back."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def post_data(case: Case, world: World) -> dict:
    """What ``case`` posts: read on its first role's turn and kept for the others.

    The superuser's reading (its login, the change form's "someone is editing" mark) is
    rolled back at once, so every role's request meets the world as it was built.
    """
    if str(case) not in world.posted:
        with transaction.atomic():
            world.posted[str(case)] = case.data(world, logged_in(world.root)) if case.data else {}
            transaction.set_rollback(True)
    return world.posted[str(case)]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", CASES, ids=str)
def test_permission_matrix(shared_world, db, client, case, role):
    world = shared_world
    data = post_data(case, world) if case.method == "POST" else None
    if case.prepare is not None:
        case.prepare(world)
    if role != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    url = case.url(world)
    if case.method == "POST":
        response = client.post(url, data)
    else:
        response = client.get(url)
    got = outcome(case, response, world)
    detail = ""
    if got != case.expected[role] and response.status_code == 200:
        detail = _errors(response)
    assert got == case.expected[role], f"{case} as {role}: {got} {detail}"


def _errors(response) -> str:
    context = getattr(response, "context", None)
    if not context:
        return ""
    for key in ("adminform", "form"):
        form = context.get(key)
        form = getattr(form, "form", form)
        if form is not None and getattr(form, "errors", None):
            return str(form.errors.as_data())
    errors = context.get("errors")
    return str(errors) if errors else ""
