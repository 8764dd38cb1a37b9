"""The workflow's transitions: submit, return, publish or schedule, unschedule, withdraw,
unpublish and redraft a release, and correct a public one (a save, see ``saving``).

Each one locks the stored release, refuses a stale ``version``, checks the transition
(``permissions.TRANSITIONS``), writes the new state, a revision and an audit entry.
Scheduling needs no cron job: a scheduled release is published with a future
``published_at``, and every public surface compares it with now.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from press import languages
from press.models import Release, Status
from press.services.alerts import alerts_release_published, alerts_release_withdrawn
from press.services.base import (
    audit,
    local_time,
    lock,
    photos_missing_alt,
    reasons_for_every_language,
    write,
)
from press.services.editing_sessions import editing_session_end
from press.services.errors import WorkflowError
from press.services.notifications import (
    comment_add,
    notify_published,
    notify_returned,
    notify_submitted,
)
from press.services.permissions import (
    TRANSITIONS,
    check_transition,
    second_pair_of_eyes,
)
from press.services.revisions import revision_create
from press.services.saving import release_save
from press.services.telegram import telegram_sync, telegram_unpublished, telegram_withdrawn


def _finish(release: Release, user, action: str, note: str = "", **event) -> Release:
    """Record a transition (its revision with what the person typed, and its audit event),
    end the actor's editing session, and return the release."""
    revision_create(release=release, user=user, action=action, note=note)
    audit(user, release, action, note=note, **event)
    editing_session_end(release=release, user=user)
    return release


def _revoke_preview_links(release: Release) -> None:
    """Revoke the release's valid preview links: taken down, it is not shown through them,
    and not again if it later returns to draft (press/site/preview.py refuses them anyway
    while it is down)."""
    release.preview_links.valid().update(revoked_at=timezone.now())


@transaction.atomic
def release_submit(
    *, release: Release, user, version: int | None = None, note: str = ""
) -> Release:
    """Draft → submitted for review. Whoever submits may not also publish (by default)."""
    release = lock(release, version)
    check_transition(release, user, "submit")
    if not release.languages_filled():
        raise WorkflowError(_("Write the title and the body in at least one language first."))
    release.status = Status.SUBMITTED
    release.submitted_by = user
    release.submitted_at = timezone.now()
    write(release, release)
    _finish(release, user, "submit", note.strip())
    notify_submitted(release=release, user=user)
    return release


@transaction.atomic
def release_return(
    *, release: Release, user, version: int | None = None, reason: str = ""
) -> Release:
    """Submitted → draft: the reviewer sends it back, saying why (a reviewer's comment that
    goes to the authors with the notification)."""
    release = lock(release, version)
    check_transition(release, user, "return")
    release.status = Status.DRAFT
    write(release, release)
    reason = (reason or "").strip()
    _finish(release, user, "return", reason)
    comment_add(release=release, user=user, text=reason, action="return")
    notify_returned(release=release, user=user, comment=reason)
    return release


@transaction.atomic
def release_publish(
    *,
    release: Release,
    user,
    at: datetime.datetime | None = None,
    version: int | None = None,
    force_reason: str = "",
) -> Release:
    """Publish now, or schedule for ``at`` (which must be in the future).

    A draft, or a release the same user submitted, is published only by force: with the
    ``force_publish_release`` permission and a written reason, flagged in the history.
    """
    release = lock(release, version)
    check_transition(release, user, "publish")
    now = timezone.now()
    if at is not None and at <= now:
        raise WorkflowError(
            _("The time %(time)s has passed: choose a time in the future, or publish now.")
            % {"time": local_time(at)}
        )
    needs_force = release.status == Status.DRAFT or (
        second_pair_of_eyes() and release.submitted_by_id == user.pk
    )
    force_reason = (force_reason or "").strip()
    if needs_force and not force_reason:
        if release.status == Status.DRAFT:
            raise WorkflowError(
                _("This release has not been submitted for review: publishing it needs a reason.")
            )
        raise WorkflowError(
            _(
                "You submitted this release, so someone else should publish it. "
                "To publish it anyway, give a reason."
            )
        )
    if needs_force and not user.has_perm("press.force_publish_release"):
        raise PermissionDenied(_("You are not allowed to publish without a second reviewer."))
    if not release.languages_filled():
        raise WorkflowError(
            _("A published release needs a title and a body in at least one language.")
        )
    missing = photos_missing_alt(release)
    if missing:
        raise WorkflowError(" ".join(item.message() for item in missing))
    release.status = Status.PUBLISHED
    release.published_at = at or now
    release.force_published = release.force_published or needs_force
    write(release, release)
    action = "schedule" if at is not None else "publish"
    _finish(
        release,
        user,
        action,
        force_reason if needs_force else "",
        time=at,
        forced=needs_force,
    )
    notify_published(release=release, user=user)
    telegram_sync(release=release)  # a scheduled release's posts wait for its time
    alerts_release_published(release=release)
    return release


@transaction.atomic
def release_unschedule(*, release: Release, user, version: int | None = None) -> Release:
    """A scheduled release will not appear: back to "submitted" if it was submitted, else
    (published by force from a draft) back to draft. Nothing of the publication remains,
    its "without review" flag included, which described a publication that is gone."""
    release = lock(release, version)
    check_transition(release, user, "unschedule")
    if not release.is_scheduled():
        raise WorkflowError(_("Only a release scheduled for a future time can be unscheduled."))
    release.status = Status.SUBMITTED if release.submitted_at else Status.DRAFT
    release.published_at = None
    release.force_published = False
    write(release, release)
    return _finish(release, user, "unschedule")


@transaction.atomic
def release_withdraw(*, release: Release, user, reason, version: int | None = None) -> Release:
    """The page stays readable with a dated notice and the reason; it leaves listings.

    ``reason`` is ``{code: text}`` (or a string in the active language), needed in every
    language the release is written in: a page never shows another language's reason.
    """
    release = lock(release, version)
    check_transition(release, user, "withdraw")
    if release.is_scheduled():
        raise WorkflowError(_("This release is not out yet: unschedule it instead."))
    reasons = reasons_for_every_language(
        release, reason, missing=_("Say why the release is withdrawn: readers will see it.")
    )
    for code in languages.codes():
        setattr(release, languages.field("withdrawal_reason", code), reasons.get(code, ""))
    release.status = Status.WITHDRAWN
    release.withdrawn_at = timezone.now()
    write(release, release)
    _revoke_preview_links(release)
    telegram_withdrawn(release=release)
    alerts_release_withdrawn(release=release)
    return _finish(release, user, "withdraw", " / ".join(reasons.values()), reasons=reasons)


@transaction.atomic
def release_unpublish(
    *,
    release: Release,
    user,
    replacement: Release | None = None,
    reason=None,
    version: int | None = None,
) -> Release:
    """Published in error: the address answers 410 Gone, or redirects to ``replacement``.

    ``reason`` is needed in every language the release is written in, as for a withdrawal:
    the history keeps each, and shows the reader's.
    """
    release = lock(release, version)
    check_transition(release, user, "unpublish")
    if replacement is not None and replacement.pk == release.pk:
        raise WorkflowError(_("A release cannot replace itself."))
    reasons = reasons_for_every_language(
        release, reason, missing=_("Say why the release is unpublished.")
    )
    release.status = Status.UNPUBLISHED
    release.unpublished_at = timezone.now()
    release.replacement = replacement
    write(release, release)
    _revoke_preview_links(release)
    telegram_unpublished(release=release)
    return _finish(
        release,
        user,
        "unpublish",
        " / ".join(reasons.values()),
        reasons=reasons,
        replacement=replacement.slug if replacement is not None else "",
    )


@transaction.atomic
def release_redraft(*, release: Release, user, version: int | None = None) -> Release:
    """An unpublished release goes back to draft, to be fixed and published again."""
    release = lock(release, version)
    check_transition(release, user, "redraft")
    release.status = Status.DRAFT
    release.unpublished_at = None
    release.replacement = None
    release.submitted_by = None
    write(release, release)
    return _finish(release, user, "redraft")


def release_correct(
    *,
    release: Release,
    user,
    changes: dict,
    major: bool,
    change_note=None,
    version: int | None = None,
    no_retranslation: bool = False,
) -> Release:
    """Correct a published release: major (with a public change note) or minor ("typo")."""
    if release.status not in TRANSITIONS["correct"][0]:
        raise WorkflowError(_("Only a published release can be corrected."))
    if not user.has_perm("press.correct_release"):
        raise PermissionDenied(_("You are not allowed to do this."))
    return release_save(
        release=release,
        user=user,
        version=version,
        changes=changes,
        major=major,
        change_note=change_note,
        no_retranslation=no_retranslation,
    )
