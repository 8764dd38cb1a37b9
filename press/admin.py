"""The editors' interface."""

from django import forms
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from press import languages, search
from press.models import (
    Appointment,
    Attachment,
    Country,
    Person,
    Photo,
    Post,
    Release,
    Topic,
    participant_errors,
)


@admin.register(Country)
class CountryAdmin(TabbedTranslationAdmin):
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
class TopicAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("slug", *[languages.field("name", c) for c in languages.codes()])
    prepopulated_fields = {"slug": ("name_en",)}


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 1
    autocomplete_fields = ("person", "post")


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("slug", *[languages.field("name", c) for c in languages.codes()])
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [AppointmentInline]


@admin.register(Post)
class PostAdmin(TabbedTranslationAdmin):
    list_display = ("title", "country", "seniority")
    list_select_related = ("country",)
    list_filter = ("country__kind",)
    search_fields = [languages.field("title", c) for c in languages.codes()]
    autocomplete_fields = ("country",)
    inlines = [AppointmentInline]


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


class PhotoInline(TranslationStackedInline):
    model = Photo
    extra = 0
    fields = ("image", "is_lead", "order", "alt", "caption", "credit")


class AttachmentInline(TranslationTabularInline):
    model = Attachment
    extra = 0
    fields = ("file", "title", "language", "order")


class ReleaseAdminForm(forms.ModelForm):
    """The admin builds the fields from ReleaseAdmin.fieldsets; this adds the cross-field rule."""

    def clean(self):
        cleaned = super().clean()
        event_date = cleaned.get("event_date")
        participants = cleaned.get("participants")
        if event_date and participants:
            errors = participant_errors(event_date, participants.with_names())
            if errors:
                self.add_error("participants", errors)
        return cleaned


@admin.register(Release)
class ReleaseAdmin(TabbedTranslationAdmin):
    form = ReleaseAdminForm
    list_display = ("title_column", "kind", "event_date", "status", "published_at", "filled")
    list_filter = ("status", "kind", "countries__kind", "topics", "event_date", "countries")
    search_fields = ("slug", *[languages.field("title", c) for c in languages.codes()])
    date_hierarchy = "event_date"
    autocomplete_fields = ("countries", "topics", "participants")
    readonly_fields = ("created_at", "updated_at")
    inlines = [PhotoInline, AttachmentInline]
    fieldsets = (
        (None, {"fields": ("title", "lead", "body")}),
        (_("Event"), {"fields": ("kind", "event_date", "place")}),
        (_("Who and what"), {"fields": ("participants", "countries", "topics")}),
        (_("Publication"), {"fields": ("status", "published_at", "slug")}),
        (_("History"), {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    @admin.display(description=_("title"), ordering="id")
    def title_column(self, release):
        return str(release)

    @admin.display(description=_("languages filled"))
    def filled(self, release):
        return " · ".join(release.languages_filled()) or "—"

    def get_search_results(self, request, queryset, search_term):
        # Any language's title in either Uzbek script, whatever the apostrophe; or the slug.
        if not search_term.strip():
            return queryset, False
        by_title = search.name_contains(queryset, search_term, "title", min_length=1)
        by_slug = queryset.filter(slug__icontains=search_term.strip())
        return queryset.filter(
            Q(pk__in=by_title.values("pk")) | Q(pk__in=by_slug.values("pk"))
        ), False

    def get_readonly_fields(self, request, obj=None):
        # The address is kept once made, so that links to the release never break.
        if obj is not None and obj.slug:
            return (*self.readonly_fields, "slug")
        return self.readonly_fields
