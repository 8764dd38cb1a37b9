"""Admin actions that fill one Uzbek script from the other, on every translated model."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from press import languages, services, transliteration
from press.models import Release


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
        target_code = transliteration.DIRECTIONS[direction][1]
        for obj in objects:
            changes, left = transliteration.transliterated_fields(
                obj, direction, overwrite=choice == "yes"
            )
            photos = []
            if isinstance(obj, Release):
                photos = transliteration.transliterated_photos(
                    obj, direction, overwrite=choice == "yes"
                )
                if photos and target_code not in obj.machine_translated:
                    changes.setdefault("machine_translated", [*obj.machine_translated, target_code])
            if changes or photos:
                try:
                    self._save_transliteration(request, obj, changes, photos)
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

    def _save_transliteration(self, request, obj, changes, photos=()):
        fields = [name for name in changes if name != "machine_translated"]
        if isinstance(obj, Release):

            def save_photos():
                for photo, texts in photos:
                    for name, value in texts.items():
                        setattr(photo, name, value)
                    photo.save(update_fields=list(texts))

            # As every edit of a release: permission, version, revision (press/services/saving.py);
            # the photos inside the same save, so that its checks and revision see them.
            services.release_save(
                release=obj, user=request.user, changes=changes, save_related=save_photos
            )
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
