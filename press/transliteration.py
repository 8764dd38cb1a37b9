"""Uzbek Latin ↔ Cyrillic for editors: a draft to review, never published unread.

Words come first from two lists kept as data, as dictionaries do: press/data/loanwords.tsv
(Russian loanwords whose ц, ь, ъ, я the Latin letters do not show: sentabr → сентябрь, konsert →
концерт) and press/data/abbreviations.tsv (BMT → БМТ), each followed by any chain of Uzbek
suffixes (sentabrda → сентябрда, BMTning → БМТнинг). Other words go through UzTransliterator's
letter rules. Around that, this module sees only the words of a text (never tags, attributes,
URLs, e-mail addresses, @handles, or Latin codes such as COVID-19, UNESCO and USD, which stay in
Latin, a suffix after them converted: COVID-19dan → COVID-19дан), keeps spacing as it was, and
fixes the library's known failures (single-letter words, the tutuq belgisi in Is'hoq, words in
capitals, dates in the Cyrillic direction). bench/transliteration.py measures it.
"""

import functools
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

from modeltranslation.translator import translator
from UzTransliterator import UzTransliterator

from press import languages
from press.text import APOSTROPHES

LATIN_TO_CYRILLIC = "lat-cyr"
CYRILLIC_TO_LATIN = "cyr-lat"

# The standard Uzbek Latin letters: ʻ (U+02BB) in oʻ/gʻ, ʼ (U+02BC) for the tutuq belgisi.
OKINA, TUTUQ = "\u02bb", "\u02bc"
A = f"[{re.escape(APOSTROPHES)}]"
DATA = Path(__file__).resolve().parent / "data"


def _pairs(name: str) -> list[tuple[str, str]]:
    """The (latin, cyrillic) rows of press/data/<name>, comments left out."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line.strip() and not line.startswith("#")]


# Apostrophes as the lists write them (ASCII), and as UzTransliterator reads them.
def _ascii_apostrophes(word: str) -> str:
    return re.sub(A, "'", word)


def _library_apostrophes(word: str) -> str:
    # The library knows o‘/g‘ (U+2018) and ’ (U+2019) for ъ.
    return re.sub(f"([oOgG]?){A}", lambda m: m.group(1) + ("‘" if m.group(1) else "’"), word)


def _standard_apostrophes(latin: str) -> str:
    return re.sub(f"(?<=[oOgG]){A}", OKINA, latin).replace("'", TUTUQ)


ABBREVIATIONS = dict(_pairs("abbreviations.tsv"))
ABBREVIATIONS_UPPER = {latin.upper(): cyrillic for latin, cyrillic in ABBREVIATIONS.items()}
ABBREVIATIONS_LATIN = {cyrillic: latin for latin, cyrillic in ABBREVIATIONS.items()}


def _loanwords() -> tuple[dict[str, str], dict[str, str]]:
    """Loanword stems in lower case, Latin → Cyrillic and Cyrillic → Latin. The second takes a
    stem's first Latin spelling (the standard one), and has it without its final ь too, to find
    сентябрда as сентябр + да."""
    to_cyrillic, to_latin = {}, {}
    for latin, cyrillic in _pairs("loanwords.tsv"):
        latin, cyrillic = latin.lower(), cyrillic.lower()
        to_cyrillic.setdefault(latin, cyrillic)
        to_latin.setdefault(cyrillic, latin)
        to_latin.setdefault(cyrillic.removesuffix("ь"), latin)
    return to_cyrillic, to_latin


LOANWORDS, LOANWORDS_LATIN = _loanwords()

LATIN_SINGLE = dict(zip("abdefghijklmnopqrstuvxyz", "абдэфгҳижклмнопқрстувхйз", strict=True))
CYRILLIC_SINGLE = {
    **{cyr: lat for lat, cyr in LATIN_SINGLE.items()},
    "е": "ye", "ё": "yo", "ю": "yu", "я": "ya", "ц": "s", "ш": "sh", "ч": "ch", "ў": "o" + OKINA,
    "ғ": "g" + OKINA, "ъ": TUTUQ, "ь": "",
}  # fmt: skip

# Uzbek suffixes that follow a loanword or an abbreviation: case, plural, possessive, and the
# derivations a loanword takes (investitsiyaviy, aksiyadorlik, parlamentlararo, avtomobilsozlik).
SUFFIXES = (
    "lar ning ni ga ka qa da ta dan tan gacha kacha qacha dagi tagi dek day cha i si im imiz ing "
    "ingiz m miz ng ngiz li lik siz chi soz shunos dor xona viy aro lash tir il ish gan moq uv "
    "dir mi gina"
).split()
SUFFIX_LETTERS = {**LATIN_SINGLE, "e": "е", "sh": "ш", "ch": "ч"}
SUFFIX_LETTERS_LATIN = {cyr: lat for lat, cyr in SUFFIX_LETTERS.items()}


def _suffixes_to_cyrillic(latin: str) -> str:
    return re.sub("sh|ch|.", lambda m: SUFFIX_LETTERS[m.group()], latin)


def _suffixes_to_latin(cyrillic: str) -> str:
    return "".join(SUFFIX_LETTERS_LATIN[ch] for ch in cyrillic)


def _chain(suffixes) -> str:
    return "(?:" + "|".join(sorted(suffixes, key=len, reverse=True)) + ")*"


LATIN_SUFFIXES = re.compile(_chain(SUFFIXES))
CYRILLIC_SUFFIXES = re.compile(_chain(_suffixes_to_cyrillic(s) for s in SUFFIXES))

# Never transliterated, in either direction.
PROTECTED = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)»”]"  # URLs
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    r"|(?<![\w@])[@#]\w+"  # @handles, #hashtags
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uz|com|org|net|int|gov|edu|info|io|eu|ru|kg|kz|tj|tm)\b",
    re.IGNORECASE,
)
# A word in capitals or with digits (UNESCO, USD, COVID-19, G20, 5G) is a code, kept as it is
# written unless it is one of our abbreviations (BMT); Uzbek suffixes after it are converted.
CODE = re.compile(
    rf"(?<![\w{re.escape(APOSTROPHES)}])"
    r"(?P<code>(?=[A-Z0-9-]*[A-Z0-9]{2})(?=[0-9]*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+)*)"
    rf"(?P<suffixes>{_chain(SUFFIXES)})(?![\w{re.escape(APOSTROPHES)}])"
)

# -tsiya, -tsion, -ksiya, -ksion are Russian -ция, -цион, -кция, -кцион in every word (delegatsiya,
# funksiya, aksioner), and no Uzbek word starts with тс (tsentr, tsement).
TSIYA = re.compile("(?:т|(?<=к))си(?=я|он)|^тс")

LATIN_WORD = re.compile(rf"(?:[oOgG]{A}|[A-Za-z])(?:[oOgG]{A}|[A-Za-z]|{A}(?=[A-Za-z]))*")
CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёЎўҚқҒғҲҳ]+")
# One Cyrillic letter or its Latin spelling (sh, oʻ, ye…): how case is copied letter by letter.
LETTER = re.compile(rf"[oOgG]{A}|[sScC][hH]|[yY](?:[eEuUaA]|[oO](?!{A}))|.")

MONTHS_CYRILLIC = "йил|аср|январ|феврал|март|апрел|май|июн|июл|август|сентябр|октябр|ноябр|декабр"
MONTHS_LATIN = "yil|asr|yanvar|fevral|mart|aprel|may|iyun|iyul|avgust|sentabr|oktabr|noyabr|dekabr"
# 2020-yil 5-noyabr ↔ 2020 йил 5 ноябрь: Cyrillic writes dates without the hyphen.
DATE_CYRILLIC = re.compile(rf"(\d)-((?:{MONTHS_CYRILLIC})\w*)", re.IGNORECASE)
DATE_LATIN = re.compile(rf"(\d)[ \u00a0]((?:{MONTHS_LATIN})[\w{OKINA}{TUTUQ}]*)", re.IGNORECASE)


@functools.cache
def _engine() -> UzTransliterator:
    engine = UzTransliterator()
    # Its own word list matches the start of any word, whatever follows (sirka → цирка, pulsiz →
    # пульсиз, sentabrda → сентябрьда): press/data/loanwords.tsv replaces it, with suffixes
    # checked, and the engine keeps its letter rules. A private attribute of UzTransliterator
    # 2.0: tests/test_transliteration.py fails if an upgrade renames it.
    engine._UzTransliterator__cyr_exwords = {}
    return engine


def _case_like(source: str, result: str, *, abbreviation: bool = False) -> str:
    """``result`` in the case of ``source``: lower, capitalised, in capitals, or letter by letter
    for a word of mixed case (AQShga ↔ АҚШга, ЎзА, kVt) and, with ``abbreviation``, for a word
    in capitals (ЮНЕСКО → YuNESKO)."""
    upper = [ch.isupper() for ch in source if ch.isalpha()]
    if not any(upper[1:]):
        return result[:1].upper() + result[1:] if upper[:1] == [True] else result
    if all(upper) and not abbreviation:
        return result.upper()
    source_letters, result_letters = LETTER.findall(source), LETTER.findall(result)
    if len(source_letters) != len(result_letters):
        return result.upper()
    return "".join(
        mine[:1].upper() + mine[1:] if theirs[:1].isupper() else mine
        for theirs, mine in zip(source_letters, result_letters, strict=True)
    )


def _stem_and_suffixes(word: str, stems: dict, suffixes: re.Pattern) -> tuple[str, str] | None:
    """The conversion of the longest stem in ``stems`` that ``word`` starts with and the Uzbek
    suffixes after it, or None when no stem is followed by suffixes only."""
    for end in range(len(word), 2, -1):
        if word[:end] in stems and suffixes.fullmatch(word, end):
            return stems[word[:end]], word[end:]
    return None


@functools.lru_cache(maxsize=20_000)
def _latin_word(word: str) -> str:
    key = _ascii_apostrophes(word)
    if key in ABBREVIATIONS or key.isupper() and key in ABBREVIATIONS_UPPER:
        return ABBREVIATIONS_UPPER[key.upper()]
    lower = key.lower()
    if len(lower) == 1:
        return _case_like(word, LATIN_SINGLE.get(lower, word))
    if found := _stem_and_suffixes(lower, LOANWORDS, LATIN_SUFFIXES):
        stem, suffixes = found
        if suffixes:  # сентябрь, сентябрда
            stem = stem.removesuffix("ь") + _suffixes_to_cyrillic(suffixes)
        return _case_like(word, stem)
    # The tutuq belgisi between s and h keeps them two letters: Is'hoq → Исҳоқ, not Исъҳоқ.
    parts = re.split("(?<=[sScC])'(?=[hH])", key)
    if len(parts) > 1:
        return "".join(_latin_word(part) for part in parts)
    result = _engine().transliterate(_library_apostrophes(lower), from_="lat", to="cyr")
    result = TSIYA.sub(lambda m: "ц" if m.group() == "тс" else "ци", result)
    if re.search("[A-Za-z]", result):
        return word  # a foreign word (Macron, UNESCO in a heading): never in mixed scripts
    return _case_like(word, result)


@functools.lru_cache(maxsize=20_000)
def _cyrillic_word(word: str, heading: bool = False) -> str:
    if word in ABBREVIATIONS_LATIN:
        return _standard_apostrophes(ABBREVIATIONS_LATIN[word])
    # In running text a word in capitals is an abbreviation (ЮНЕСКО → YuNESKO); in a heading
    # typed in capitals it is a word (ЁШЛАР → YOSHLAR).
    abbreviation = not heading
    lower = word.lower()
    if len(lower) == 1:
        return _case_like(word, CYRILLIC_SINGLE.get(lower, word), abbreviation=abbreviation)
    # Исҳоқ → Isʼhoq: without the sign it would read Ishoq (Ишоқ).
    parts = re.split("(?<=[сС])(?=[ҳҲ])", lower)
    if len(parts) > 1:
        latin = TUTUQ.join(_cyrillic_word(part) for part in parts)
        return _case_like(word, latin, abbreviation=abbreviation)
    if found := _stem_and_suffixes(lower, LOANWORDS_LATIN, CYRILLIC_SUFFIXES):
        stem, suffixes = found
        result = _standard_apostrophes(stem + _suffixes_to_latin(suffixes))
    else:
        result = _engine().transliterate(lower, from_="cyr", to="lat")
        result = result.replace("‘", OKINA).replace("’", TUTUQ)
    return _case_like(word, result, abbreviation=abbreviation)


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
        return _outside(segment, CODE, words, _code)

    return _outside(text, PROTECTED, words if _in_capitals(text) else outside_codes)


def _code(match: re.Match) -> str:
    code, suffixes = match.group("code", "suffixes")
    return ABBREVIATIONS_UPPER.get(code, code) + _suffixes_to_cyrillic(suffixes)


def cyrillic_to_latin(text: str) -> str:
    if not text:
        return text
    heading = not any(ch.islower() for ch in text)  # typed in capitals throughout

    def words(segment: str) -> str:
        latin = CYRILLIC_WORD.sub(lambda m: _cyrillic_word(m.group(), heading), segment)
        return DATE_LATIN.sub(r"\1-\2", latin)

    return _outside(text, PROTECTED, words)


def _outside(text: str, pattern: re.Pattern, convert, keep=re.Match.group) -> str:
    """``convert`` applied to the text between matches of ``pattern``; matches go to ``keep``."""
    out, last = [], 0
    for match in pattern.finditer(text):
        out += [convert(text[last : match.start()]), keep(match)]
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


# What the change form's button and the changelist action fill on a release's photos.
PHOTO_TEXT = ("alt", "caption")


def transliterated_photos(release, direction: str, *, overwrite: bool = False) -> list:
    """Return ``[(photo, {field: text})]``: the photos of ``release`` whose description or
    caption the transliteration fills (only empty ones unless ``overwrite``). Nothing is
    saved. Without them a release filled in the other script cannot be published: each
    photo needs its description in every language the release is in."""
    source, target = DIRECTIONS[direction]
    filled = []
    for photo in release.photos.all():
        changes = {}
        for name in PHOTO_TEXT:
            text = getattr(photo, languages.field(name, source))
            if text and (overwrite or not getattr(photo, languages.field(name, target))):
                changes[languages.field(name, target)] = transliterate(text, direction)
        if changes:
            filled.append((photo, changes))
    return filled


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
