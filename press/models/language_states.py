"""Each language of a release has its own state: up to date, outdated since a moment,
machine-made or missing; and its own last major correction, with its own note.

A mixin of ``Release`` (press/models/releases.py), which keeps the states for queries in
``translation_needed`` on every save.
"""

import datetime

from press import languages
from press.models.choices import TranslationState


def _when(value) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value) if isinstance(value, str) else value


class LanguageStates:
    """What ``Release`` says about each language, from ``language_edited_at`` (when each
    language's text last changed) and ``language_changed_at`` (its last major correction)."""

    def source_language(self) -> str | None:
        """The language translations follow: Uzbek Latin if written, else the first written."""
        filled = self.languages_filled()
        if "uz" in filled:
            return "uz"
        return filled[0] if filled else None

    def outdated_since(self) -> dict[str, datetime.datetime]:
        """``{code: moment}`` for each written language whose text predates a change it
        should follow: the source language's last edit, or another language's major
        correction (``language_changed_at``). The moment is the first such change.

        A language's own edit (``language_edited_at``) at or after the change brings it up
        to date again.
        """
        filled = self.languages_filled()
        source = self.source_language()
        edited = self.language_edited_at or {}
        corrected = self.language_changed_at or {}
        outdated = {}
        for code in filled:
            if not edited.get(code):
                continue
            own = _when(edited[code])
            changes = [
                _when(moment)
                for other, moment in corrected.items()
                if other != code and other in filled and moment
            ]
            if code != source and edited.get(source):
                changes.append(_when(edited[source]))
            later = [moment for moment in changes if moment > own]
            if later:
                outdated[code] = min(later)
        return outdated

    def translation_states(self) -> dict[str, str]:
        """``{code: state}`` with state one of TranslationState's values."""
        filled = self.languages_filled()
        outdated = self.outdated_since()
        machine = set(getattr(self, "machine_translated", None) or [])
        states = {}
        for code in languages.codes():
            if code not in filled:
                states[code] = TranslationState.MISSING
            elif code in machine:
                states[code] = TranslationState.MACHINE
            elif code in outdated:
                states[code] = TranslationState.OUTDATED
            else:
                states[code] = TranslationState.UP_TO_DATE
        return states

    def outdated_in(self, code: str | None = None) -> datetime.datetime | None:
        """The moment since which the text in ``code`` (the active language) is outdated, or
        None when it is up to date: what that language's page tells its readers."""
        return self.outdated_since().get(code or languages.current())

    def correction_in(self, code: str | None = None) -> tuple[datetime.datetime, str] | None:
        """``(moment, note)`` of the last major correction of the text in ``code`` (the
        active language), or None: what that language's page says under "Updated". Never
        another language's note."""
        code = code or languages.current()
        moment = (self.language_changed_at or {}).get(code)
        note = getattr(self, languages.field("change_note", code), "")
        if not moment or not note:
            return None
        return _when(moment), note

    def _translation_needed(self) -> str:
        states = self.translation_states().items()
        needed = [code for code, state in states if state != TranslationState.UP_TO_DATE]
        return f"|{'|'.join(needed)}|" if needed else ""
