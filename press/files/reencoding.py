"""What is stored for an accepted photo: never the uploaded bytes, but its pixels encoded anew.

Orientation applied, metadata (EXIF with GPS, XMP, comments, colour profiles) dropped
after converting to sRGB, the long side at most PRESS_PHOTO_MAX_SIDE.
"""

from __future__ import annotations

import hashlib
import io
import math
from dataclasses import dataclass

from django.conf import settings
from PIL import Image, ImageCms, ImageOps, features

from press.files.photo_checks import OPEN_FORMATS, check_photo, decode_all

EXTENSION = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}
ENCODER = {
    "avif": ("AVIF", {"quality": 60, "speed": 8}),
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
    "png": ("PNG", {"optimize": True}),
}

SRGB = ImageCms.createProfile("sRGB") if features.check("littlecms2") else None


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
    image = decode_all(image, box=box)
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
    """The image encoded as ``fmt`` (avif, webp, jpeg, png) with our settings for it."""
    pil_format, defaults = ENCODER[fmt]
    out = io.BytesIO()
    image.save(out, pil_format, **{**defaults, **options})
    return out.getvalue()
