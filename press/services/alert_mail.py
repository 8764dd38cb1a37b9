"""Readers' alert e-mails: what the tasks do that write and send them, and the signed links
in them.

The tasks (``press.tasks``, enqueued after commit with ids only, see
``press.services.alerts``) call:

- ``alert_confirmation_send(subscription_id)``: the double opt-in e-mail;
- ``release_alerts_send(release_id, kind)``: ``new`` to the "immediately" subscribers
  whose filter matches (when the release is public: a scheduled one's task waits for its
  time and checks again), ``updated`` after a major correction and ``withdrawn`` to those
  subscribed to that release;
- ``digests_send(frequency, at)``: the daily and weekly digests (``press.services.alert_digests``).

Idempotent: each message is claimed as an ``AlertDelivery`` row (unique per subscription
and key) before it leaves, so a task run twice, or two workers, never send it twice. A
batch whose sending fails gives its claims back and raises, for the queue to retry.

A subscriber gets a release only in their own language: if the release is not written in
it when the message goes, nothing is sent to them for it (a later digest lists it once
the translation is out within its period).

Which releases a subscription's filter matches is decided by the public list's own
filters (``press.site.filters.ReleaseFilter``) over ``Release.objects.public(language)``:
the one place a service reads ``press/site``, because a subscription *is* that filter.
"""

import logging

from django.conf import settings
from django.core import mail, signing
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from press import languages
from press.models import (
    AlertDelivery,
    Country,
    Frequency,
    Kind,
    Occasion,
    Person,
    Release,
    Status,
    Subscription,
    Topic,
)
from press.site.filters import ReleaseFilter

logger = logging.getLogger(__name__)

CONFIRM_SALT = "press.alerts.confirm"
MANAGE_SALT = "press.alerts.manage"
UNSUBSCRIBE_SALT = "press.alerts.unsubscribe"
# A confirmation link is good for a week; manage and unsubscribe links as long as their row
# lives (a reader may keep an old e-mail for years).
CONFIRM_MAX_AGE = 7 * 24 * 3600
# Messages written and handed to the one SMTP connection at a time: bounds memory.
BATCH = 500
# Stand-ins for each recipient's own links in a message rendered once for many.
UNSUBSCRIBE_MARK = "press-alerts-unsubscribe-link"
MANAGE_MARK = "press-alerts-manage-link"


# --- Signed links -----------------------------------------------------------------------------


def token_for(pk: int, salt: str) -> str:
    """A signed token naming an id (a subscription's, or a subscriber's for managing)."""
    return signing.dumps(pk, salt=salt)


def read_token(token: str, salt: str, max_age: int | None = None) -> int | None:
    """The id a token names, or None if we did not sign it for ``salt`` (or it expired)."""
    try:
        value = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def site_url(name: str, *args, query: str = "") -> str:
    """The absolute address of a URL name in the active language."""
    path = reverse(name, args=args)
    return settings.PRESS_SITE_URL.rstrip("/") + path + (f"?{query}" if query else "")


# --- What a subscription asks for -------------------------------------------------------------


def describe(query: str = "", release: Release | None = None) -> list[str]:
    """A subscription's filter in words, in the active language, one line per filter."""
    if release is not None:
        return [_("Updates to the release “%(title)s”") % {"title": release}]
    data = QueryDict(query)
    lines = []
    for model, field, name, label in (
        (Country, "code", "country", _("Countries and organisations")),
        (Topic, "slug", "topic", _("Topics")),
        (Person, "slug", "official", _("Official")),
    ):
        values = data.getlist(name)
        if values:
            names = sorted(
                str(row.name) for row in model.objects.filter(**{f"{field}__in": values})
            )
            lines.append(f"{label}: {', '.join(names or values)}")
    if data.get("event"):
        event = Occasion.objects.filter(slug=data["event"]).first()
        lines.append(f"{_('Event')}: {event or data['event']}")
    if data.get("kind"):
        lines.append(f"{_('Kind')}: {dict(Kind.choices).get(data['kind'], data['kind'])}")
    if data.get("q"):
        lines.append(f"{_('Search')}: «{data['q']}»")
    if data.get("date_from"):
        lines.append(_("Events from %(date)s") % {"date": data["date_from"]})
    if data.get("date_to"):
        lines.append(_("Events until %(date)s") % {"date": data["date_to"]})
    return lines or [_("Every press release")]


def matching(query: str, code: str, releases):
    """``releases`` (a queryset) narrowed to the subscription filter ``query`` and to what is
    public in ``code``; none if the stored filter no longer validates (a topic deleted)."""
    with translation.override(code):
        found = ReleaseFilter(QueryDict(query), queryset=releases.public(code))
        if not found.is_valid():
            return Release.objects.none()
        return found.qs


# --- Messages ---------------------------------------------------------------------------------


def release_entry(release: Release, code: str, note: str = "") -> dict:
    title = getattr(release, languages.field("title", code))
    lead = strip_tags(getattr(release, languages.field("lead", code)) or "").strip()
    return {
        "title": title,
        "lead": lead,
        "url": site_url("press:release", release.slug),
        "note": note,
    }


def render_alert(code: str, subject: str, context: dict) -> tuple[str, str, str]:
    """(subject, text, html) in language ``code``, with marks for each recipient's links."""
    context = {
        **context,
        "site_name": settings.PRESS_SITE_NAME,
        "unsubscribe_url": UNSUBSCRIBE_MARK,
        "manage_url": MANAGE_MARK,
        "lang": languages.bcp47(code),
    }
    text = render_to_string("press/email/alert.txt", context)
    html = render_to_string("press/email/alert.html", context)
    return " ".join(subject.split()), text, html


def _message(subscription, rendered, connection) -> mail.EmailMultiAlternatives:
    """One recipient's multipart message, with its one-click unsubscribe (RFC 8058)."""
    subject, text, html = rendered
    with translation.override(subscription.language):
        unsubscribe = site_url(
            "press:alerts_unsubscribe", token_for(subscription.pk, UNSUBSCRIBE_SALT)
        )
        manage = site_url("press:alerts_manage", token_for(subscription.subscriber_id, MANAGE_SALT))
    header = f"<{unsubscribe}>"
    if settings.PRESS_ALERTS_UNSUBSCRIBE_MAILTO:
        header += f", <mailto:{settings.PRESS_ALERTS_UNSUBSCRIBE_MAILTO}?subject=unsubscribe>"
    message = mail.EmailMultiAlternatives(
        subject,
        text.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(MANAGE_MARK, manage),
        to=[subscription.subscriber.email],
        connection=connection,
        headers={
            "List-Unsubscribe": header,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(
        html.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(MANAGE_MARK, manage), "text/html"
    )
    return message


def deliver(subscriptions, key: str, rendered, connection) -> int:
    """Claim and send ``rendered`` to each of ``subscriptions`` not yet sent ``key``, in
    batches over ``connection``; return how many were sent."""
    sent, last = 0, 0
    while True:
        try:
            with transaction.atomic():
                # Rows another worker is claiming are skipped (PostgreSQL), then found
                # delivered; the unique constraint catches the rest.
                batch = list(
                    subscriptions.filter(pk__gt=last)
                    .exclude(deliveries__key=key)
                    .select_related("subscriber")
                    .select_for_update(skip_locked=True, of=("self",))
                    .order_by("pk")[:BATCH]
                )
                AlertDelivery.objects.bulk_create(
                    AlertDelivery(subscription=row, key=key) for row in batch
                )
        except IntegrityError:
            continue
        if not batch:
            return sent
        last = batch[-1].pk
        try:
            connection.send_messages([_message(row, rendered, connection) for row in batch])
        except Exception:
            AlertDelivery.objects.filter(subscription__in=batch, key=key).delete()
            raise
        sent += len(batch)


def groups_of(subscriptions):
    """The distinct (filter, language) pairs of ``subscriptions``: what is worked out once."""
    return subscriptions.values_list("query", "language").distinct().order_by("query", "language")


def alert_confirmation_send(subscription_id: int) -> int:
    """Send the confirmation e-mail of an unconfirmed subscription; return 1 if sent.

    The same words whether or not the address has other subscriptions, confirmed or not."""
    row = (
        Subscription.objects.filter(pk=subscription_id, confirmed_at__isnull=True)
        .select_related("subscriber", "release")
        .first()
    )
    if row is None:
        return 0
    with translation.override(row.language):
        context = {
            "about": describe(row.query, row.release),
            "frequency": row.get_frequency_display(),
            "confirm_url": site_url("press:alerts_confirm", token_for(row.pk, CONFIRM_SALT)),
            "site_name": settings.PRESS_SITE_NAME,
            "lang": languages.bcp47(row.language),
        }
        subject = _("Confirm your e-mail alerts from %(site)s") % {"site": settings.PRESS_SITE_NAME}
        message = mail.EmailMultiAlternatives(
            subject,
            render_to_string("press/email/alert_confirm.txt", context),
            to=[row.subscriber.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(
            render_to_string("press/email/alert_confirm.html", context), "text/html"
        )
    return message.send()


def release_alerts_send(release_id: int, kind: str) -> int:
    """Send the ``kind`` ("new", "updated", "withdrawn") messages about a release; return
    how many were sent. Checks the release's state as it is now, when the task runs."""
    release = Release.objects.filter(pk=release_id).first()
    if release is None:
        return 0
    connection = mail.get_connection()
    connection.open()  # one connection for every message of this run
    try:
        if kind == "new":
            return _send_new(release, connection)
        if kind in ("updated", "withdrawn"):
            return _send_to_own(release, kind, connection)
        raise ValueError(kind)
    finally:
        connection.close()


def _send_new(release: Release, connection) -> int:
    if not release.is_published():  # unscheduled, withdrawn, or not due yet
        return 0
    subscriptions = (
        Subscription.objects.confirmed().to_lists().filter(frequency=Frequency.IMMEDIATELY)
    )
    sent = 0
    for query, code in groups_of(subscriptions):
        if not matching(query, code, Release.objects.filter(pk=release.pk)).exists():
            continue
        with translation.override(code):
            entry = release_entry(release, code)
            rendered = render_alert(
                code,
                _("New: %(title)s") % {"title": entry["title"]},
                {"kind": "new", "releases": [entry], "about": describe(query)},
            )
        group = subscriptions.filter(query=query, language=code)
        sent += deliver(group, f"new:{release.pk}", rendered, connection)
    return sent


def _send_to_own(release: Release, kind: str, connection) -> int:
    """ "updated" or "withdrawn" to the subscribers of this one release, in the languages the
    release is written in (updated: those its last major correction corrected)."""
    if kind == "updated":
        if not release.is_published() or release.changed_at is None:
            return 0
        moment = release.changed_at.isoformat()
        changed = release.language_changed_at or {}
        codes = [c for c in release.languages_filled() if changed.get(c) == moment]
        key = f"updated:{release.pk}:{moment}"
    else:
        if release.status != Status.WITHDRAWN:
            return 0
        codes = release.languages_filled()
        key = f"withdrawn:{release.pk}"
    subscriptions = Subscription.objects.confirmed().filter(release=release)
    sent = 0
    for code in codes:
        with translation.override(code):
            if kind == "updated":
                note = getattr(release, languages.field("change_note", code))
                subject = _("Updated: %(title)s")
            else:
                note = getattr(release, languages.field("withdrawal_reason", code))
                subject = _("Withdrawn: %(title)s")
            entry = release_entry(release, code, note)
            rendered = render_alert(
                code,
                subject % {"title": entry["title"]},
                {"kind": kind, "releases": [entry], "about": describe(release=release)},
            )
        group = subscriptions.filter(language=code)
        sent += deliver(group, key, rendered, connection)
    return sent
