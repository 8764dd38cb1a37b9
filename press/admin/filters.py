"""The release list's own filters: by workflow state, by the language still to translate, and
by what a release names (countries, their kind, topics)."""

from urllib.parse import quote

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from press import languages
from press.models import Country, CountryKind, Release, Status, Topic
from press.site import page_cache


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


class NamedFilter(admin.SimpleListFilter):
    """Releases naming the country or topic chosen in the sidebar, through
    ``Release.objects.about()``: ``pk IN`` the link table's release ids.

    Not Django's own filter for a many-to-many field: once used, it makes the whole
    changelist DISTINCT over every column of the release (the bodies in four languages
    included) for the page, its count and the date hierarchy, the slowest part of the
    editors' list on a large archive. The parameters are the ones Django's filter used, so
    bookmarked lists keep working.
    """

    relation = ""  # the field of Release: "countries", "topics"
    about = ""  # the keyword of Release.objects.about(): "country", "topic"
    model = None
    unnamed = ""  # what the subject's __str__ shows when it has no name: "code", "slug"

    # Django's admin/filter.html with each choice's <li> drawn here (choices): ~260 of them,
    # a country each, were the template engine's largest part of the editors' list.
    template = "admin/press/release/named_filter.html"

    def __init__(self, request, params, model, model_admin):
        self.title = Release._meta.get_field(self.relation).verbose_name
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        # The sidebar lists every country (~260): read as model instances on every list,
        # they were a tenth of the editors' list. Kept as (id, name) in the editor's
        # language until a name changes (``names``, as the finder's options are).
        def rows():
            # str(subject): its name in the language or its fallbacks, else the code/slug.
            return [
                (str(pk), name)
                for pk, _v, name in languages.names(self.model.objects, self.unnamed)
            ]

        choices = page_cache.remember_names(f"admin:{self.model._meta.model_name}", rows)
        return [*choices, ("none", model_admin.get_empty_value_display())]

    def choices(self, changelist):
        # Django's choices() asks changelist.get_query_string() for each one: a copy, sort and
        # urlencode of all the list's parameters, ~260 times on every editors' list. The
        # others are the same in every link: encoded once, each choice's own put after
        # them. No counts beside the choices (show_facets is NEVER).
        others = changelist.get_query_string(remove=[self.parameter_name])
        own = f"{others}&" if others != "?" else others
        value = self.value()
        yield self.choice(value is None, others, _("All"))
        for lookup, title in self.lookup_choices:
            link = f"{own}{self.parameter_name}={quote(str(lookup), safe='')}"
            yield self.choice(value == str(lookup), link, title)

    @staticmethod
    def choice(selected, link, title):
        # Put together by hand, not by format_html: it is done ~260 times a list.
        chosen = ' class="selected"' if selected else ""
        item = mark_safe(f'<li{chosen}><a href="{escape(link)}">{escape(title)}</a></li>')
        return {"selected": selected, "query_string": link, "display": title, "item": item}

    def subjects(self, value):
        """The subjects the chosen value stands for."""
        try:
            return [int(value)]
        except ValueError:
            raise IncorrectLookupParameters(value) from None

    def queryset(self, request, queryset):
        value = self.value()
        if not value:
            return queryset
        if value == "none":
            return queryset.naming_none(self.relation)
        return queryset.about(**{self.about: self.subjects(value)})


class CountryFilter(NamedFilter):
    parameter_name = "countries__id__exact"
    relation, about, model = "countries", "country", Country
    unnamed = "code"


class TopicFilter(NamedFilter):
    parameter_name = "topics__id__exact"
    relation, about, model = "topics", "topic", Topic
    unnamed = "slug"


class CountryKindFilter(NamedFilter):
    """Releases naming a country, or an organisation (any of that kind)."""

    parameter_name = "countries__kind"  # a relation path: ModelAdmin.lookup_allowed checks it
    relation, about, model = "countries", "country", Country

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        # Not the field's "kind": the release's own kind is filtered too, under that word.
        self.title = _("kind of partner")

    def lookups(self, request, model_admin):
        return CountryKind.choices

    def subjects(self, value):
        if value not in CountryKind.values:
            raise IncorrectLookupParameters(value)
        return Country.objects.filter(kind=value)
