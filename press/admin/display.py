"""How the admin shows a release's state and times: list columns and the form's read-only lines."""

import datetime
import functools

from django.contrib import admin
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from press import languages
from press.models import Status, TranslationState

TASHKENT = gettext_lazy("(Tashkent time)")

STATE_SIGNS = {
    TranslationState.UP_TO_DATE: "✓",
    TranslationState.OUTDATED: "⚠",
    TranslationState.MACHINE: "⚙",
    TranslationState.MISSING: "—",
}


def local_time(moment: datetime.datetime | None) -> str:
    """The moment in Tashkent, as the active language writes it, saying so."""
    if moment is None:
        return ""
    return f"{formats.date_format(timezone.localtime(moment), 'DATETIME_FORMAT')} {TASHKENT}"


def short_date(moment: datetime.datetime) -> str:
    """The day of ``moment`` in Tashkent, short, as the active language writes it."""
    return formats.date_format(timezone.localtime(moment), "SHORT_DATE_FORMAT")


@admin.display(description=gettext_lazy("title"), ordering="id")
def title_column(release):
    """The title in the admin's language; failing that, the first language that has one,
    marked as such (its ``lang`` and its name): a translator reading the Russian list must
    not take a Latin Uzbek title for a Russian one."""
    shown = getattr(release, languages.field("title", languages.current()))
    if not shown:
        other = next(
            (c for c in languages.codes() if getattr(release, languages.field("title", c))),
            None,
        )
        if other is None:
            shown = release.slug or _("(untitled)")
        else:
            shown = format_html(
                '<span lang="{}">{}</span> <small class="other-language">({})</small>',
                languages.bcp47(other),
                getattr(release, languages.field("title", other)),
                languages.name(other),
            )
    # The row's checkbox is named by this element (ReleaseAdmin.action_checkbox).
    return format_html('<span id="title-{}">{}</span>', release.pk, shown)


@admin.display(description=gettext_lazy("state"), ordering="status")
def state_column(release):
    """The release's state; a scheduled one with its time, a forced one flagged."""
    if release.is_scheduled():
        return format_html(
            "<strong>{}</strong><br><small>{}</small>",
            _("Scheduled"),
            local_time(release.published_at),
        )
    # Not get_status_display(): it builds a dict of the field's choices on every call.
    label = Status(release.status).label
    if release.force_published and release.status == Status.PUBLISHED:
        return format_html("{} <small>({})</small>", label, _("without review"))
    return label


@admin.display(description=gettext_lazy("translations"))
def translation_column(release):
    """Each language with a sign for its state: up to date, outdated (since when, on
    hovering), machine-made, missing."""
    outdated = release.outdated_since()
    return mark_safe(
        " · ".join(
            language_state(code, state, outdated[code])
            if state == TranslationState.OUTDATED
            else usual_language_state(translation.get_language(), code, state)
            for code, state in release.translation_states().items()
        )
    )


def language_state(code: str, state: str, since: datetime.datetime | None = None) -> str:
    """A language's code and sign, its name and state in words on hovering."""
    words = f"{languages.name(code)}: {state_text(state, since)}"
    return format_html('<span title="{}">{} {}</span>', words, code, STATE_SIGNS[state])


@functools.cache
def usual_language_state(active: str, code: str, state: str) -> str:
    """language_state() without a moment, the same for every release in the active
    language (``active``, part of the key): each list row showed four of them, and
    putting each together again was a tenth of the editors' list."""
    return language_state(code, state)


def state_text(state: str, since: datetime.datetime | None = None) -> str:
    """A language's state in words, an outdated one with the moment it fell behind."""
    if state == TranslationState.OUTDATED and since is not None:
        return _("outdated since %(time)s") % {"time": local_time(since)}
    return str(TranslationState(state).label)
