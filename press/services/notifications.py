"""Telling people what happened to a release: in the admin, and by e-mail after commit.

Each transition ends with one call here (``notify_submitted``, ``notify_returned``,
``notify_published``, ``notify_outdated``): it picks the recipients, stores one
``Notification`` each (its event and parameters, not its text) and asks for the e-mails
to be sent once the transaction commits, by the task queue (``press.tasks``):
``send_notification_emails`` takes only ids, and skips the notifications already e-mailed.

Who is told what:

- submitted: the reviewers (who may publish), not the submitter;
- returned: the release's authors (who created it, who submitted it), with the comment;
- published or scheduled: the authors, and the translators of the languages still missing;
- outdated after a major correction: the translators of the languages now outdated.

A translator is someone who may translate but not publish, or anyone who chose working
languages in their preferences; one who chose none is told about every language. Nobody
is ever told about their own action.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from press import tasks
from press.models import (
    Event,
    Notification,
    Preferences,
    Release,
    ReviewComment,
    Revision,
    TranslationState,
)
from press.services.base import audit, local_time

logger = logging.getLogger(__name__)

# The backend that knows groups and permissions (the other one only counts failed logins).
PERMISSIONS_BACKEND = "django.contrib.auth.backends.ModelBackend"
TEXT = ("title", "lead", "body")


def preferences_of(user) -> Preferences:
    """Return the user's preferences, unsaved defaults if they never chose."""
    try:
        return user.press_preferences
    except Preferences.DoesNotExist:
        return Preferences(user=user)


def _with_perm(perm: str):
    return (
        get_user_model()
        .objects.with_perm(perm, include_superusers=False, backend=PERMISSIONS_BACKEND)
        .filter(is_active=True)
    )


def authors_of(release: Release) -> list:
    """Return who wrote the release: the author of its first revision and its submitter."""
    first = Revision.objects.filter(release=release, number=1).select_related("author").first()
    people = [first.author if first else None, release.submitted_by]
    unique = {}
    for person in people:
        if person is not None and person.is_active:
            unique[person.pk] = person
    return list(unique.values())


def translators_for(codes: list[str]) -> list:
    """Return the translators who work in any of ``codes`` (language codes)."""
    if not codes:
        return []
    reviewers = set(_with_perm("press.publish_release").values_list("pk", flat=True))
    chosen = {
        p.user_id: p.working_languages for p in Preferences.objects.exclude(working_languages=[])
    }
    found = []
    for user in _with_perm("press.translate_release").order_by("pk"):
        working = chosen.get(user.pk)
        if working:
            if set(working) & set(codes):
                found.append(user)
        elif user.pk not in reviewers:
            found.append(user)
    return found


def missing_languages(release: Release) -> list[str]:
    """Return the codes of the languages the release is not written in yet."""
    states = release.translation_states()
    return [code for code, state in states.items() if state == TranslationState.MISSING]


def _notify(release: Release, actor, event: str, recipients, **params) -> list[Notification]:
    """Store one notification per recipient (never the actor) and send their e-mails after
    commit; return them."""
    unique = {user.pk: user for user in recipients if user.pk != getattr(actor, "pk", None)}
    notifications = Notification.objects.bulk_create(
        Notification(recipient=user, release=release, actor=actor, event=event, params=params)
        for user in unique.values()
    )
    ids = [n.pk for n in notifications]
    if ids:
        # After commit: a transition rolled back must tell no one, and a slow or broken
        # mail server must not hold the release's row lock (a worker sends them).
        tasks.enqueue_on_commit(tasks.send_notification_emails, ids)
    return notifications


def notify_submitted(*, release: Release, user) -> list[Notification]:
    """Tell the reviewers that ``user`` submitted the release."""
    return _notify(release, user, Event.SUBMITTED, _with_perm("press.publish_release"))


def notify_returned(*, release: Release, user, comment: str = "") -> list[Notification]:
    """Tell the authors that ``user`` returned the release, with the comment."""
    return _notify(release, user, Event.RETURNED, authors_of(release), comment=comment)


def notify_published(*, release: Release, user) -> list[Notification]:
    """Tell the authors that the release is published (or scheduled), and the translators
    of the languages still missing."""
    missing = missing_languages(release)
    recipients = [*authors_of(release), *translators_for(missing)]
    if release.is_scheduled():
        time = local_time(release.published_at)
        return _notify(release, user, Event.SCHEDULED, recipients, languages=missing, time=time)
    return _notify(release, user, Event.PUBLISHED, recipients, languages=missing)


def notify_outdated(*, release: Release, user, codes: list[str]) -> list[Notification]:
    """Tell the translators of ``codes`` that the release's text in them is now outdated."""
    if not codes:
        return []
    return _notify(release, user, Event.OUTDATED, translators_for(codes), languages=codes)


def comment_add(*, release: Release, user, text: str, action: str = "") -> ReviewComment | None:
    """Keep a reviewer's internal comment on the release; return it (None if empty)."""
    text = (text or "").strip()
    if not text:
        return None
    comment = ReviewComment.objects.create(release=release, author=user, text=text, action=action)
    if not action:  # a transition's comment is already in its own audit entry
        audit(user, release, "comment", note=text)
    return comment


def change_link(release_id: int) -> str:
    """Return the absolute address of the release's change form, in the active language."""
    path = reverse("admin:press_release_change", args=[release_id])
    return settings.PRESS_SITE_URL.rstrip("/") + path


class EmailsNotSent(Exception):
    """Some e-mails were not accepted by the mail server (the task tries them again)."""


def send_notification_emails(ids: list[int], *, strict: bool = False) -> int:
    """Send the e-mail of each notification in ``ids`` to its recipient, in the recipient's
    language; return how many were sent.

    Skips recipients without an address or who turned e-mails off, and notifications
    already e-mailed (``emailed_at``): running it twice sends nothing twice. A mail server
    that fails is logged; with ``strict`` (the task), ``EmailsNotSent`` is raised after the
    others were sent, so that the queue tries the failed ones again.
    """
    rows = Notification.objects.filter(pk__in=ids, emailed_at__isnull=True).select_related(
        "recipient__press_preferences", "release", "actor"
    )
    messages = []
    for notification in rows:
        user = notification.recipient
        preferences = preferences_of(user)
        if not user.email or not preferences.email:
            continue
        with translation.override(preferences.language or settings.LANGUAGE_CODE):
            context = {
                "notification": notification,
                "user": user,
                "link": change_link(notification.release_id),
                "preferences_link": settings.PRESS_SITE_URL.rstrip("/")
                + reverse("admin:press_preferences"),
            }
            subject = render_to_string("press/email/notification_subject.txt", context)
            body = render_to_string("press/email/notification.txt", context)
        message = mail.EmailMessage(" ".join(subject.split()), body, to=[user.email])
        messages.append((notification.pk, message))
    sent, failed = 0, []
    for pk, message in messages:
        try:
            sent += message.send()
        except OSError:  # smtplib's errors are OSErrors: refused, timed out, rejected
            logger.exception("Notification e-mail to %s not sent", message.to[0])
            failed.append(pk)
        else:
            # Hazard: a database that fails between the send and this line leaves it
            # unmarked, and a retry sends it once more (at least once, never lost).
            Notification.objects.filter(pk=pk).update(emailed_at=timezone.now())
    if failed and strict:
        raise EmailsNotSent(f"Notifications {failed} not e-mailed")
    return sent


def notifications_read(*, user, ids: list[int] | None = None) -> int:
    """Mark the user's notifications (those in ``ids``, or all) read; return how many."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
