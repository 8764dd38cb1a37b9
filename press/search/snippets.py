"""Search results' extracts: the lead and body around the first word found, words marked."""

import functools
import html
import re

from django.utils.safestring import mark_safe

from press import languages
from press.search.analyzer import Query, parse
from press.text import APOSTROPHES, ELLIPSIS, shorten, words_from

SNIPPET_WIDTH = 220
# Bodies are sanitised on save (press/text.py): a tag is "<" up to the next ">", and a
# regular expression reads them ten times faster than strip_tags' HTML parser. Whatever
# it left would be escaped below all the same.
TAG = re.compile(r"<[^>]*>")


def _pattern(query: Query):
    """Matches any typed word in the text, apostrophes and script aside."""
    alternatives = []
    for term in query.positive_terms():
        for word in {*term.raw, *term.words}:  # as typed, and folded into Uzbek Latin
            for variant in {word, _stem(word)}:
                if len(variant) >= 2:
                    alternatives.append(_loose(variant))
    if not alternatives:
        return None
    alternatives.sort(key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")\w*", re.IGNORECASE)


def _stem(word: str) -> str:
    # Enough for highlighting Russian and English inflections: встречи → встреч.
    return word[:-2] if len(word) > 6 else word[:-1] if len(word) > 4 else word


def _loose(word: str) -> str:
    apostrophe = f"[{re.escape(APOSTROPHES)}]?"
    return apostrophe.join(re.escape(ch) for ch in word)


@functools.lru_cache(maxsize=128)
def _highlight(text: str):
    # The same for every card of a results page: made once (a pure function of the text).
    return _pattern(parse(text))


def snippet(release, text: str) -> str:
    """A short, escaped extract of the lead and body with the query's words in <mark>,
    beginning and ending at word boundaries (press.text.shorten)."""
    plain = " ".join(
        TAG.sub(" ", getattr(release, languages.field(name)) or "") for name in ("lead", "body")
    )
    # Decoded before the cut: a cut never falls inside an entity, and the escaping below
    # writes each one back whole.
    plain = html.unescape(re.sub(r"\s+", " ", plain)).strip()
    pattern = _highlight(text)
    start = 0
    match = pattern.search(plain) if pattern else None
    if match:
        start = words_from(plain, max(0, match.start() - SNIPPET_WIDTH // 3))
        # A long word just before the match would push the extract past it.
        start = min(start, match.start())
    extract = shorten(plain[start:], SNIPPET_WIDTH)
    parts, end = [], 0
    for found in pattern.finditer(extract) if pattern else ():
        parts.append(html.escape(extract[end : found.start()]))
        parts.append(f"<mark>{html.escape(found.group(0))}</mark>")
        end = found.end()
    parts.append(html.escape(extract[end:]))
    prefix = ELLIPSIS + " " if start else ""
    return mark_safe(prefix + "".join(parts))
