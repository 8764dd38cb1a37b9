"""The release's admin: its list, its change form, and the URLs of its own pages.

The change form is validated with its photo and document inlines, then saved by one call
of ``services.release_save`` (lock, permissions, corrections, photos, one revision). A
refusal of that call comes back as a form error on the same page, with everything typed.
The pages beyond Django's own are plain views in this package (workflow.py, revisions.py,
previews.py, duplicate.py), wired here in ``get_urls``.
"""

from django.conf import settings
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TabbedTranslationAdmin

from press import files as uploads
from press import languages, search, services
from press.admin import (
    duplicate,
    notifications,
    presence,
    previews,
    revisions,
    telegram,
    transliterate,
    workflow,
)
from press.admin.changelist import CappedPaginator, ReleaseChangeList
from press.admin.display import local_time, state_column, title_column, translation_column
from press.admin.editor import ADVISED_LENGTHS, RichTextAdminMixin
from press.admin.filters import (
    CountryFilter,
    CountryKindFilter,
    NeedsTranslationFilter,
    StateFilter,
    TopicFilter,
)
from press.admin.inlines import AttachmentInline, PhotoInline
from press.admin.release_form import ChosenAutocomplete, ReleaseAdminForm
from press.admin.transliteration_actions import TransliterationMixin
from press.models import Appointment, Photo, Release


@admin.register(Release)
class ReleaseAdmin(RichTextAdminMixin, TransliterationMixin, TabbedTranslationAdmin):
    form = ReleaseAdminForm
    rich_text_fields = ("body",)
    advised_lengths = ADVISED_LENGTHS

    class Media:
        # Counters, the draft kept in the browser, the first error in view, who else has
        # the form open; the editor brings its own (editor.py).
        css = {"all": ("css/admin-editor.css",)}
        js = (
            "js/admin-drafting.js",
            "js/admin-errors.js",
            "js/admin-presence.js",
            "js/admin-transliterate.js",
        )

    list_display = (
        title_column,
        "kind",
        "event_date",
        state_column,
        "published_at",
        translation_column,
    )
    list_filter = (
        StateFilter,
        NeedsTranslationFilter,
        "status",
        "kind",
        CountryKindFilter,
        TopicFilter,
        "event_date",
        CountryFilter,
    )
    search_fields = ("slug", *[languages.field("title", c) for c in languages.codes()])
    date_hierarchy = "event_date"
    # The list's cost grows with the archive: a COUNT of every release for "N of M" (read
    # on every filtered page), the filtered count, and Django rendering each row's cells.
    # No total; the filtered count stops at 10,000 (changelist.py, with the date hierarchy
    # of a long list); 50 rows halve the rendering.
    show_full_result_count = False
    list_per_page = 50
    paginator = CappedPaginator
    # Django's "Show counts" counts the list once for each choice of each filter: ~280
    # counts (a country each), every one over the whole filtered archive.
    show_facets = admin.ShowFacets.NEVER
    autocomplete_fields = ("countries", "topics", "participants", "occasions")
    readonly_fields = ("created_at", "updated_at")
    inlines = [PhotoInline, AttachmentInline]
    fieldsets = (
        (None, {"fields": ("title", "lead", "body")}),
        (gettext_lazy("Photos"), {"fields": ("new_photos",)}),
        (gettext_lazy("Event"), {"fields": ("kind", "event_date", "place", "occasions")}),
        (gettext_lazy("Who and what"), {"fields": ("participants", "countries", "topics")}),
        (gettext_lazy("Publication"), {"fields": ("status", "published_at", "slug")}),
        (
            gettext_lazy("History"),
            {"fields": ("created_at", "updated_at"), "classes": ("collapse",)},
        ),
    )

    WORKFLOW_READONLY = ("workflow_state", "published_at_local")
    # What a translator sees but does not change (services.edits_structure).
    STRUCTURE = (
        "kind",
        "event_date",
        "participants",
        "countries",
        "topics",
        "occasions",
        "slug",
    )

    # --- The list -----------------------------------------------------------------------

    def get_changelist(self, request, **kwargs):
        return ReleaseChangeList

    def action_checkbox(self, release):
        # Django's own renders a form widget through the template engine for each row, the
        # list's costliest column; this writes the same element, named by the row's title
        # (title_column) rather than an aria-label: a title in another language keeps its
        # lang there, which an attribute cannot.
        return format_html(
            '<input type="checkbox" name="{name}" value="{pk}" class="action-select" '
            'aria-labelledby="select-{pk} title-{pk}"><span id="select-{pk}" hidden>{label}</span>',
            name=admin.helpers.ACTION_CHECKBOX_NAME,
            pk=release.pk,
            label=_("Select this release for an action:"),
        )

    def get_search_results(self, request, queryset, search_term):
        # Any language's title in either Uzbek script, whatever the apostrophe; or the slug.
        # One condition on the rows, not `pk IN` two subqueries: PostgreSQL answers it from
        # the trigram indexes on the folded titles and the slug (migrations 0002 and 0011)
        # and knows it finds few rows; the subqueries read the whole table.
        term = search_term.strip()
        if not term:
            return queryset, False
        by_title = search.name_matches(term, "title", min_length=1)
        # The slug first: each row the indexes find is checked against the whole condition,
        # in this order, and folding four titles costs ~60 µs a row.
        return queryset.filter(Q(slug__icontains=term) | by_title), False

    def get_actions(self, request):
        actions = super().get_actions(request)
        if request.user.has_perm("press.add_release"):
            actions["duplicate_as_draft"] = self.get_action(duplicate.duplicate_as_draft)
        return actions

    # --- The change form ----------------------------------------------------------------

    @admin.display(description=gettext_lazy("state"))
    def workflow_state(self, release):
        if release is None or release.pk is None:
            return _("Draft")
        return state_column(release)

    @admin.display(description=gettext_lazy("publication time"))
    def published_at_local(self, release):
        return local_time(release.published_at) if release and release.published_at else "—"

    def has_change_permission(self, request, obj=None):
        user = request.user
        if obj is None:
            return user.has_perm("press.change_release") or user.has_perm("press.translate_release")
        return services.can_edit(user, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), *self.WORKFLOW_READONLY]
        if not services.edits_structure(request.user):
            fields += [f for f in self.STRUCTURE if f not in fields]
        # A translator sees a published release's source text and writes the other languages.
        fields += [f for f in services.locked_source_fields(request.user, obj) if f not in fields]
        # The address is kept once made, so that links to the release never break.
        if obj is not None and obj.slug and "slug" not in fields:
            fields.append("slug")
        return fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = []
        for name, options in super().get_fieldsets(request, obj):
            names = [
                f
                for f in options["fields"]
                if f not in ("status", "published_at")
                and not (f == "new_photos" and not services.edits_structure(request.user))
            ]
            if name == _("Publication") or "slug" in names:
                names = ["workflow_state", "published_at_local", *names]
            if names:
                fieldsets.append((name, {**options, "fields": names}))
        if services.telegram_languages() and services.edits_structure(request.user):
            fieldsets.append((_("Telegram"), {"fields": ["post_to_telegram"]}))
        extra = ["no_retranslation", "edit_version"]
        if obj is not None and obj.is_published():
            fields = ["major_change", *self.replace_orig_field(["change_note"])]
            fieldsets.append((_("Correction"), {"fields": fields}))
        fieldsets.append((_("Translation"), {"fields": extra}))
        return fieldsets

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

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        refusal = getattr(request, "release_refusal", None)  # set by changeform_view
        if refusal is None:
            return form
        return type(form.__name__, (form,), {"refusal": refusal})

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "can_duplicate": self.has_add_permission(request)}
        try:
            # Django's view saves in a transaction of its own, around release_save: a file
            # written by a save that then fails there is deleted too.
            with uploads.deleted_if_failed():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except (services.WorkflowError, ValidationError) as refusal:
            if request.method != "POST" or hasattr(request, "release_refusal"):
                raise
            # Django's view saves in a transaction, which the refusal rolled back: nothing
            # is stored. Validating the same POST again with the refusal as a form error
            # brings the page back with everything typed and the reason next to its field.
            request.release_refusal = refusal
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        """Nothing yet: save_related saves the release together with its inlines."""

    def save_related(self, request, form, formsets, change):
        """One service call saves the release, its relations, photos and documents."""
        data = form.cleaned_data
        save_inlines = super().save_related

        def save_relations_photos_and_documents():
            save_inlines(request, form, formsets, change)
            release = form.instance
            last = release.photos.aggregate(models.Max("order"))["order__max"] or 0
            for n, upload in enumerate(data.get("new_photos") or [], start=1):
                Photo(release=release, image=upload, order=last + n).save()

        # Every flag is read from this request's form: one ModelAdmin serves every request,
        # so nothing of a save may be kept on it between these calls.
        services.release_save(
            release=form.instance,
            user=request.user,
            version=form.version_to_save() if change else None,
            major=bool(data.get("major_change")),
            change_note={
                c: data.get(languages.field("change_note", c)) or "" for c in languages.codes()
            },
            no_retranslation=bool(data.get("no_retranslation")),
            changes=form.telegram_choice(),
            save_related=save_relations_photos_and_documents,
        )

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Here, with the release Django's view fetched, rather than fetching it a second time.
        # What this reads (status, publication time, version) is not in the form: a form sent
        # back with errors shows the same buttons as the stored release.
        if self.has_change_permission(request, obj) if change else add:
            # The transliteration buttons: for whoever may write in this form (not view-only).
            context["transliteration"] = transliterate.button_context()
        if obj is not None and obj.pk is not None:
            if request.method == "GET" and self.has_change_permission(request, obj):
                # Opening the form is its first beat (presence.py keeps it up).
                others = services.editing_session_beat(release=obj, user=request.user)
                context["others_editing"] = presence.present_messages(others)
            context["presence_beat_seconds"] = settings.PRESS_PRESENCE_BEAT_SECONDS
            context.update(workflow.change_form_context(request, obj))
            context.update(notifications.change_form_context(request, obj))
            context.update(telegram.change_form_context(obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    # --- The release's own pages --------------------------------------------------------

    def get_urls(self):
        def page(route, view, name):
            # Each view takes this ModelAdmin (permissions, messages, the site's context).
            wrapped = self.admin_site.admin_view(view)
            return path(route, wrapped, {"model_admin": self}, name=f"press_release_{name}")

        return [
            page("transliterate/", transliterate.transliterate_view, "transliterate"),
            page("<int:pk>/duplicate/", duplicate.duplicate_view, "duplicate"),
            page("<int:pk>/workflow/<str:action>/", workflow.workflow_view, "workflow"),
            page("<int:pk>/revisions/", revisions.revisions_view, "revisions"),
            page("<int:pk>/revisions/compare/", revisions.compare_view, "compare"),
            page("<int:pk>/revisions/<int:number>/revert/", revisions.revert_view, "revert"),
            page("<int:pk>/preview/", previews.preview_view, "preview"),
            page("<int:pk>/preview-links/", previews.preview_links_view, "links"),
            page("<int:pk>/comment/", notifications.comment_view, "comment"),
            page("<int:pk>/presence/", presence.presence_view, "presence"),
            page("<int:pk>/presence/left/", presence.presence_left_view, "presence_left"),
            *super().get_urls(),
        ]
