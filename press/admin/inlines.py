"""The release's photos and documents, edited inline on its change form."""

from django.contrib import admin
from django.db import models
from django.forms.models import BaseInlineFormSet
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from press import languages
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
    # The admin's own widget for files would replace the one that keeps an upload.
    formfield_overrides = {
        models.ImageField: {"form_class": KeptPhotoField, "widget": KeptAdminFileWidget}
    }

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
