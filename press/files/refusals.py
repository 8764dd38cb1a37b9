"""Refusing an upload: the error an editor reads, and the helpers every check shares."""

from pathlib import PurePath

from django.core.exceptions import ValidationError


def refuse(message, code, **params):
    """Raise the ValidationError the upload's form field shows next to it."""
    raise ValidationError(message, code=code, params=params or None)


def extension(name: str) -> str:
    """The file name's extension, lower case and without its dot ("" if it has none)."""
    return PurePath(name or "").suffix.lower().lstrip(".")


def read_all(fileobj) -> bytes:
    """Every byte of the upload, leaving it rewound for whoever reads it next."""
    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    return data
