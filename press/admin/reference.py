"""The reference data releases cite: countries, topics, people, their posts and appointments,
and the events (summits, visits) that gather releases."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.utils import timezone
from modeltranslation.admin import TabbedTranslationAdmin
from modeltranslation.translator import translator

from press import languages, search
from press.admin.editor import RichTextAdminMixin
from press.admin.transliteration_actions import TransliterationMixin
from press.models import Appointment, Country, Occasion, Person, Post, Topic


class TextOnlyForTranslatorsMixin:
    """Who may change reference data but not add it (a translator) changes its text only.

    Names are spelled per script, so translators fill them; a country's code, a person's
    or topic's address, a post's country and seniority, a portrait stay as editors made them.
    """

    def _text_only(self, request) -> bool:
        return not request.user.has_perm(f"press.add_{self.model._meta.model_name}")

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is None or not self._text_only(request):
            return fields
        text = {"machine_translated"}
        for name in translator.get_options_for_model(self.model).get_field_names():
            text |= {name, *(languages.field(name, code) for code in languages.codes())}
        structure = [
            f.name
            for f in self.model._meta.get_fields()
            if f.concrete and f.editable and not f.auto_created and f.name not in text
        ]
        return [*fields, *(name for name in structure if name not in fields)]

    def get_prepopulated_fields(self, request, obj=None):
        if obj is not None and self._text_only(request):
            return {}  # the slug is read-only: nothing to fill it from
        return super().get_prepopulated_fields(request, obj)


class FoldedSearchMixin:
    """The list's search and the pickers (autocomplete) find a name as the site's search does.

    ``folded_field`` in any language or an alias, through ``search.name_matches`` (lower case, no
    apostrophes: Qozog', Qozog‘, Qozogʻ are one word; Cyrillic spelled in Latin, so either
    script finds the other); or a word in ``plain_fields`` (codes, slugs) as typed. Django's
    own search compares the raw columns, so only the apostrophe stored (ʻ) matched.
    """

    folded_field = "name"
    plain_fields: tuple[str, ...] = ("slug",)

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip()
        if not term:
            return queryset, False
        aliases = any(f.name == "aliases" for f in self.model._meta.get_fields())
        condition = search.name_matches(term, self.folded_field, min_length=1, aliases=aliases)
        for name in self.plain_fields:
            condition |= Q(**{f"{name}__icontains": term})
        return queryset.filter(condition), False


@admin.register(Country)
class CountryAdmin(
    FoldedSearchMixin, TextOnlyForTranslatorsMixin, TransliterationMixin, TabbedTranslationAdmin
):
    plain_fields = ("code", "iso3", "slug")
    list_display = ("code", "name", "kind", "active")
    list_filter = ("kind", "active")
    search_fields = (
        "code",
        "iso3",
        "slug",
        *[languages.field("name", c) for c in languages.codes()],
    )
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Topic)
class TopicAdmin(
    FoldedSearchMixin, TextOnlyForTranslatorsMixin, TransliterationMixin, TabbedTranslationAdmin
):
    list_display = ("name", "slug")
    search_fields = ("slug", *[languages.field("name", c) for c in languages.codes()])
    prepopulated_fields = {"slug": ("name_en",)}


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 1
    autocomplete_fields = ("person", "post")


@admin.register(Person)
class PersonAdmin(
    FoldedSearchMixin,
    TextOnlyForTranslatorsMixin,
    RichTextAdminMixin,
    TransliterationMixin,
    TabbedTranslationAdmin,
):
    rich_text_fields = ("biography",)
    list_display = ("name", "slug")
    search_fields = ("slug", *[languages.field("name", c) for c in languages.codes()])
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [AppointmentInline]


@admin.register(Post)
class PostAdmin(
    FoldedSearchMixin, TextOnlyForTranslatorsMixin, TransliterationMixin, TabbedTranslationAdmin
):
    folded_field = "title"
    plain_fields = ()
    list_display = ("title", "country", "seniority")
    list_select_related = ("country",)
    list_filter = ("country__kind",)
    search_fields = [languages.field("title", c) for c in languages.codes()]
    autocomplete_fields = ("country",)
    inlines = [AppointmentInline]
    # Made from the English title on the first save and never changed: the public address.
    readonly_fields = ("slug",)


@admin.register(Appointment)
class AppointmentAdmin(admin.ModelAdmin):
    list_display = ("person", "post", "started_on", "ended_on")
    list_select_related = ("person", "post", "post__country")
    list_filter = ("post__country__kind",)
    date_hierarchy = "started_on"
    autocomplete_fields = ("person", "post")
    # Typed in any script: the name or the post, in any of the four languages.
    search_fields = [
        *[f"person__{languages.field('name', c)}" for c in languages.codes()],
        *[f"post__{languages.field('title', c)}" for c in languages.codes()],
    ]

    def get_queryset(self, request):
        # The autocomplete shows "Person — Post of Country (dates)": fetch them in one query.
        return super().get_queryset(request).with_names()

    def get_search_results(self, request, queryset, search_term):
        """Each typed word in a name or a post, any language, either script, any apostrophe.

        Appointments in force on the release's event date come first (the release form's
        script sends ``event_date`` with the autocomplete's request: admin-drafting.js;
        today without it), then by the post's seniority. The list's own ordering replaces
        this order on the appointments' changelist.
        """
        words = [" ".join(t.words) for t in search.parse(search_term).positive_terms()]
        if words:
            columns = [
                f"{relation}__{languages.field(name, code)}"
                for relation, name in (("person", "name"), ("post", "title"))
                for code in languages.codes()
            ]
            folded = {f"fold_{n}": search.UzFold(models.F(c)) for n, c in enumerate(columns)}
            queryset = queryset.alias(**folded)
            for word in words:
                matches = Q()
                for name in folded:
                    matches |= Q(**{f"{name}__contains": word})
                queryset = queryset.filter(matches)
        day = self._event_date(request)
        current = Q(started_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))
        queryset = queryset.alias(
            not_current=models.Case(models.When(current, then=0), default=1)
        ).order_by("not_current", "post__seniority", "-started_on", "pk")
        return queryset, False

    @staticmethod
    def _event_date(request):
        try:
            day = forms.DateField(required=False).clean(request.GET.get("event_date", ""))
        except forms.ValidationError:
            day = None
        return day or timezone.localdate()


@admin.register(Occasion)
class OccasionAdmin(
    FoldedSearchMixin,
    TextOnlyForTranslatorsMixin,
    RichTextAdminMixin,
    TransliterationMixin,
    TabbedTranslationAdmin,
):
    """Events: a summit, a visit, a series. Releases are tagged with them on their own form
    (the "Events" picker, which searches this list)."""

    rich_text_fields = ("description",)
    list_display = ("name", "starts_on", "ends_on", "slug")
    date_hierarchy = "starts_on"
    search_fields = ("slug", *[languages.field("name", c) for c in languages.codes()])
    prepopulated_fields = {"slug": ("name_en",)}
    fields = ("name", "slug", "description", "place", "starts_on", "ends_on", "machine_translated")
