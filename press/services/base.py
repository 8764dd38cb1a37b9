"""What every state change shares: the locked read, the versioned write, the audit entry,
and the small helpers its checks and messages use.
"""

import datetime
import json
from typing import NamedTuple

from django.contrib.admin.models import CHANGE, LogEntry
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from press import languages
from press.models import Photo, Release
from press.services.errors import ConflictError, WorkflowError

# The key of our workflow events in a LogEntry's JSON list, beside Django's "added",
# "changed" and "deleted" (which Django renders itself and ignores ours).
EVENT_KEY = "press"


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


def audit(user, release: Release, action: str, /, *, flag=CHANGE, **params) -> None:
    """Add an entry to Django's admin log: the action's key and its parameters, as JSON.

    Stored as an event, not as a sentence, so that the history page says it in its
    reader's language, whoever acted (press/admin/history.py renders it, as Django's own
    ``LogEntry.get_change_message`` does for its JSON). ``params`` are plain values: what a
    person typed (a note, or reasons by language code), language codes, times, a slug.
    """
    event = {"action": action, **{k: v for k, v in params.items() if v}}  # no empty values
    message = json.dumps([{EVENT_KEY: event}], cls=DjangoJSONEncoder, ensure_ascii=False)
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=[release], action_flag=flag, change_message=message
    )


def by_language(value) -> dict[str, str]:
    """Return ``{code: text}`` (stripped, "" when not given) for every language.

    ``value`` is a dict by language code, or a plain string taken as the active language's.
    """
    if isinstance(value, dict):
        return {code: (value.get(code) or "").strip() for code in languages.codes()}
    current = languages.current()
    return {code: (value or "").strip() if code == current else "" for code in languages.codes()}


def reasons_for_every_language(release: Release, reason, *, missing: str) -> dict[str, str]:
    """Return ``{code: reason}`` for each language the release is written in, refused when
    one is missing: readers of every language are told why, never in another language.

    ``missing`` is the message when no reason is given at all. The refusal's field is the
    admin form's ``reason_<suffix>`` of the first language without one.
    """
    texts = by_language(reason)
    filled = release.languages_filled() or languages.codes()
    if not any(texts[code] for code in filled):
        raise WorkflowError(missing, field=f"reason_{languages.suffix(filled[0])}")
    for code in filled:
        if not texts[code]:
            raise WorkflowError(
                _("Write the reason in %(language)s too: its readers are told why.")
                % {"language": languages.name(code)},
                field=f"reason_{languages.suffix(code)}",
            )
    return {code: texts[code] for code in filled}


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
