"""Readers' e-mail alerts: subscribing (double opt-in), managing, unsubscribing, and the
hooks the workflow calls when a release becomes public, is corrected or is withdrawn.

Every change here is a service like the others; the messages themselves are written and
sent by ``press.services.alert_mail``, as tasks enqueued after the commit with ids only.

Signed links (``django.core.signing``, salted per purpose) stand in for a password:

- confirm: ``alerts/confirm/<token>/`` confirms one stored, unconfirmed subscription;
- manage: ``alerts/manage/<token>/`` shows every subscription of the address;
- unsubscribe: ``alerts/unsubscribe/<token>/`` deletes one subscription (RFC 8058 POST).

A token names an id, never an address, and dies with its row.
"""

import datetime

from django.db import transaction
from django.http import QueryDict
from django.utils import timezone

from press import tasks
from press.models import Frequency, Release, Subscriber, Subscription
from press.services.alert_digests import digest_schedule_ensure
from press.site.filters import ReleaseFilter

# The list's parameters a subscription keeps: its filters (ReleaseFilter's own), not the
# order of a search; "page" and anything unknown are dropped.
FILTER_PARAMETERS = tuple(name for name in ReleaseFilter.Meta.fields if name != "sort")


# --- Filters ----------------------------------------------------------------------------------


def canonical_query(data: QueryDict) -> str:
    """The list's filter parameters of ``data``, sorted and without empties: two ways of
    writing the same filter give the same subscription. A date the finder sent as three
    boxes (``date_from_day``, ``_month``, ``_year``) is kept as one ``date_from=YYYY-MM-DD``,
    which the list reads too."""
    data = data.copy()
    for name in ("date_from", "date_to"):
        typed = date_from_parts(data, name)
        if typed is not None:
            data.setlist(name, [typed.isoformat()])
    pairs = sorted(
        (name, value.strip())
        for name in FILTER_PARAMETERS
        for value in data.getlist(name)
        if value.strip()
    )
    query = QueryDict(mutable=True)
    for name, value in pairs:
        query.appendlist(name, value)
    return query.urlencode()


def date_from_parts(data: QueryDict, name: str) -> datetime.date | None:
    """The date typed in the finder's three boxes for ``name``, or None if not a real one
    (the list would have refused it: no subscription is offered for an invalid filter)."""
    parts = [data.get(f"{name}_{part}", "").strip() for part in ("day", "month", "year")]
    if not all(part.isdigit() for part in parts):
        return None
    day, month, year = map(int, parts)
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


# --- Subscribing ------------------------------------------------------------------------------


def normalise_email(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def subscription_request(
    *, email: str, query: str = "", release: Release | None = None, language: str, frequency: str
) -> Subscription:
    """Store an unconfirmed subscription and send its confirmation e-mail after commit.

    The same happens whether or not the address is known or already subscribed: the page
    and the e-mail are the same, so neither tells anyone what the address is subscribed
    to. Confirming replaces an older subscription of the address to the same filter.
    """
    if release is not None:
        # Updates to one release go out when they happen: a digest of them makes no sense.
        query, frequency = "", Frequency.IMMEDIATELY
    subscriber, _created = Subscriber.objects.get_or_create(email=normalise_email(email))
    pending = Subscription.objects.filter(
        subscriber=subscriber, query=query, release=release, confirmed_at__isnull=True
    ).first()
    if pending is None:
        pending = Subscription(subscriber=subscriber, query=query, release=release)
    pending.language, pending.frequency = language, frequency
    pending.save()
    tasks.enqueue_on_commit(tasks.send_alert_confirmation, pending.pk)
    return pending


@transaction.atomic
def subscription_confirm(*, subscription: Subscription) -> Subscription:
    """Confirm the subscription (again is harmless), replacing any other of the same
    address to the same filter or release."""
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    Subscription.objects.filter(
        subscriber_id=subscription.subscriber_id,
        query=subscription.query,
        release_id=subscription.release_id,
    ).exclude(pk=subscription.pk).delete()
    if subscription.frequency != Frequency.IMMEDIATELY:
        transaction.on_commit(digest_schedule_ensure)
    return subscription


def subscription_update(*, subscription: Subscription, language: str, frequency: str):
    """Change a subscription's language and frequency (a release's stays immediate)."""
    subscription.language = language
    if subscription.release_id is None:
        subscription.frequency = frequency
    subscription.save(update_fields=["language", "frequency"])
    if subscription.frequency != Frequency.IMMEDIATELY and subscription.confirmed_at:
        transaction.on_commit(digest_schedule_ensure)
    return subscription


@transaction.atomic
def subscription_delete(*, subscription_id: int) -> bool:
    """Delete the subscription, and its subscriber if it was the last; return whether there
    was one. Idempotent: an unsubscribe link followed twice finds nothing the second time."""
    row = Subscription.objects.filter(pk=subscription_id).select_for_update().first()
    if row is None:
        return False
    row.delete()
    Subscriber.objects.filter(pk=row.subscriber_id, subscriptions__isnull=True).delete()
    return True


def subscriber_delete(*, subscriber_id: int) -> bool:
    """Delete the address and every subscription of it; return whether there was one."""
    deleted, _rows = Subscriber.objects.filter(pk=subscriber_id).delete()
    return bool(deleted)


# --- What the workflow tells us ---------------------------------------------------------------


def alerts_release_published(*, release: Release) -> None:
    """After commit, have the "immediately" subscribers told when the release is public:
    now, or at its publication time (the task checks again that it is public then)."""
    run_after = release.published_at if release.is_scheduled() else None
    tasks.enqueue_on_commit(tasks.send_release_alerts, release.pk, "new", run_after=run_after)


def alerts_release_corrected(*, release: Release) -> None:
    """After commit, tell the release's own subscribers of a major correction (in the
    languages it corrected). A minor correction calls nothing."""
    tasks.enqueue_on_commit(tasks.send_release_alerts, release.pk, "updated")


def alerts_release_withdrawn(*, release: Release) -> None:
    """After commit, tell the release's own subscribers that it was withdrawn."""
    tasks.enqueue_on_commit(tasks.send_release_alerts, release.pk, "withdrawn")
