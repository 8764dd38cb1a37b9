"""Who may do what to a release: the table of transitions, the edit rules, their labels.

Hidden buttons are not a permission check: every service calls these itself. The groups that
hold the permissions are made in ``press/services/roles.py``.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from press import languages
from press.models import Release, Status
from press.services.errors import WorkflowError

# action: (statuses it starts from, status it leads to, permission it needs)
TRANSITIONS = {
    "submit": ({Status.DRAFT}, Status.SUBMITTED, "press.submit_release"),
    "return": ({Status.SUBMITTED}, Status.DRAFT, "press.publish_release"),
    "publish": ({Status.SUBMITTED, Status.DRAFT}, Status.PUBLISHED, "press.publish_release"),
    "unschedule": ({Status.PUBLISHED}, Status.SUBMITTED, "press.publish_release"),
    "correct": ({Status.PUBLISHED, Status.WITHDRAWN}, None, "press.correct_release"),
    "withdraw": ({Status.PUBLISHED}, Status.WITHDRAWN, "press.withdraw_release"),
    "unpublish": (
        {Status.PUBLISHED, Status.WITHDRAWN},
        Status.UNPUBLISHED,
        "press.unpublish_release",
    ),
    "redraft": ({Status.UNPUBLISHED}, Status.DRAFT, "press.publish_release"),
}

# What each action is called in a release's history (a Revision's ``action``) and in messages.
ACTION_LABELS = {
    "save": gettext_lazy("Saved"),
    "create": gettext_lazy("Created"),
    "submit": gettext_lazy("Submitted for review"),
    "return": gettext_lazy("Returned to draft"),
    "publish": gettext_lazy("Published"),
    "schedule": gettext_lazy("Scheduled"),
    "force-publish": gettext_lazy("Published without review"),
    "unschedule": gettext_lazy("Unscheduled"),
    "correct-major": gettext_lazy("Major correction"),
    "correct-minor": gettext_lazy("Minor correction"),
    "withdraw": gettext_lazy("Withdrawn"),
    "unpublish": gettext_lazy("Unpublished"),
    "redraft": gettext_lazy("Returned to draft"),
    "revert": gettext_lazy("Reverted"),
    "duplicate": gettext_lazy("Duplicated as a new draft"),
}


def second_pair_of_eyes() -> bool:
    """Return whether the person who submitted a release is kept from publishing it."""
    return getattr(settings, "PRESS_SECOND_PAIR_OF_EYES", True)


def allowed_actions(release: Release, user) -> list[str]:
    """Return the transitions this user may start on this release now (the admin's buttons)."""
    actions = []
    for action, (sources, _target, perm) in TRANSITIONS.items():
        if release.status not in sources or not user.has_perm(perm):
            continue
        if action == "unschedule" and not release.is_scheduled():
            continue
        if action == "withdraw" and release.is_scheduled():
            continue
        if action == "correct":
            continue  # a correction is a save of the change form
        actions.append(action)
    return actions


def can_edit(user, release: Release | None) -> bool:
    """Return whether the user may save the change form of this release (None: a new one)."""
    if release is None:
        return user.has_perm("press.add_release")
    if user.has_perm("press.translate_release"):
        return True
    if release.status in (Status.DRAFT, Status.SUBMITTED):
        return user.has_perm("press.change_release")
    return user.has_perm("press.correct_release")


def edits_structure(user) -> bool:
    """Return whether the user may change more than text: the kind, dates, relations, files.

    Translators change text only.
    """
    return user.has_perm("press.change_release")


# The text a translator may not change once a release is out, in its source language: the
# release's own, and its photos' and documents' (by relation name).
SOURCE_TEXT = ("title", "lead", "body", "place")
SOURCE_FILE_TEXT = {"photos": ("alt", "caption", "credit"), "attachments": ("title",)}


def locked_source_language(user, release: Release | None) -> str | None:
    """Return the language of ``release`` this user may not change, or None: the source
    language of a release that is out, for whoever may not correct it (a translator).

    Changing what the translations follow, on a public page, is a correction: an editor's,
    recorded as one, never a translator's silent save.
    """
    if release is None or user.has_perm("press.correct_release"):
        return None
    if release.status not in TRANSITIONS["correct"][0]:
        return None
    return release.source_language()


def locked_source_fields(user, release: Release | None) -> list[str]:
    """Return the release's fields this user may not change (``locked_source_language``)."""
    source = locked_source_language(user, release)
    return [languages.field(name, source) for name in SOURCE_TEXT] if source else []


def can_share_previews(user) -> bool:
    """Return whether the user may make shareable preview links: editors only, because a link
    lets anyone without an account read what has not been published."""
    return user.has_perm("press.publish_release")


def check_transition(release: Release, user, action: str) -> None:
    """Refuse ``action`` unless the user may start it and the release is where it starts from.

    Raises ``PermissionDenied`` for a missing permission and ``WorkflowError`` for a status
    the action does not start from (``TRANSITIONS``).
    """
    sources, _target, perm = TRANSITIONS[action]
    if not user.has_perm(perm):
        raise PermissionDenied(_("You are not allowed to do this."))
    if release.status not in sources:
        raise WorkflowError(
            _("A release that is “%(status)s” cannot be %(action)s.")
            % {"status": release.state_label(), "action": str(ACTION_LABELS[action]).lower()}
        )
