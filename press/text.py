"""Text helpers: Uzbek apostrophes, slugs, snippets cut at word boundaries, and the HTML the
release body may hold."""

import html
import re

import nh3
from django.utils.text import slugify

LINK_REL = "noopener noreferrer"

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


ELLIPSIS = "…"
# Markup is "<" up to the next ">": bodies are sanitised on save (sanitize_html below).
TAG_RE = re.compile(r"<[^>]*>")
# Left at the end of a cut, before the ellipsis: "talks, …" reads as a typo.
TRAILING_PUNCTUATION = " ,;:–—-([«“„"


def plain_text(markup: str) -> str:
    """The text of sanitised HTML: tags gone, entities decoded, whitespace collapsed.

    Decoded before any cut, so that a cut can never fall inside ``&amp;``; whoever writes
    the result out escapes it again.
    """
    return " ".join(html.unescape(TAG_RE.sub(" ", markup or "")).split())


def shorten(text: str, limit: int) -> str:
    """``text`` (plain, not HTML) in at most ``limit`` characters: whole words up to the
    last one that fits, then "…"; unchanged if it fits already.

    Words are split at whitespace only, so that Uzbek oʻ, gʻ and the tutuq belgisi (ʼ),
    hyphenated words and numbers such as 1,5 stay whole. A first word longer than the limit
    is the one case cut inside a word: nothing else could be shown.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]  # one more: a space there ends a whole word
    cut = room.rsplit(" ", 1)[0] if " " in room else room[:-1]
    return cut.rstrip(TRAILING_PUNCTUATION) + ELLIPSIS


def words_from(text: str, start: int) -> int:
    """The index of the first whole word at or after ``start`` in ``text``: where an extract
    taken from the middle of a text may begin."""
    if start <= 0 or text[start - 1].isspace():
        return max(start, 0)
    space = text.find(" ", start)
    return len(text) if space == -1 else space + 1


# What the rich text editor offers (django-prose-editor's extensions, press/admin/editor.py) and
# what the server keeps (nh3, below) are one set: an editor can write nothing that a save
# would silently drop, and the server keeps nothing the editor could not have made.
# tests/test_editor.py checks that the library's own allow-list for these extensions equals
# ALLOWED_TAGS / ALLOWED_ATTRIBUTES (bar ``rel``, which nh3 writes itself: link_rel below).
EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "HardBreak": True,
    "Heading": {"levels": [2, 3, 4]},  # h1 is the page's title
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    # Links open in the same tab (no target) and carry the rel that nh3 gives every link;
    # a pasted link keeps its address (autolink would rewrite "mfa.uz" as http://mfa.uz).
    "Link": {
        "enableTarget": False,
        "autolink": False,
        "HTMLAttributes": {"rel": LINK_REL, "target": None},
    },
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
}

# What a press release body may contain; everything else is removed on save.
ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "u", "s", "sub", "sup",
    "ul", "ol", "li", "a", "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"*": set(), "a": {"href", "title"}, "ol": {"start", "type", "data-type"},
                      "th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}}  # fmt: skip


def sanitize_html(html: str) -> str:
    """Editor HTML reduced to the press allow-list: no scripts, styles or event handlers."""
    if not html:
        return html
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=LINK_REL,
    )
