"""The release list's own filters: by workflow state, and by the language still to translate."""

from django.contrib import admin
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from press import languages
from press.models import Status


class NeedsTranslationFilter(admin.SimpleListFilter):
    title = gettext_lazy("needs translation into")
    parameter_name = "needs_translation"

    def lookups(self, request, model_admin):
        return [(code, languages.name(code)) for code in languages.codes()]

    def queryset(self, request, queryset):
        if self.value() in languages.codes():
            return queryset.needing_translation(self.value())
        return queryset


class StateFilter(admin.SimpleListFilter):
    title = gettext_lazy("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, _("Draft")),
            (Status.SUBMITTED, _("Submitted for review")),
            ("scheduled", _("Scheduled")),
            ("live", _("Published")),
            (Status.WITHDRAWN, _("Withdrawn")),
            (Status.UNPUBLISHED, _("Unpublished")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "live":
            return queryset.published()
        if value:
            return queryset.filter(status=value)
        return queryset
