"""Who else has a release's change form open: each editor's last opening of it.

``release_save`` (saving) deletes the editor's own entry once the save is done.
"""

import datetime

from django.utils import timezone

from press.models import EditingSession, Release

# How long an opened form counts as "being edited" when no save follows.
EDITING_WINDOW = datetime.timedelta(minutes=30)


def editing_session_open(*, release: Release, user) -> list[EditingSession]:
    """Note that ``user`` opened the form; return the others who did in the last 30 minutes."""
    now = timezone.now()
    # One upsert (INSERT … ON CONFLICT DO UPDATE), not a SELECT and then a write: two tabs
    # opening the same form at once cannot both insert and break the (release, user) key.
    EditingSession.objects.bulk_create(
        [EditingSession(release=release, user=user, opened_at=now)],
        update_conflicts=True,
        unique_fields=["release", "user"],
        update_fields=["opened_at"],
    )
    return list(
        EditingSession.objects.filter(release=release, opened_at__gte=now - EDITING_WINDOW)
        .exclude(user=user)
        .select_related("user")
        .order_by("opened_at")
    )
