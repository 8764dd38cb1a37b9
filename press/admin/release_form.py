"""The release's change form: its cross-field rules, and the save's refusals as its errors.

The admin builds the text and structure fields from ReleaseAdmin.fieldsets; this form adds
what the workflow needs (the version the editor saw, the correction's kind, "needs no
re-translation"), the bulk photo upload, and the checks that need more than one field.
The rules of saving (the version, a correction's note, photo descriptions) are checked by
``services.release_save``; when it refuses, ReleaseAdmin validates the same POST again with
the refusal as ``refusal``, and this form shows it next to the field it is about. A save
overtaken by someone else's is merged with it field by field (``conflicts.py``).
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from press import languages, services
from press.admin.conflicts import merge_with_saved
from press.admin.kept_uploads import KeptPhotosField
from press.models import Appointment, Status, participant_errors


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


class ReleaseAdminForm(forms.ModelForm):
    """Optimistic locking, the correction's kind, "needs no re-translation", bulk photos."""

    CHOSEN = ("countries", "topics", "participants", "occasions")  # shown by ChosenAutocomplete

    edit_version = forms.IntegerField(
        label=gettext_lazy("version"), widget=forms.HiddenInput, required=False
    )
    no_retranslation = forms.BooleanField(
        label=gettext_lazy("Minor edit: does not need re-translation"),
        required=False,
        help_text=gettext_lazy("Tick for a typo or a number: the other languages stay up to date."),
    )
    major_change = forms.BooleanField(
        label=gettext_lazy("Major correction: show the change note on the page"),
        required=False,
        help_text=gettext_lazy(
            "Readers see “Updated …” with the note. Leave unticked for a minor correction "
            "(a typo), which leaves no public note."
        ),
    )
    new_photos = KeptPhotosField(
        label=gettext_lazy("Add photos"),
        required=False,
        help_text=gettext_lazy(
            "Choose or drop several files at once. They are added after the photos above; "
            "write their alternative text before publishing."
        ),
    )

    # Only on a form whose site has Telegram channels (removed in __init__ otherwise).
    post_to_telegram = forms.MultipleChoiceField(
        label=gettext_lazy("Post to the Telegram channel in"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy(
            "Posted when the release becomes public in that language: its title, lead, "
            "link and first photo. Corrections and a withdrawal edit the post."
        ),
    )

    seen_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    # When someone else saved first (conflicts.merge_with_saved): the saved release, the
    # fields both changed, the labels of those taken from it, the version merged with.
    conflict = None
    conflicts = ()
    merged = ()
    merged_with = None
    refusal = None  # why services.release_save refused this very POST (ReleaseAdmin.get_form)

    def __init__(self, *args, **kwargs):
        instance = kwargs.get("instance")
        unbound = not args and kwargs.get("data") is None
        if unbound and instance is not None and instance.pk is not None:
            # The chosen officials with their names for the widget, in the query that reads
            # the form's initial value (otherwise it reads them without, the widget again).
            participants = Appointment.objects.with_names()
            prefetch_related_objects([instance], Prefetch("participants", queryset=participants))
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["edit_version"].initial = self.instance.version
        offered = services.telegram_languages()
        if offered and "post_to_telegram" in self.fields:
            self.fields["post_to_telegram"].choices = offered
            self.fields["post_to_telegram"].initial = self.instance.telegram_languages
        else:
            self.fields.pop("post_to_telegram", None)
        if not self.is_bound:
            for name in self.CHOSEN:
                if name in self.fields:
                    self.fields[name].chosen = self.initial.get(name) or ()

    def clean(self):
        cleaned = super().clean()
        overtaken = isinstance(self.refusal, services.ConflictError)
        if self.refusal is not None and not overtaken:
            self.add_refusal(self.refusal)
        if self.instance.pk and (overtaken or cleaned.get("seen_version")):
            merge_with_saved(self, cleaned)
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

    def add_refusal(self, refusal: services.WorkflowError | ValidationError) -> None:
        """Shows why the save was refused as this form's error, next to its field if it has one."""
        if isinstance(refusal, services.WorkflowError):
            self.add_error(self.field_named(refusal.field), refusal.message)
        else:
            for name, errors in getattr(refusal, "error_dict", {None: refusal.error_list}).items():
                self.add_error(self.field_named(name), errors)

    def telegram_choice(self) -> dict:
        """The release's change for the Telegram choice ({} when the form did not offer it):
        the languages ticked, and those chosen before whose channel is no longer set up."""
        if "post_to_telegram" not in self.fields:
            return {}
        offered = {code for code, _name in self.fields["post_to_telegram"].choices}
        kept = [c for c in self.instance.telegram_languages or [] if c not in offered]
        ticked = self.cleaned_data.get("post_to_telegram") or []
        return {"telegram_languages": [c for c in languages.codes() if c in {*ticked, *kept}]}

    def version_to_save(self) -> int | None:
        """Return the version this save is made from: the saved one it was merged with, or
        the one the editor opened."""
        if self.merged_with is not None:
            return self.merged_with
        return self.cleaned_data.get("edit_version")

    def field_named(self, name: str | None) -> str | None:
        """This form's field for a model field: itself, or its text in the editor's language."""
        if name is None:
            return None
        current = languages.field(name, languages.current())
        others = [languages.field(name, code) for code in languages.codes()]
        return next((n for n in (name, current, *others) if n in self.fields), None)
