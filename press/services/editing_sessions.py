"""Who else has a release's change form open now: a heartbeat per editor and release.

The change form beats (``static/js/admin-presence.js``) every ``PRESS_PRESENCE_BEAT_SECONDS``
while it is open and visible; an editor counts as present while the last beat is younger
than ``PRESS_PRESENCE_WINDOW_SECONDS``. The entry is removed when the editor leaves the page,
saves (``release_save``) or moves the release on (every transition), so a warning names only
people who have the release open now. ``EditingSession.opened_at`` holds the last beat.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from press.models import EditingSession, Release


def presence_window() -> datetime.timedelta:
    """Return how long after an editor's last beat they still count as present."""
    return datetime.timedelta(seconds=settings.PRESS_PRESENCE_WINDOW_SECONDS)


def editing_session_beat(*, release: Release, user) -> list[EditingSession]:
    """Note that ``user`` has the form open now; return the others present, each once."""
    now = timezone.now()
    # One upsert (INSERT … ON CONFLICT DO UPDATE), not a SELECT and then a write: two tabs
    # beating at once cannot both insert and break the (release, user) key.
    EditingSession.objects.bulk_create(
        [EditingSession(release=release, user=user, opened_at=now)],
        update_conflicts=True,
        unique_fields=["release", "user"],
        update_fields=["opened_at"],
    )
    return list(
        EditingSession.objects.filter(release=release, opened_at__gt=now - presence_window())
        .exclude(user=user)
        .select_related("user")
        .order_by("opened_at")
    )


def editing_session_end(*, release: Release, user) -> None:
    """Forget that ``user`` has the form open: they left, saved, or moved the release on."""
    EditingSession.objects.filter(release=release, user=user).delete()
