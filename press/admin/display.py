"""How the admin shows a release's state and times: list columns and the form's read-only lines."""

import datetime

from django.contrib import admin
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
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


@admin.display(description=gettext_lazy("state"), ordering="status")
def state_column(release):
    """The release's state; a scheduled one with its time, a forced one flagged."""
    if release.is_scheduled():
        return format_html(
            "<strong>{}</strong><br><small>{}</small>",
            _("Scheduled"),
            local_time(release.published_at),
        )
    label = release.get_status_display()
    if release.force_published and release.status == Status.PUBLISHED:
        return format_html("{} <small>({})</small>", label, _("without review"))
    return label


@admin.display(description=gettext_lazy("translations"))
def translation_column(release):
    """Each language with a sign for its state: up to date, outdated (since when, on
    hovering), machine-made, missing."""
    states = release.translation_states()
    outdated = release.outdated_since()
    return format_html_join(
        " · ",
        '<span title="{}">{} {}</span>',
        (
            (f"{languages.name(c)}: {state_text(s, outdated.get(c))}", c, STATE_SIGNS[s])
            for c, s in states.items()
        ),
    )


def state_text(state: str, since: datetime.datetime | None = None) -> str:
    """A language's state in words, an outdated one with the moment it fell behind."""
    if state == TranslationState.OUTDATED and since is not None:
        return _("outdated since %(time)s") % {"time": local_time(since)}
    return str(TranslationState(state).label)
