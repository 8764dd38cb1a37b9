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
    """Each language with a sign for its state: up to date, outdated, machine-made, missing."""
    states = release.translation_states()
    return format_html_join(
        " · ",
        '<span title="{}">{} {}</span>',
        (
            (f"{languages.name(c)}: {TranslationState(s).label}", c, STATE_SIGNS[s])
            for c, s in states.items()
        ),
    )
