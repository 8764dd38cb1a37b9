"""Share cards: the picture a link to a release shows on Facebook, LinkedIn, X and Telegram.

A 1200×630 PNG (1.91:1, the size all of them ask for) drawn by Pillow: the ministry's mark
and name, the release's kind and date, and its title wrapped to fit. Text only, in the
page's language and script, with the DejaVu Sans kept in ``fonts/`` (Latin, Cyrillic and
the Uzbek ʻ ʼ; a fresh machine has no fonts, and Pillow's own draws ASCII only).

This module draws; press/site/share_cards.py decides when, stores and serves.
"""

import io
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
# Where the cards are kept: share-cards/<release id>/<language>-<last change>-d<design>.png.
FOLDER = "share-cards"
# Drawn cards are kept under a name that carries this: a change of design makes new ones.
DESIGN = 1

FONTS = Path(__file__).resolve().parent / "fonts"
MARGIN = 72
# The ministry's colours (static/css/site.css) and the flag's, as the site's mark draws it.
BRAND, BRAND_DEEP, INK = (11, 79, 138), (6, 43, 77), (27, 31, 36)
FLAG = {
    "blue": (0, 153, 181),
    "white": (255, 255, 255),
    "green": (30, 181, 58),
    "red": (206, 17, 38),
}
PAPER = (255, 255, 255)
# Title sizes tried from the largest down; the smallest cuts what it cannot fit with "…".
TITLE_SIZES = (64, 56, 50, 44, 40)
TITLE_TOP, TITLE_BOTTOM = 230, HEIGHT - 56
LINE_SPACING = 1.22


@cache
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    # BASIC layout: Latin and Cyrillic need no shaping, and the card is the same whether or
    # not Pillow was built with libraqm.
    return ImageFont.truetype(str(FONTS / name), size, layout_engine=ImageFont.Layout.BASIC)


def render_card(*, title: str, kind: str, date: str, ministry: str) -> bytes:
    """The card as PNG bytes: ``ministry`` beside the mark, ``kind`` · ``date`` above the
    title. Every string is already in the page's language."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, WIDTH, 150), fill=BRAND)
    draw.rectangle((0, 150, WIDTH, 158), fill=BRAND_DEEP)
    _mark(image, (MARGIN, 35), 80)
    header = font(30, bold=True)
    ministry_lines = wrap(draw, ministry, header, WIDTH - MARGIN * 2 - 110)[:2]
    y = 75 - len(ministry_lines) * 20
    for line in ministry_lines:
        draw.text((MARGIN + 110, y), line, font=header, fill=PAPER)
        y += 40
    draw.text((MARGIN, 182), f"{kind.upper()}  ·  {date}", font=font(28, bold=True), fill=BRAND)
    _title(draw, title)
    draw.rectangle((0, HEIGHT - 14, WIDTH // 3, HEIGHT), fill=FLAG["blue"])
    draw.rectangle((WIDTH // 3, HEIGHT - 14, 2 * WIDTH // 3, HEIGHT), fill=FLAG["red"])
    draw.rectangle((2 * WIDTH // 3, HEIGHT - 14, WIDTH, HEIGHT), fill=FLAG["green"])
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def _mark(image: Image.Image, at: tuple[int, int], size: int) -> None:
    """The site's mark (static/favicon.svg): the flag's bands in a ringed circle, drawn 4×
    larger and scaled down for smooth edges."""
    big = size * 4
    disc = Image.new("RGB", (big, big), FLAG["white"])
    bands = ImageDraw.Draw(disc)
    bands.rectangle((0, 0, big, big * 11 // 32), fill=FLAG["blue"])
    bands.rectangle((0, big * 21 // 32, big, big), fill=FLAG["green"])
    for top in (10, 20.8):
        bands.rectangle((0, big * top / 32, big, big * (top + 1.2) / 32), fill=FLAG["red"])
    ring = ImageDraw.Draw(disc)
    ring.ellipse((0, 0, big - 1, big - 1), outline=PAPER, width=big // 16)
    mask = Image.new("L", (big, big), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, big - 1, big - 1), fill=255)
    image.paste(
        disc.resize((size, size), Image.Resampling.LANCZOS),
        at,
        mask.resize((size, size), Image.Resampling.LANCZOS),
    )


def _title(draw: ImageDraw.ImageDraw, title: str) -> None:
    width = WIDTH - MARGIN * 2
    for size in TITLE_SIZES:
        face = font(size, bold=True)
        step = round(size * LINE_SPACING)
        fits = (TITLE_BOTTOM - TITLE_TOP) // step
        lines = wrap(draw, title, face, width)
        if len(lines) <= fits:
            break
    else:
        lines = lines[:fits]
        lines[-1] = _ellipsis(draw, lines[-1], face, width)
    y = TITLE_TOP
    for line in lines:
        draw.text((MARGIN, y), line, font=face, fill=INK)
        y += step


def wrap(draw: ImageDraw.ImageDraw, text: str, face, width: int) -> list[str]:
    """``text`` in lines no wider than ``width``, broken between words; a word wider than a
    line on its own is broken where it must be."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if draw.textlength(candidate, font=face) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while draw.textlength(word, font=face) > width:
            cut = len(word) - 1
            while cut > 1 and draw.textlength(word[:cut], font=face) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def _ellipsis(draw, line: str, face, width: int) -> str:
    while line and draw.textlength(line + "…", font=face) > width:
        line = line[:-1].rstrip()
    return line + "…"


def delete_share_cards(storage, release_pk: int, *, keep_prefix: str = "", keep: str = "") -> None:
    """Delete the stored cards of a release: those of one language (``keep_prefix``, "ru-")
    but ``keep``, or with no prefix all of them (the release is deleted)."""
    folder = f"{FOLDER}/{release_pk}"
    try:
        _dirs, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for filename in files:
        name = f"{folder}/{filename}"
        if filename.startswith(keep_prefix) and name != keep:
            storage.delete(name)
