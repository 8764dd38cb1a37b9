"""Uzbek Latin ↔ Cyrillic for editors: a draft to review, never published unread.

Words go through UzTransliterator (rules plus ~450 loanwords where Latin s/e/ya hide Cyrillic
ц/ь/я: sirk→цирк, sentabr→сентябрь, aksiya→акция). Around it, this module does what the library
does not: it sees only the words of the text (never tags, attributes, URLs, e-mail addresses,
@handles or Latin abbreviations such as COVID-19 and UNESCO), keeps spacing as it was, and fixes
the library's known failures (single-letter words, the tutuq belgisi in Is'hoq, words in capitals,
dates in the Cyrillic direction). bench/transliteration.py measures it.
"""

import functools
import re
from html import escape
from html.parser import HTMLParser

from modeltranslation.translator import translator
from UzTransliterator import UzTransliterator

from press import languages
from press.text import APOSTROPHES

LATIN_TO_CYRILLIC = "lat-cyr"
CYRILLIC_TO_LATIN = "cyr-lat"

# The standard Uzbek Latin letters: ʻ (U+02BB) in oʻ/gʻ, ʼ (U+02BC) for the tutuq belgisi.
OKINA, TUTUQ = "\u02bb", "\u02bc"
A = f"[{re.escape(APOSTROPHES)}]"

# Never transliterated, in either direction.
PROTECTED = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)»”]"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])[@#]\w+"  # @handles, #hashtags
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uz|com|org|net|int|gov|edu|info|io|eu|ru|kg|kz|tj|tm)\b",
    re.IGNORECASE,
)
# A word in capitals or with digits (UNESCO, COVID-19, G20) is a code, kept as it is written...
CODE = re.compile(
    rf"(?<![\w{re.escape(APOSTROPHES)}])(?=[A-Z0-9-]*[A-Z0-9]{{2}})"
    rf"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*(?![\w{re.escape(APOSTROPHES)}])"
)
# ...unless it is one of these Uzbek abbreviations (BMT = UN, MDH = CIS, TIV = MFA…).
ABBREVIATIONS = {
    "AQSh": "АҚШ", "BAA": "БАА", "BMT": "БМТ", "BMTTD": "БМТТД", "IHT": "ИҲТ", "JSST": "ЖССТ",
    "KXDR": "КХДР", "MChJ": "МЧЖ", "MDH": "МДҲ", "MO": "МО", "OAV": "ОАВ", "OTM": "ОТМ",
    "ShHT": "ШҲТ", "TIV": "ТИВ", "XVF": "ХВФ", "XXR": "ХХР", "YeI": "ЕИ", "YeXHT": "ЕХҲТ",
}  # fmt: skip
ABBREVIATIONS_UPPER = {latin.upper(): cyrillic for latin, cyrillic in ABBREVIATIONS.items()}
ABBREVIATIONS_LATIN = {cyrillic: latin for latin, cyrillic in ABBREVIATIONS.items()}

# Words the library gets wrong (measured on bench/transliteration_words.tsv).
LATIN_EXCEPTIONS = {
    "premyer": "премьер", "kompyuter": "компьютер", "tsirk": "цирк", "sentyabr": "сентябрь",
    "oktyabr": "октябрь", "pyesa": "пьеса", "tyutor": "тьютор", "intervyu": "интервью",
    "portfel": "портфель", "dekabr": "декабрь", "noyabr": "ноябрь", "bryussel": "брюссель",
}  # fmt: skip
# -tsiya, -tsion are Russian -ция, -цион in every word the library's list lacks (delegatsiya).
TSIYA = re.compile("тси(?=я|он)")

LATIN_WORD = re.compile(rf"(?:[oOgG]{A}|[A-Za-z])(?:[oOgG]{A}|[A-Za-z]|{A}(?=[A-Za-z]))*")
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёЎўҚқҒғҲҳ]+")
LATIN_SINGLE = dict(zip("abdefghijklmnopqrstuvxyz", "абдэфгҳижклмнопқрстувхйз", strict=True))
CYRILLIC_SINGLE = {
    **{cyr: lat for lat, cyr in LATIN_SINGLE.items()},
    "е": "ye", "ё": "yo", "ю": "yu", "я": "ya", "ц": "s", "ш": "sh", "ч": "ch",
    "ў": "o" + OKINA, "ғ": "g" + OKINA, "ъ": TUTUQ, "ь": "",
}  # fmt: skip

MONTHS_CYRILLIC = "йил|аср|январ|феврал|март|апрел|май|июн|июл|август|сентябр|октябр|ноябр|декабр"
MONTHS_LATIN = "yil|asr|yanvar|fevral|mart|aprel|may|iyun|iyul|avgust|sentabr|oktabr|noyabr|dekabr"
# 2020-yil 5-noyabr ↔ 2020 йил 5 ноябрь: Cyrillic writes dates without the hyphen.
DATE_CYRILLIC = re.compile(rf"(\d)-((?:{MONTHS_CYRILLIC})\w*)", re.IGNORECASE)
DATE_LATIN = re.compile(rf"(\d)[ \u00a0]((?:{MONTHS_LATIN})[\w{OKINA}{TUTUQ}]*)", re.IGNORECASE)


APOSTROPHE_NORMAL = re.compile(f"([oOgG]?){A}")


@functools.cache
def _engine() -> UzTransliterator:
    return UzTransliterator()


def _case_like(source: str, result: str) -> str:
    if sum(ch.isupper() for ch in source) > 1:  # UNESCO, AQSh, YuNISEF
        return result.upper()
    if source[:1].isupper():
        return result[:1].upper() + result[1:]
    return result


@functools.lru_cache(maxsize=20_000)
def _latin_word(word: str) -> str:
    key = APOSTROPHE_NORMAL.sub(_normal_apostrophe, word)
    if key.upper() in ABBREVIATIONS_UPPER and (key.isupper() or key in ABBREVIATIONS):
        return ABBREVIATIONS_UPPER[key.upper()]
    lower = key.lower()
    if lower in LATIN_EXCEPTIONS:
        return _case_like(word, LATIN_EXCEPTIONS[lower])
    if len(lower) == 1:
        return _case_like(word, LATIN_SINGLE.get(lower, word))
    # The tutuq belgisi between s and h keeps them two letters: Is'hoq → Исҳоқ, not Исъҳоқ.
    parts = re.split(f"(?<=[sScC]){A}(?=[hH])", key)
    if len(parts) > 1:
        return "".join(_latin_word(part) for part in parts)
    result = TSIYA.sub("ци", _engine().transliterate(lower, from_="lat", to="cyr"))
    if re.search("[A-Za-z]", result):
        return word  # a foreign word (Macron, UNESCO in a heading): never in mixed scripts
    return _case_like(word, result)


def _normal_apostrophe(match) -> str:
    # The library knows o‘/g‘ (U+2018) and ’ (U+2019) for ъ.
    return match.group(1) + ("‘" if match.group(1) else "’")


@functools.lru_cache(maxsize=20_000)
def _cyrillic_word(word: str) -> str:
    if word in ABBREVIATIONS_LATIN:
        return ABBREVIATIONS_LATIN[word]
    lower = word.lower()
    if len(lower) == 1:
        return _case_like(word, CYRILLIC_SINGLE.get(lower, word))
    # Исҳоқ → Isʼhoq: without the sign it would read Ishoq (Ишоқ).
    parts = re.split("(?<=[сС])(?=[ҳҲ])", lower)
    if len(parts) > 1:
        latin = TUTUQ.join(_cyrillic_word(part) for part in parts)
        return _case_like(word, latin)
    result = _engine().transliterate(lower, from_="cyr", to="lat")
    result = result.replace("‘", OKINA).replace("’", TUTUQ)
    return _case_like(word, result)


def _in_capitals(text: str) -> bool:
    """A heading typed in capitals: its capitalised words are words, not abbreviations."""
    words = LATIN_WORD.findall(text)
    return sum(len(w) > 2 for w in words) > 1 and all(w.isupper() for w in words)


def latin_to_cyrillic(text: str) -> str:
    if not text:
        return text

    def words(segment: str) -> str:
        cyrillic = LATIN_WORD.sub(lambda m: _latin_word(m.group()), segment)
        return DATE_CYRILLIC.sub(r"\1 \2", cyrillic)

    def outside_codes(segment: str) -> str:
        return _outside(segment, CODE, words, lambda code: ABBREVIATIONS_UPPER.get(code, code))

    return _outside(text, PROTECTED, words if _in_capitals(text) else outside_codes)


def cyrillic_to_latin(text: str) -> str:
    if not text:
        return text

    def words(segment: str) -> str:
        latin = CYRILLIC_WORD.sub(lambda m: _cyrillic_word(m.group()), segment)
        return DATE_LATIN.sub(r"\1-\2", latin)

    return _outside(text, PROTECTED, words)


def _outside(text: str, pattern: re.Pattern, convert, keep=lambda match: match) -> str:
    """``convert`` applied to the text between matches of ``pattern``; matches go to ``keep``."""
    out, last = [], 0
    for match in pattern.finditer(text):
        out += [convert(text[last : match.start()]), keep(match.group())]
        last = match.end()
    out.append(convert(text[last:]))
    return "".join(out)


class _TextNodes(HTMLParser):
    """Copies HTML, passing only the text between tags through ``convert``."""

    RAW = {"script", "style", "code", "pre"}

    def __init__(self, convert):
        super().__init__(convert_charrefs=True)
        self.convert = convert
        self.out = []
        self.raw = 0

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in self.RAW:
            self.raw += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in self.RAW and self.raw:
            self.raw -= 1

    def handle_data(self, data):
        self.out.append(escape(data if self.raw else self.convert(data), quote=False))

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")


def transliterate_html(html: str, direction: str) -> str:
    """Transliterate the text nodes of ``html``; tags and attributes are copied as they are."""
    if not html:
        return html
    convert = latin_to_cyrillic if direction == LATIN_TO_CYRILLIC else cyrillic_to_latin
    parser = _TextNodes(convert)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


def transliterate(text: str, direction: str, *, html: bool = False) -> str:
    if html:
        return transliterate_html(text, direction)
    return (latin_to_cyrillic if direction == LATIN_TO_CYRILLIC else cyrillic_to_latin)(text)


DIRECTIONS = {LATIN_TO_CYRILLIC: ("uz", "uz-cyrl"), CYRILLIC_TO_LATIN: ("uz-cyrl", "uz")}


def translated_fields(model) -> tuple[str, ...]:
    return tuple(translator.get_options_for_model(model).fields)


def plan_object(obj, direction: str) -> tuple[list[str], list[str]]:
    """The translated fields of ``obj`` that a transliteration would fill, and those it would
    overwrite (filled already in the target script)."""
    source, target = DIRECTIONS[direction]
    empty, filled = [], []
    for name in translated_fields(type(obj)):
        if getattr(obj, languages.field(name, source)):
            (filled if getattr(obj, languages.field(name, target)) else empty).append(name)
    return empty, filled


def transliterated_fields(obj, direction: str, *, overwrite: bool = False) -> tuple[dict, list]:
    """New values for the target script's fields of ``obj``, transliterated from the source
    script's, plus the machine-made mark; and the fields kept because they were filled
    (all are replaced when ``overwrite``). Nothing is saved: the caller saves."""
    source, target = DIRECTIONS[direction]
    empty, filled = plan_object(obj, direction)
    names, kept = (empty + filled, []) if overwrite else (empty, filled)
    changes = {}
    for name in names:
        text = getattr(obj, languages.field(name, source))
        # Sanitised HTML (a release's body, rich text) starts with a tag; the rest is plain.
        html = text.lstrip().startswith("<")
        changes[languages.field(name, target)] = transliterate(text, direction, html=html)
    if changes and target not in obj.machine_translated:
        changes["machine_translated"] = [*obj.machine_translated, target]
    return changes, kept
