"""Text helpers: Uzbek apostrophes, slugs."""

import re

from django.utils.text import slugify

# Every character people type for the Uzbek tutuq belgisi and the oʻ/gʻ sign.
APOSTROPHES = "'\u02bb\u02bc\u2018\u2019`\u00b4\u02b9\u02bf\u2032"
APOSTROPHE_RE = re.compile(f"[{re.escape(APOSTROPHES)}]")

# Enough Cyrillic → Latin to make an ASCII slug from a Russian or Uzbek Cyrillic title.
CYRILLIC_TO_ASCII = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ў": "o", "қ": "q", "ғ": "g", "ҳ": "h",
}  # fmt: skip


def strip_apostrophes(text: str) -> str:
    return APOSTROPHE_RE.sub("", text)


def make_slug(title: str, max_length: int = 80) -> str:
    """An ASCII slug from a title in any of the site's scripts, cut at a word boundary."""
    text = "".join(CYRILLIC_TO_ASCII.get(ch, ch) for ch in strip_apostrophes(title.lower()))
    slug = slugify(text)
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0]
    return slug
