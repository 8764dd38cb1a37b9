"""The editors' interface."""

from django import forms
from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Prefetch, Q, prefetch_related_objects
from django.forms.models import BaseInlineFormSet
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.translator import translator

from press import images, languages, search, services, transliteration
from press.drafting_admin import DuplicateAdminMixin
from press.editor import ADVISED_LENGTHS, RichTextAdminMixin
from press.models import (
    Appointment,
    Attachment,
    Country,
    Person,
    Photo,
    Post,
    Release,
    Status,
    Topic,
    participant_errors,
)
from press.workflow_admin import (
    NeedsTranslationFilter,
    ReleaseWorkflowMixin,
    StateFilter,
    TranslatorInlineMixin,
    WorkflowFormMixin,
)

admin.site.site_header = _("Press office of the Ministry of Foreign Affairs")
admin.site.site_title = _("Press office")
admin.site.index_title = _("Press office administration")


class TransliterationMixin:
    """Changelist actions that fill one Uzbek script from the other, marked for review.

    Fields already written in the target script are kept unless the editor confirms
    overwriting them on an intermediate page (the pattern of Django's delete_selected).
    """

    actions = ["fill_cyrillic", "fill_latin"]

    # Offered to whoever may change the model (a release is checked again by release_save).
    @admin.action(description=_("Fill Uzbek Cyrillic from Latin"), permissions=["change"])
    def fill_cyrillic(self, request, queryset):
        return self._transliterate(request, queryset, transliteration.LATIN_TO_CYRILLIC)

    @admin.action(description=_("Fill Uzbek Latin from Cyrillic"), permissions=["change"])
    def fill_latin(self, request, queryset):
        return self._transliterate(request, queryset, transliteration.CYRILLIC_TO_LATIN)

    def _transliterate(self, request, queryset, direction):
        objects = list(queryset)
        conflicts = [
            (obj, [self._label(name) for name in filled])
            for obj in objects
            for _empty, filled in [transliteration.plan_object(obj, direction)]
            if filled
        ]
        choice = request.POST.get("overwrite")
        if conflicts and choice not in ("yes", "no"):
            return self._confirm_overwrite(request, objects, conflicts, direction)
        written, kept = 0, []
        for obj in objects:
            changes, left = transliteration.transliterated_fields(
                obj, direction, overwrite=choice == "yes"
            )
            if changes:
                try:
                    self._save_transliteration(request, obj, changes)
                except (PermissionDenied, services.WorkflowError) as error:
                    self.message_user(request, f"{obj}: {error}", "error")
                    continue
                written += 1
            if left:
                kept.append(f"{obj} ({', '.join(str(self._label(n)) for n in left)})")
        target = languages.name(transliteration.DIRECTIONS[direction][1])
        self.message_user(
            request,
            ngettext(
                "%(count)d object filled in %(language)s; check it and untick it under "
                "“machine transliteration awaiting review” once read.",
                "%(count)d objects filled in %(language)s; check them and untick them under "
                "“machine transliteration awaiting review” once read.",
                written,
            )
            % {"count": written, "language": target},
        )
        if kept:
            message = _("Already written in %(language)s, kept unchanged: %(fields)s.")
            self.message_user(
                request, message % {"language": target, "fields": "; ".join(kept)}, "warning"
            )

    def _label(self, name):
        return self.model._meta.get_field(name).verbose_name

    def _save_transliteration(self, request, obj, changes):
        fields = [name for name in changes if name != "machine_translated"]
        if isinstance(obj, Release):
            # As every edit of a release: permission, version, revision (press/services.py).
            services.release_save(release=obj, user=request.user, changes=changes)
        else:
            for name, value in changes.items():
                setattr(obj, name, value)
            obj.save()
        with translation.override(None):  # labels as Django stores them, shown translated
            labels = [capfirst(self.model._meta.get_field(name).verbose_name) for name in fields]
            self.log_change(request, obj, [{"changed": {"fields": [str(x) for x in labels]}}])

    def _confirm_overwrite(self, request, objects, conflicts, direction):
        opts = self.model._meta
        source, target = transliteration.DIRECTIONS[direction]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Overwrite text already written?"),
            "subtitle": None,
            "opts": opts,
            "conflicts": conflicts,
            "objects": objects,
            "action": "fill_cyrillic"
            if direction == transliteration.LATIN_TO_CYRILLIC
            else "fill_latin",
            "source_language": languages.name(source),
            "target_language": languages.name(target),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/press/transliteration_confirmation.html", context)

    # The review mark: shown as one checkbox per language, and as a column in the list.
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "machine_translated":
            return forms.TypedMultipleChoiceField(
                label=db_field.verbose_name,
                help_text=db_field.help_text,
                choices=languages.LANGUAGE_CHOICES,
                widget=forms.CheckboxSelectMultiple,
                required=False,
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = list(super().get_fieldsets(request, obj))
        if self.fieldsets and not any(
            "machine_translated" in options["fields"] for _name, options in fieldsets
        ):
            fieldsets.append((_("Review"), {"fields": ("machine_translated",)}))
        return fieldsets

    def get_list_display(self, request):
        return (*super().get_list_display(request), "awaiting_review")

    @admin.display(description=_("awaiting review"))
    def awaiting_review(self, obj):
        return " · ".join(obj.machine_translated) or "—"


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


@admin.register(Country)
class CountryAdmin(TextOnlyForTranslatorsMixin, TransliterationMixin, TabbedTranslationAdmin):
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
class TopicAdmin(TextOnlyForTranslatorsMixin, TransliterationMixin, TabbedTranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("slug", *[languages.field("name", c) for c in languages.codes()])
    prepopulated_fields = {"slug": ("name_en",)}


class AppointmentInline(admin.TabularInline):
    model = Appointment
    extra = 1
    autocomplete_fields = ("person", "post")


@admin.register(Person)
class PersonAdmin(
    TextOnlyForTranslatorsMixin, RichTextAdminMixin, TransliterationMixin, TabbedTranslationAdmin
):
    rich_text_fields = ("biography",)
    list_display = ("name", "slug")
    search_fields = ("slug", *[languages.field("name", c) for c in languages.codes()])
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [AppointmentInline]


@admin.register(Post)
class PostAdmin(TextOnlyForTranslatorsMixin, TransliterationMixin, TabbedTranslationAdmin):
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


def publishing(release) -> list[str]:
    """The languages a release will be public in once saved, or none if it is not published."""
    return release.languages_filled() if release.status == Status.PUBLISHED else []


class PhotoInlineFormSet(BaseInlineFormSet):
    """A published release's photos need alt text in every language it is published in."""

    def clean(self):
        super().clean()
        codes = publishing(self.instance)
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            for code in codes:
                name = languages.field("alt", code)
                if name in form.fields and not form.cleaned_data.get(name):
                    message = _(
                        "Write the alternative text in %(language)s: "
                        "the release is published in it."
                    )
                    form.add_error(name, message % {"language": languages.name(code)})


class PhotoInline(TranslatorInlineMixin, TranslationStackedInline):
    model = Photo
    formset = PhotoInlineFormSet
    extra = 0
    fields = (
        "preview",
        "image",
        ("is_lead", "order"),
        ("focal_x", "focal_y"),
        "alt",
        "caption",
        "credit",
    )
    readonly_fields = ("preview",)
    formfield_overrides = {models.ImageField: {"form_class": images.PhotoFormField}}

    @admin.display(description=_("card crop"))
    def preview(self, photo):
        if not photo.pk or not photo.image:
            return "—"
        return format_html(
            '<img src="{}" width="240" height="160" alt="" style="object-fit: cover"> {}×{}',
            photo.picture("card")["src"],
            photo.width,
            photo.height,
        )


class AttachmentInline(TranslatorInlineMixin, TranslationTabularInline):
    model = Attachment
    extra = 0
    fields = ("file", "title", "language", "order")
    formfield_overrides = {models.FileField: {"form_class": images.DocumentFormField}}


class ChosenAutocomplete(AutocompleteSelectMultiple):
    """Django's autocomplete, showing the chosen objects the form has already read.

    Django's widget asks the database again for the objects it is given the ids of; the
    release form reads them for its initial value anyway and hands them over (``chosen``
    on the form field). Ids the form did not read (a form sent back) are looked up as before.
    """

    def optgroups(self, name, value, attr=None):
        field = self.choices.field
        chosen = {str(obj.pk): obj for obj in getattr(field, "chosen", ())}
        if not set(value) <= chosen.keys():
            return super().optgroups(name, value, attr)
        options = [
            self.create_option(name, obj.pk, field.label_from_instance(obj), True, index)
            for index, obj in enumerate(obj for pk, obj in chosen.items() if pk in value)
        ]
        return [(None, options, 0)]


class ReleaseAdminForm(WorkflowFormMixin, forms.ModelForm):
    """The admin builds the fields from ReleaseAdmin.fieldsets; this adds the cross-field rule."""

    CHOSEN = ("countries", "topics", "participants")  # shown by ChosenAutocomplete

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        unbound = not args and kwargs.get("data") is None
        if unbound and instance is not None and instance.pk is not None:
            # The chosen officials with their names for the widget, in the query that reads
            # the form's initial value (otherwise it reads them without, the widget again).
            participants = Appointment.objects.with_names()
            prefetch_related_objects([instance], Prefetch("participants", queryset=participants))
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            for name in self.CHOSEN:
                if name in self.fields:
                    self.fields[name].chosen = self.initial.get(name) or ()

    new_photos = images.MultiplePhotoField(
        label=_("Add photos"),
        required=False,
        help_text=_(
            "Choose or drop several files at once. They are added after the photos above; "
            "write their alternative text before publishing."
        ),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("new_photos") and self.instance.status == Status.PUBLISHED:
            self.add_error(
                "new_photos",
                _(
                    "New photos have no alternative text yet: save the release unpublished, "
                    "write it, then publish."
                ),
            )
        event_date = cleaned.get("event_date")
        participants = cleaned.get("participants")
        if event_date and participants:
            errors = participant_errors(event_date, participants.with_names())
            if errors:
                self.add_error("participants", errors)
        return cleaned


class ReleaseChangeList(ChangeList):
    def get_results(self, request):
        # The page's rows without what the list never shows: a 9 KB search vector, and the
        # leads, bodies and notes of every language (modeltranslation expands each name).
        # Actions still get whole rows: they build their own queryset (get_queryset).
        self.queryset = self.queryset.defer(
            "search_vector", "lead", "body", "change_note", "withdrawal_reason"
        )
        super().get_results(request)
        if self.query:
            # Only the date hierarchy reads the queryset after this. Its MIN/MAX would walk
            # the event_date index testing four folded titles a row until one matches (0.4 s
            # for a rare word); by id, the search's trigram indexes answer first (8 ms).
            self.queryset = self.root_queryset.filter(pk__in=self.queryset.values("pk"))


@admin.register(Release)
class ReleaseAdmin(
    RichTextAdminMixin,
    DuplicateAdminMixin,
    ReleaseWorkflowMixin,
    TransliterationMixin,
    TabbedTranslationAdmin,
):
    form = ReleaseAdminForm
    rich_text_fields = ("body",)
    advised_lengths = ADVISED_LENGTHS

    class Media:
        # Counters and the draft kept in the browser; the editor brings its own (editor.py).
        css = {"all": ("css/admin-editor.css",)}
        js = ("js/admin-drafting.js",)

    list_display = (
        "title_column",
        "kind",
        "event_date",
        "state_column",
        "published_at",
        "translation_column",
    )
    list_filter = (
        StateFilter,
        NeedsTranslationFilter,
        "status",
        "kind",
        "countries__kind",
        "topics",
        "event_date",
        "countries",
    )
    search_fields = ("slug", *[languages.field("title", c) for c in languages.codes()])
    date_hierarchy = "event_date"
    autocomplete_fields = ("countries", "topics", "participants")
    readonly_fields = ("created_at", "updated_at")
    inlines = [PhotoInline, AttachmentInline]
    fieldsets = (
        (None, {"fields": ("title", "lead", "body")}),
        (_("Photos"), {"fields": ("new_photos",)}),
        (_("Event"), {"fields": ("kind", "event_date", "place")}),
        (_("Who and what"), {"fields": ("participants", "countries", "topics")}),
        (_("Publication"), {"fields": ("status", "published_at", "slug")}),
        (_("History"), {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def get_changelist(self, request, **kwargs):
        return ReleaseChangeList

    @admin.display(description=_("title"), ordering="id")
    def title_column(self, release):
        return str(release)

    @admin.display(description=_("languages filled"))
    def filled(self, release):
        return " · ".join(release.languages_filled()) or "—"

    def get_search_results(self, request, queryset, search_term):
        # Any language's title in either Uzbek script, whatever the apostrophe; or the slug.
        # One condition on the rows, not `pk IN` two subqueries: PostgreSQL answers it from
        # the trigram indexes on the folded titles and the slug (migrations 0002 and 0011)
        # and knows it finds few rows; the subqueries read the whole table (0.3-0.9 s).
        term = search_term.strip()
        if not term:
            return queryset, False
        by_title = search.name_matches(term, "title", min_length=1)
        # The slug first: each row the indexes find is checked against the whole condition,
        # in this order, and folding four titles costs ~60 µs a row.
        return queryset.filter(Q(slug__icontains=term) | by_title), False

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "participants":
            # The chosen officials are shown as "person — post of country": fetched with
            # their names in one query, not three more per participant.
            kwargs["queryset"] = Appointment.objects.with_names()
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ChosenAutocomplete(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        release = form.instance
        last = release.photos.aggregate(models.Max("order"))["order__max"] or 0
        for n, upload in enumerate(form.cleaned_data.get("new_photos") or [], start=1):
            Photo(release=release, image=upload, order=last + n).save()

    def get_readonly_fields(self, request, obj=None):
        # The address is kept once made, so that links to the release never break.
        fields = tuple(super().get_readonly_fields(request, obj))
        if obj is not None and obj.slug and "slug" not in fields:
            return (*fields, "slug")
        return fields
