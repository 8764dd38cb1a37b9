"""The release's photos and documents, edited inline on its change form."""

from django.contrib import admin
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from press import languages, services
from press.admin.kept_uploads import KeptAdminFileWidget, KeptDocumentField, KeptPhotoField
from press.models import Attachment, Photo, Status


class TranslatorInlineMixin:
    """Photo and document inlines: a translator changes their text, nothing else."""

    TRANSLATABLE = ("alt", "caption", "credit", "title")

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) or request.user.has_perm(
            "press.translate_release"
        )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        # The source language's text of a release that is out (``obj``), for a translator.
        source = services.locked_source_language(request.user, obj)
        if source:
            own = {f.name for f in self.model._meta.get_fields()}
            fields += [
                languages.field(name, source)
                for name in self.TRANSLATABLE
                if name in own and languages.field(name, source) not in fields
            ]
        if request.user.has_perm(f"press.change_{self.model._meta.model_name}"):
            return fields
        flat = []
        for item in self.fields or ():
            flat += list(item) if isinstance(item, tuple | list) else [item]
        return [*fields, *(f for f in flat if f not in self.TRANSLATABLE and f not in fields)]


def publishing(release) -> list[str]:
    """The languages a release will be public in once saved, or none if it is not published."""
    return release.languages_filled() if release.status == Status.PUBLISHED else []


class PhotoInlineFormSet(BaseInlineFormSet):
    """A published release's photos need alt text in every language it is published in."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        # What PhotoInline.alt_check shows, from the rows already read: numbered as the
        # publish check numbers them (services.photos_missing_alt, the same ordering).
        photo = form.instance
        if index is not None and photo.pk:
            codes = self.instance.languages_filled()
            lacking = [c for c in codes if not getattr(photo, languages.field("alt", c))]
            photo.missing_alt = services.MissingAlt(index + 1, photo, lacking) if lacking else None

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


def missing_alt_html(item, form_url: str = "") -> str:
    """Return ``item``'s message (services.MissingAlt) with each language a link to its input
    on the change form at ``form_url`` ("" for this page): id_photos-<n>-alt_<language>."""
    links = format_html_join(
        ", ",
        '<a href="{}#id_photos-{}-alt_{}" data-press-field="id_photos-{}-alt_{}">{}</a>',
        (
            (form_url, item.number - 1, suffix, item.number - 1, suffix, languages.name(code))
            for code in item.codes
            for suffix in [languages.suffix(code)]
        ),
    )
    template = escape(gettext("Photo %(number)s: write the alternative text in %(languages)s."))
    return mark_safe(template % {"number": item.number, "languages": links})


class PhotoInline(TranslatorInlineMixin, TranslationStackedInline):
    model = Photo
    formset = PhotoInlineFormSet
    extra = 0
    fields = (
        "alt_check",
        "preview",
        "image",
        ("is_lead", "order"),
        ("focal_x", "focal_y"),
        "alt",
        "caption",
        "credit",
    )
    readonly_fields = ("preview", "alt_check")
    # The admin's own widget for files would replace the one that keeps an upload.
    formfield_overrides = {
        models.ImageField: {"form_class": KeptPhotoField, "widget": KeptAdminFileWidget}
    }

    @admin.display(description=_("before publishing"))
    def alt_check(self, photo):
        """The languages this photo still needs a description in, linked to their inputs."""
        if not photo.pk:
            return "—"
        missing = getattr(photo, "missing_alt", None)  # set by PhotoInlineFormSet.add_fields
        return missing_alt_html(missing) if missing else "✓"

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
    formfield_overrides = {
        models.FileField: {"form_class": KeptDocumentField, "widget": KeptAdminFileWidget}
    }
