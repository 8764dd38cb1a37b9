"""Fields for uploads: each checks the file by its content before anything is stored."""

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from press.files.cleanup import note_written
from press.files.document_checks import DOCUMENT_EXTENSIONS, check_document
from press.files.photo_checks import PHOTO_EXTENSIONS, check_photo
from press.files.reencoding import prepare_photo


class CheckedFileField(forms.FileField):
    """An upload checked by its content before anything is stored."""

    extensions: tuple[str, ...] = ()

    def check(self, fileobj) -> None:
        raise NotImplementedError

    def __init__(self, *args, **kwargs):
        kwargs.pop("max_length", None)  # stored names are random (press.models.random_name)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ",".join(f".{e}" for e in self.extensions))

    def to_python(self, data):
        f = super().to_python(data)
        if f is None:
            return None
        self.check(f)
        f.seek(0)
        return f


class PhotoFormField(CheckedFileField):
    """A photo upload (the admin's photo inline)."""

    extensions = tuple(PHOTO_EXTENSIONS)

    def check(self, fileobj) -> None:
        check_photo(fileobj)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(PhotoFormField):
    """Several photos at once (Django docs, "Uploading multiple files")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        if not files:
            super().clean(None, initial)  # "required" when it is
            return []
        cleaned, errors = [], []
        for f in files:
            try:
                cleaned.append(super().clean(f, initial))
            except ValidationError as error:
                errors += [
                    _("%(name)s: %(error)s") % {"name": f.name, "error": message}
                    for message in error.messages
                ]
        if errors:
            raise ValidationError(errors)
        return cleaned


class DocumentFormField(CheckedFileField):
    """A document upload (the admin's attachment inline)."""

    extensions = tuple(DOCUMENT_EXTENSIONS)

    def check(self, fileobj) -> None:
        check_document(fileobj)


class ReencodedImageField(models.ImageField):
    """An image stored as photos are: checked, then re-encoded from its pixels (no EXIF, no
    location, no trailing bytes), never as uploaded. Its form field is the photo upload's.

    For an image on its own (a person's portrait); a release's photos also need renditions
    and are re-encoded by ``Photo.save``.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PhotoFormField, **kwargs})

    def pre_save(self, model_instance, add):
        # Not FileField.pre_save: that would store the uploaded bytes as they are.
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            prepared = prepare_photo(file.file, file.name)  # refuses what the form refuses
            name = f"{PurePath(file.name).stem}.{prepared.extension}"
            file.save(name, ContentFile(prepared.data), save=False)
            note_written(file.storage, file.name)
        return file
