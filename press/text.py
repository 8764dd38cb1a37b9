"""Text helpers: Uzbek apostrophes, slugs."""

import re

import nh3
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


# What a press release body may contain; everything else is removed on save.
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "ul", "ol", "li", "a", "blockquote", "table", "thead", "tbody", "tr", "th", "td",
    "caption", "hr", "figure", "figcaption",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"*": {"lang", "title"}, "a": {"href", "hreflang"},
                      "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"},
                      "ol": {"start"}}  # fmt: skip


def sanitize_html(html: str) -> str:
    """Editor HTML reduced to the press allow-list: no scripts, styles or event handlers."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel="noopener noreferrer",
    )
