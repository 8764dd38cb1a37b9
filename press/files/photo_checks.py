"""The checks every photo passes before anything is decoded for good or stored.

A photo is accepted only when its *content* is JPEG, PNG or WebP (AVIF where Pillow reads
it), the file's name agrees, it is within the byte and pixel caps, it decodes completely,
and it carries no markup. An unaccepted file is named for what it most likely is.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError, features

from press.files.refusals import extension, read_all, refuse

# Pillow's format name -> the file name extensions that may carry it.
# MPO is how Pillow names a JPEG with extra pictures in it (most phone cameras).
PHOTO_FORMATS = {
    "JPEG": ("jpg", "jpeg"),
    "MPO": ("jpg", "jpeg"),
    "PNG": ("png",),
    "WEBP": ("webp",),
}
if features.check("avif"):
    PHOTO_FORMATS["AVIF"] = ("avif",)

# What Image.open may try: the JPEG opener is the one that returns MPO images.
OPEN_FORMATS = [f for f in PHOTO_FORMATS if f != "MPO"]
PHOTO_EXTENSIONS = sorted({ext for exts in PHOTO_FORMATS.values() for ext in exts})

# Markup that has no business inside a picture: a file carrying it is a polyglot that a
# browser sniffing the content could run as a page.
MARKUP = (b"<script", b"<html", b"<!doctype", b"<?php", b"<svg", b"<iframe", b"<body")

# What an unaccepted file most likely is, by its first bytes, to say so in the error.
SIGNATURES = (
    ((b"%!PS",), "PostScript/EPS"),
    ((b"\xc5\xd0\xd3\xc6",), "EPS"),
    ((b"%PDF",), "PDF"),
    ((b"<?xml", b"<svg", b"\xef\xbb\xbf<?xml", b"\xef\xbb\xbf<svg"), "SVG"),
    ((b"GIF8",), "GIF"),
    ((b"BM",), "BMP"),
    ((b"II*\x00", b"MM\x00*"), "TIFF"),
    ((b"\x00\x00\x01\x00",), "ICO"),
    ((b"8BPS",), "PSD"),
)


def accepted_photo_types() -> str:
    return ", ".join(OPEN_FORMATS)


def _sniff(head: bytes) -> str | None:
    stripped = head.lstrip().lower()
    for prefixes, name in SIGNATURES:
        if any(head.startswith(p) or stripped.startswith(p.lower()) for p in prefixes):
            return name
    if b"<svg" in head.lower():
        return "SVG"
    return None


@dataclass
class CheckedPhoto:
    """A photo that passed the checks: its bytes, format, size and decoded pixels."""

    data: bytes
    format: str
    width: int
    height: int


def check_photo(fileobj, name: str | None = None, *, decode: bool = True) -> CheckedPhoto:
    """Refuse anything but a complete JPEG/PNG/WebP/AVIF within the caps, named for what it is.

    Raises ValidationError with a message for the editor. ``decode`` decodes the whole
    file (a JPEG at a reduced scale, which still reads every byte) to catch truncation.
    """
    name = name if name is not None else getattr(fileobj, "name", "") or ""
    size = getattr(fileobj, "size", None)
    max_bytes = settings.PRESS_PHOTO_MAX_BYTES
    if size is not None and size > max_bytes:
        refuse(
            _("The file is %(size)s; photos may be at most %(max)s."),
            "too_large",
            size=filesizeformat(size),
            max=filesizeformat(max_bytes),
        )
    data = read_all(fileobj)
    if len(data) > max_bytes:
        refuse(
            _("The file is %(size)s; photos may be at most %(max)s."),
            "too_large",
            size=filesizeformat(len(data)),
            max=filesizeformat(max_bytes),
        )
    if not data:
        refuse(_("The file is empty."), "empty")

    try:
        # Only our formats are tried: an EPS or PDF never reaches Ghostscript.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=OPEN_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        refuse(_bomb_message(), "too_many_pixels", max=_megapixels())
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        what = _sniff(data[:1024])
        if what:
            refuse(
                _("This is a %(kind)s file, which is not accepted. Upload %(types)s."),
                "format",
                kind=what,
                types=accepted_photo_types(),
            )
        refuse(
            _("This is not a photo we accept. Upload %(types)s."),
            "format",
            types=accepted_photo_types(),
        )

    width, height = image.size
    if width * height > settings.PRESS_PHOTO_MAX_PIXELS:
        refuse(_bomb_message(), "too_many_pixels", max=_megapixels())
    if width < 1 or height < 1:
        refuse(_("The image has no pixels."), "empty")

    ext = extension(name)
    if ext not in PHOTO_FORMATS[image.format]:
        refuse(
            _(
                "The file is named “.%(ext)s” but its content is %(kind)s. "
                "Rename it or save it again in the right format."
            ),
            "name_mismatch",
            ext=ext or "?",
            kind=image.format.replace("MPO", "JPEG"),
        )

    lowered = data.lower()
    if any(marker in lowered for marker in MARKUP):
        refuse(
            _("The file carries web page code besides the picture and is not accepted."),
            "markup",
        )

    if decode:
        decode_all(image, box=(max(1, width // 8), max(1, height // 8)))
    return CheckedPhoto(data=data, format=image.format, width=width, height=height)


def _megapixels():
    return settings.PRESS_PHOTO_MAX_PIXELS // 1_000_000


def _bomb_message():
    return _("The image has too many pixels; photos may have at most %(max)s megapixels.")


def decode_all(image: Image.Image, *, box: tuple[int, int]) -> Image.Image:
    """Decode every byte of the file; a JPEG at the smallest scale at least ``box``."""
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", box)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        refuse(_bomb_message(), "too_many_pixels", max=_megapixels())
    except (OSError, SyntaxError, ValueError, EOFError):
        refuse(
            _("The image is damaged or incomplete; export it again and upload the new file."),
            "truncated",
        )
    return image
