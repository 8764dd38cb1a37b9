"""What every state change shares: the locked read, the versioned write, the audit entry,
and the small helpers its checks and messages use.
"""

import datetime

from django.contrib.admin.models import CHANGE, LogEntry
from django.utils import formats, timezone

from press import languages
from press.models import Release
from press.services.errors import ConflictError


def lock(release: Release, version: int | None) -> Release:
    """Return the stored release, locked for this transaction; refused if ``version`` is stale.

    Call it inside ``transaction.atomic`` and before any check: the row lock holds until the
    transaction ends, so two editors' changes are made one after the other, and the second
    sees the first one's version and is refused with ``ConflictError``.
    """
    stored = Release.objects.select_for_update().get(pk=release.pk)
    if version is not None and int(version) != stored.version:
        raise ConflictError(stored)
    return stored


def write(release: Release, stored: Release | None, **kwargs) -> None:
    """Validate and save ``release`` one version past ``stored`` (a new one keeps its version)."""
    release.version = (stored.version if stored else release.version) + (1 if stored else 0)
    release.full_clean(exclude=["slug"], validate_unique=False, validate_constraints=False)
    release.save(**kwargs)


def audit(user, release: Release, message: str, *, flag=CHANGE) -> None:
    """Add an entry to Django's admin log, which the admin's history page shows."""
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=[release], action_flag=flag, change_message=message
    )


def translated(value, field: str) -> dict[str, str]:
    """Return ``{"<field>_<lang>": text}`` for the filled languages of ``value``.

    ``value`` is a dict by language code, or a plain string taken as the active language.
    """
    if isinstance(value, dict):
        texts = {code: (value.get(code) or "").strip() for code in languages.codes()}
    else:
        texts = {languages.current(): (value or "").strip()}
    return {languages.field(field, code): text for code, text in texts.items() if text}


def local_time(moment: datetime.datetime) -> str:
    """Return ``moment`` written in the site's time zone (Tashkent), for a message."""
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def photos_missing_alt(release: Release) -> list[str]:
    """Return the photos lacking alternative text in a language the release is written in."""
    codes = release.languages_filled()
    return [
        str(photo)
        for photo in release.photos.all()
        if any(not getattr(photo, languages.field("alt", c)) for c in codes)
    ]
