"""Uploads: the checks every photo and document passes, re-encoding, renditions.

Uploads are hostile until proven otherwise (design/research/spike.md §5). A photo is
accepted only when its *content* is JPEG, PNG or WebP (AVIF where Pillow reads it), the
file's name agrees, it is within the byte and pixel caps, it decodes completely, and it
carries no markup. What is stored is never the uploaded bytes: the decoded pixels are
re-encoded (orientation applied, metadata dropped, sRGB, at most PRESS_PHOTO_MAX_SIDE),
and renditions at fixed widths are made once, when the photo is saved.

A document is accepted only when its content is on an allow-list (PDF, DOCX, XLSX, ODT,
ODS without macros) and its name agrees.

Every file goes through Django's storage API, so an object store works unchanged.
"""

from __future__ import annotations

import hashlib
import io
import math
import secrets
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError, features

# --- Photos ----------------------------------------------------------------

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

# Renditions: the formats a <picture> offers, best first. The last one is the <img>.
RENDITION_FORMATS = (["avif"] if features.check("avif") else []) + ["webp"]
MIME = {
    "avif": "image/avif",
    "webp": "image/webp",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
EXTENSION = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}
ENCODER = {
    "avif": ("AVIF", {"quality": 60, "speed": 8}),
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
    "png": ("PNG", {"optimize": True}),
}
CARD_RATIO = 3 / 2

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

SRGB = ImageCms.createProfile("sRGB") if features.check("littlecms2") else None


def accepted_photo_types() -> str:
    return ", ".join(OPEN_FORMATS)


def _refuse(message, code, **params):
    raise ValidationError(message, code=code, params=params or None)


def _sniff(head: bytes) -> str | None:
    stripped = head.lstrip().lower()
    for prefixes, name in SIGNATURES:
        if any(head.startswith(p) or stripped.startswith(p.lower()) for p in prefixes):
            return name
    if b"<svg" in head.lower():
        return "SVG"
    return None


def _extension(name: str) -> str:
    return PurePath(name or "").suffix.lower().lstrip(".")


def _read_all(fileobj) -> bytes:
    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    return data


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
        _refuse(
            _("The file is %(size)s; photos may be at most %(max)s."),
            "too_large",
            size=filesizeformat(size),
            max=filesizeformat(max_bytes),
        )
    data = _read_all(fileobj)
    if len(data) > max_bytes:
        _refuse(
            _("The file is %(size)s; photos may be at most %(max)s."),
            "too_large",
            size=filesizeformat(len(data)),
            max=filesizeformat(max_bytes),
        )
    if not data:
        _refuse(_("The file is empty."), "empty")

    try:
        # Only our formats are tried: an EPS or PDF never reaches Ghostscript.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=OPEN_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(_bomb_message(), "too_many_pixels", max=_megapixels())
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        what = _sniff(data[:1024])
        if what:
            _refuse(
                _("This is a %(kind)s file, which is not accepted. Upload %(types)s."),
                "format",
                kind=what,
                types=accepted_photo_types(),
            )
        _refuse(
            _("This is not a photo we accept. Upload %(types)s."),
            "format",
            types=accepted_photo_types(),
        )

    width, height = image.size
    if width * height > settings.PRESS_PHOTO_MAX_PIXELS:
        _refuse(_bomb_message(), "too_many_pixels", max=_megapixels())
    if width < 1 or height < 1:
        _refuse(_("The image has no pixels."), "empty")

    ext = _extension(name)
    if ext not in PHOTO_FORMATS[image.format]:
        _refuse(
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
        _refuse(
            _("The file carries web page code besides the picture and is not accepted."),
            "markup",
        )

    if decode:
        _decode(image, box=(max(1, width // 8), max(1, height // 8)))
    return CheckedPhoto(data=data, format=image.format, width=width, height=height)


def _megapixels():
    return settings.PRESS_PHOTO_MAX_PIXELS // 1_000_000


def _bomb_message():
    return _("The image has too many pixels; photos may have at most %(max)s megapixels.")


def _decode(image: Image.Image, *, box: tuple[int, int]) -> Image.Image:
    """Decode every byte of the file; a JPEG at the smallest scale at least ``box``."""
    if image.format in ("JPEG", "MPO"):
        image.draft("RGB", box)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        _refuse(_bomb_message(), "too_many_pixels", max=_megapixels())
    except (OSError, SyntaxError, ValueError, EOFError):
        _refuse(
            _("The image is damaged or incomplete; export it again and upload the new file."),
            "truncated",
        )
    return image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )


def _to_srgb(image: Image.Image) -> Image.Image:
    """Pixels in sRGB, RGB or RGBA, with no metadata attached."""
    alpha = _has_alpha(image)
    icc = image.info.get("icc_profile")
    mode = "RGBA" if alpha else "RGB"
    if icc and SRGB is not None:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
                image = image.convert(mode)
            image = ImageCms.profileToProfile(image, source, SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # an unreadable profile: take the pixels as they are
    if image.mode != mode:
        image = image.convert(mode)
    image.info = {}
    return image


@dataclass
class PreparedPhoto:
    """What is stored for an accepted photo: re-encoded bytes and the decoded pixels."""

    data: bytes
    extension: str
    image: Image.Image
    content_hash: str

    @property
    def width(self) -> int:
        return self.image.width

    @property
    def height(self) -> int:
        return self.image.height


def prepare_photo(fileobj, name: str | None = None) -> PreparedPhoto:
    """Check the upload and re-encode it from its pixels: what a Photo stores.

    EXIF orientation is applied; EXIF (GPS included), XMP, comments and colour profiles
    are dropped after converting to sRGB; the long side is at most PRESS_PHOTO_MAX_SIDE.
    Opaque photos are stored as JPEG (what journalists expect to download), others as PNG.
    """
    checked = check_photo(fileobj, name, decode=False)
    image = Image.open(io.BytesIO(checked.data), formats=OPEN_FORMATS)
    max_side = settings.PRESS_PHOTO_MAX_SIDE
    scale = min(1.0, max_side / max(checked.width, checked.height))
    box = (math.ceil(checked.width * scale), math.ceil(checked.height * scale))
    image = _decode(image, box=box)
    image = ImageOps.exif_transpose(image) or image
    image = _to_srgb(image)
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    fmt = "png" if image.mode == "RGBA" else "jpeg"
    data = encode(image, fmt if fmt == "png" else "jpeg", quality=90)
    return PreparedPhoto(
        data=data,
        extension=EXTENSION[fmt],
        image=image,
        content_hash=hashlib.sha256(checked.data).hexdigest(),
    )


def encode(image: Image.Image, fmt: str, **options) -> bytes:
    pil_format, defaults = ENCODER[fmt]
    out = io.BytesIO()
    image.save(out, pil_format, **{**defaults, **options})
    return out.getvalue()


def _fallback_format(image: Image.Image) -> str:
    return "png" if image.mode == "RGBA" else "jpeg"


def _scaled(image: Image.Image, width: int) -> Image.Image:
    if width >= image.width:
        return image
    height = max(1, round(image.height * width / image.width))
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def card_crop(image: Image.Image, focal_x: float, focal_y: float) -> Image.Image:
    """The largest 3:2 crop of the image, as centred on the focal point as it can be."""
    w, h = image.size
    if w / h > CARD_RATIO:
        cw, ch = round(h * CARD_RATIO), h
    else:
        cw, ch = w, round(w / CARD_RATIO)
    left = min(max(0, round(focal_x * w - cw / 2)), w - cw)
    top = min(max(0, round(focal_y * h - ch / 2)), h - ch)
    return image.crop((left, top, left + cw, top + ch))


def _widths(available: int, wanted) -> list[int]:
    """The wanted widths the image can fill, and its own width if it is narrower than some."""
    widths = {w for w in wanted if w <= available}
    if available < max(wanted):
        widths.add(available)
    return sorted(widths)


def make_renditions(
    image: Image.Image, *, storage, stem: str, kinds=("full", "card"), focal=(0.5, 0.5)
) -> list[dict]:
    """Encode and store the renditions; returns what Photo.renditions lists.

    ``stem`` is the stored image's name without its extension; each run adds a random
    part, so a new crop never reuses an address a browser or CDN may have cached.
    """
    run = secrets.token_urlsafe(6)
    fallback = _fallback_format(image)
    made = []
    for kind in kinds:
        if kind == "card":
            source, wanted = card_crop(image, *focal), settings.PRESS_CARD_WIDTHS
        else:
            source, wanted = image, settings.PRESS_RENDITION_WIDTHS
        for width in _widths(source.width, wanted):
            scaled = _scaled(source, width)
            for fmt in [*RENDITION_FORMATS, fallback]:
                name = f"{stem}-{run}-{kind}{scaled.width}.{EXTENSION[fmt]}"
                stored = storage.save(name, ContentFile(encode(scaled, fmt)))
                made.append(
                    {
                        "kind": kind,
                        "format": fmt,
                        "width": scaled.width,
                        "height": scaled.height,
                        "name": stored,
                    }
                )
    return made


def picture_data(renditions: list[dict], kind: str, storage) -> dict | None:
    """<source> and <img> attributes for one kind of rendition, or None if there are none."""
    mine = [r for r in renditions if r["kind"] == kind]
    if not mine:
        return None
    by_format: dict[str, list[dict]] = {}
    for r in sorted(mine, key=lambda r: r["width"]):
        by_format.setdefault(r["format"], []).append(r)

    def srcset(items):
        return ", ".join(f"{storage.url(r['name'])} {r['width']}w" for r in items)

    fallback = next(f for f in ("jpeg", "png", *by_format) if f in by_format)
    img_items = by_format[fallback]
    default = next((r for r in img_items if r["width"] >= 960), img_items[-1])
    largest = img_items[-1]
    return {
        "sources": [
            {"type": MIME[f], "srcset": srcset(items)}
            for f, items in by_format.items()
            if f != fallback
        ],
        "src": storage.url(default["name"]),
        "srcset": srcset(img_items),
        "width": largest["width"],
        "height": largest["height"],
    }


def delete_files(storage, names) -> None:
    """Delete stored files, quietly skipping any already gone."""
    for name in names:
        if name:
            storage.delete(name)


# --- Documents -------------------------------------------------------------

DOCUMENT_TYPES = {
    "pdf": ("application/pdf", "PDF"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "DOCX",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "odt": ("application/vnd.oasis.opendocument.text", "ODT"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ODS"),
}
DOCUMENT_EXTENSIONS = list(DOCUMENT_TYPES)


def accepted_document_types() -> str:
    return ", ".join(label for _mime, label in DOCUMENT_TYPES.values())


def _document_kind(fileobj) -> str | None:
    """The allow-listed kind the content is, by its bytes alone; None for anything else."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = archive.infolist()
            names = [m.filename for m in members]
            if any(PurePath(n).name.lower() == "vbaproject.bin" for n in names) or any(
                n.startswith(("Basic/", "Scripts/")) for n in names
            ):
                _refuse(
                    _("Documents with macros are not accepted. Save it without macros."),
                    "macros",
                )
            if members and members[0].filename == "mimetype" and members[0].file_size < 100:
                mimetype = archive.read(members[0]).decode("ascii", "replace").strip()
                for kind in ("odt", "ods"):
                    if mimetype == DOCUMENT_TYPES[kind][0]:
                        return kind
                return None
            if "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                types = archive.read(info)[:200_000] if info.file_size < 1_000_000 else b""
                if b"macroenabled" in types.lower():
                    _refuse(
                        _("Documents with macros are not accepted. Save it without macros."),
                        "macros",
                    )
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError):
        return None
    finally:
        fileobj.seek(0)
    return None


def check_document(fileobj, name: str | None = None) -> str:
    """Refuse anything but an allow-listed document named for what it is; return its kind."""
    name = name if name is not None else getattr(fileobj, "name", "") or ""
    size = getattr(fileobj, "size", None)
    max_bytes = settings.PRESS_ATTACHMENT_MAX_BYTES
    if size is not None and size > max_bytes:
        _refuse(
            _("The file is %(size)s; documents may be at most %(max)s."),
            "too_large",
            size=filesizeformat(size),
            max=filesizeformat(max_bytes),
        )
    if size == 0:
        _refuse(_("The file is empty."), "empty")
    kind = _document_kind(fileobj)
    if kind is None:
        _refuse(
            _("This type of document is not accepted. Upload %(types)s."),
            "format",
            types=accepted_document_types(),
        )
    ext = _extension(name)
    if ext != kind:
        _refuse(
            _(
                "The file is named “.%(ext)s” but its content is %(kind)s. "
                "Rename it or save it again in the right format."
            ),
            "name_mismatch",
            ext=ext or "?",
            kind=DOCUMENT_TYPES[kind][1],
        )
    return kind


# --- Form fields -------------------------------------------------------------


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
