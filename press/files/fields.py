"""Form fields for uploads: each checks the file by its content before anything is stored."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from press.files.document_checks import DOCUMENT_EXTENSIONS, check_document
from press.files.photo_checks import PHOTO_EXTENSIONS, check_photo


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
