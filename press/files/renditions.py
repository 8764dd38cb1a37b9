"""Renditions: a photo at fixed widths and formats, made once when it is saved.

A release page's <picture> offers them best format first (AVIF where Pillow writes it,
then WebP), with a JPEG or PNG <img> for the rest; a card shows a 3:2 crop around the
photo's focal point.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from PIL import Image, features

from press.files.cleanup import note_written
from press.files.reencoding import EXTENSION, encode

# Renditions: the formats a <picture> offers, best first. The last one is the <img>.
RENDITION_FORMATS = (["avif"] if features.check("avif") else []) + ["webp"]
MIME = {
    "avif": "image/avif",
    "webp": "image/webp",
    "jpeg": "image/jpeg",
    "png": "image/png",
}
CARD_RATIO = 3 / 2


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
                note_written(storage, stored)
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
