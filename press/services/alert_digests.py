"""Readers' daily and weekly alert digests: when they are due, what each lists, and the task
chain that sends them (each run enqueues the next; ``DigestSchedule`` lets one run do so).

The messages, the claims that make sending idempotent and the matching are shared with the
immediate alerts (``press.services.alert_mail``).
"""

import datetime
import zoneinfo

from django.conf import settings
from django.core import mail
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from press import tasks
from press.models import DigestSchedule, Frequency, Release, Subscriber, Subscription
from press.services.alert_mail import (
    CONFIRM_MAX_AGE,
    deliver,
    describe,
    groups_of,
    matching,
    release_entry,
    render_alert,
    site_url,
)

PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(7)}


def next_digest_time(frequency: str, after: datetime.datetime) -> datetime.datetime:
    """The first digest time of ``frequency`` after ``after``: PRESS_ALERTS_DIGEST_HOUR in
    Asia/Tashkent (TIME_ZONE), every day, or on Mondays for the weekly one."""
    local = timezone.localtime(after, zoneinfo.ZoneInfo(settings.TIME_ZONE))
    at = local.replace(hour=settings.PRESS_ALERTS_DIGEST_HOUR, minute=0, second=0, microsecond=0)
    if at <= local:
        at += datetime.timedelta(days=1)
    if frequency == Frequency.WEEKLY:
        at += datetime.timedelta(days=-at.weekday() % 7)
    return at


def digests_send(frequency: str, at: str) -> int:
    """Send the ``frequency`` digests of the period ending ``at`` (ISO time) and enqueue
    the next; return how many were sent. Each lists the period's matching releases once."""
    end = datetime.datetime.fromisoformat(at)
    if frequency == Frequency.DAILY:
        unconfirmed_expire(now=end)
    start = end - PERIODS[frequency]
    day = timezone.localtime(end, zoneinfo.ZoneInfo(settings.TIME_ZONE)).date()
    key = f"{frequency}:{day.isoformat()}"
    subscriptions = Subscription.objects.confirmed().to_lists().filter(frequency=frequency)
    connection = mail.get_connection()
    connection.open()
    sent = 0
    try:
        for query, code in groups_of(subscriptions):
            found = matching(query, code, Release.objects.published_between(start, end))
            releases = list(found.latest())
            if not releases:
                continue
            with translation.override(code):
                if frequency == Frequency.DAILY:
                    date = formats.date_format(day - PERIODS[frequency], "DATE_FORMAT")
                    subject = _("Press releases of %(date)s") % {"date": date}
                else:
                    date = formats.date_format(day, "DATE_FORMAT")
                    subject = _("Press releases of the week to %(date)s") % {"date": date}
                rendered = render_alert(
                    code,
                    subject,
                    {
                        "kind": "digest",
                        "releases": [release_entry(release, code) for release in releases],
                        "about": describe(query),
                        "list_url": site_url("press:release_list", query=query),
                    },
                )
            group = subscriptions.filter(query=query, language=code)
            sent += deliver(group, key, rendered, connection)
    finally:
        connection.close()
    following = next_digest_time(frequency, end)
    # Only the run that still finds its own time moves the schedule and enqueues the next.
    # A backend that cannot wait (the immediate one) would run the next at once, and the one
    # after it: the chain needs a queue that defers (digest_schedule_ensure says the same).
    moved = DigestSchedule.objects.filter(frequency=frequency, next_at=end).update(
        next_at=following
    )
    if moved and tasks.send_digests.get_backend().supports_defer:
        tasks.enqueue(tasks.send_digests, frequency, following.isoformat(), run_after=following)
    return sent


def digest_schedule_ensure(now: datetime.datetime | None = None) -> list[str]:
    """Start the digest task chains that are not running; return the frequencies started.

    Called by ``manage.py alerts_schedule`` (``make run``, deploys) and when a digest
    subscription is confirmed. A chain whose time has passed is started again: if its task
    is only late (no worker was up), the two runs collapse into one.
    """
    if not tasks.send_digests.get_backend().supports_defer:
        return []
    now = now or timezone.now()
    started = []
    for frequency in PERIODS:
        row, created = DigestSchedule.objects.get_or_create(
            frequency=frequency, defaults={"next_at": next_digest_time(frequency, now)}
        )
        if created or row.next_at <= now:
            tasks.enqueue(
                tasks.send_digests, frequency, row.next_at.isoformat(), run_after=row.next_at
            )
            started.append(frequency)
    return started


def unconfirmed_expire(now: datetime.datetime | None = None) -> int:
    """Delete subscriptions left unconfirmed past their link's life, and the addresses left
    with none: an address nobody confirmed is not kept. Run by the daily digest task."""
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=CONFIRM_MAX_AGE)
    deleted, _rows = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    Subscriber.objects.filter(subscriptions__isnull=True, created_at__lt=cutoff).delete()
    return deleted
