"""What every state change shares: the locked read, the versioned write, the audit entry,
and the small helpers its checks and messages use.
"""

import datetime
from typing import NamedTuple

from django.contrib.admin.models import CHANGE, LogEntry
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from press import languages
from press.models import Photo, Release
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


class MissingAlt(NamedTuple):
    """A photo lacking alternative text: its number on the form (from 1), the photo, and
    the codes of the languages it lacks."""

    number: int
    photo: Photo
    codes: list[str]

    def message(self) -> str:
        """Return "Photo 2: write the alternative text in Russian, English." in the active
        language."""
        return _("Photo %(number)s: write the alternative text in %(languages)s.") % {
            "number": self.number,
            "languages": ", ".join(languages.name(code) for code in self.codes),
        }


def photos_missing_alt(release: Release) -> list[MissingAlt]:
    """Return the photos lacking alternative text in a language the release is written in,
    numbered as the change form shows them (the photos' order)."""
    codes = release.languages_filled()
    missing = []
    for number, photo in enumerate(release.photos.all(), start=1):
        lacking = [c for c in codes if not getattr(photo, languages.field("alt", c))]
        if lacking:
            missing.append(MissingAlt(number, photo, lacking))
    return missing
