"""Text analysis for search: the one place that says which lexemes a text and a query make.

Both indexes (PostgreSQL's tsvector, SQLite's FTS5 table) store what ``analyze`` returns,
and a query is cut into the same pieces by ``parse``: nothing is left to a database's own
parser or stemmer, so that the two databases answer alike.

Every word gives
- its *surface*: the word folded (``fold``): lower case, no apostrophes, Uzbek Cyrillic
  spelled in Uzbek Latin the way Uzbek Latin writes it (Европа → yevropa, Мирзиёев →
  mirziyoyev), Russian the same way (Саидовым → saidovim);
- its *stems*, by language: Uzbek case, plural and possessive endings stripped
  (Germaniyaning, Германияга → germaniya), Russian and English Snowball stems
  (переговорах → peregovor, visited → visit), and Russian surnames in the nominative
  (Саидовым, Саидова → saidov) beside the Snowball stem (саид), so that a name meets its case
  forms without losing itself;
- for a word with signs (C5+1, COVID-19), its parts as stems too (c5, 1; covid, 19).
A query word matches a text exactly (same surface), by stem (a stem in common) or, from
three letters, as a prefix of any of its lexemes; ranking (press.search.engine) prefers them
in that order.
"""

import functools
import re
import threading
from dataclasses import dataclass, field

import snowballstemmer

from press.text import APOSTROPHES, CYRILLIC_TO_ASCII

# --- The fold --------------------------------------------------------------------------------

# Uzbek (and Russian) Cyrillic spelled in Uzbek Latin, for comparison only: the table the
# slugs use (press.text). е there is "e"; the fold writes "ye" first where Uzbek Latin does:
# at the start of a word, after a vowel and after ъ/ь (YE below).
CYRILLIC_FOLD = CYRILLIC_TO_ASCII
FOLD_TABLE = str.maketrans({**CYRILLIC_FOLD, **{a: "" for a in APOSTROPHES}})
# What counts as a letter before е, written out rather than \w: PostgreSQL's \w depends on
# the database's locale (no Cyrillic under C), and the SQL twin must agree with Python.
LETTERS = "a-z0-9_а-яёўқғҳ"
CYRILLIC_VOWELS = "аеёиоуэюяўыъь"  # ъ and ь too: объект → obyekt
YE_PATTERN = f"(?<![{LETTERS}])е|(?<=[{CYRILLIC_VOWELS}])е"
YE = re.compile(YE_PATTERN)


def fold(text: str | None) -> str | None:
    """The text in one spelling: lower case, no apostrophes, Cyrillic in Uzbek Latin."""
    if text is None:
        return None
    return YE.sub("ye", text.lower()).translate(FOLD_TABLE)


def fold_sql_body() -> str:
    """The SQL twin of fold(), written out by migration 0019 for PostgreSQL."""
    expr = f"regexp_replace(lower(t), '{YE_PATTERN}', 'ye', 'g')"
    singles_from = singles_to = ""
    for cyr, lat in CYRILLIC_FOLD.items():
        if len(lat) == 1:
            singles_from, singles_to = singles_from + cyr, singles_to + lat
        else:
            expr = f"replace({expr}, '{cyr}', '{lat}')"
    # Characters with no counterpart in the second string are deleted by translate().
    deleted = "ъь" + APOSTROPHES.replace("'", "''")
    return f"SELECT translate({expr}, '{singles_from}{deleted}', '{singles_to}')"


# --- Words -----------------------------------------------------------------------------------

# A word, or words joined by signs that belong to it: C5+1, COVID-19, ijtimoiy-iqtisodiy.
WORD = re.compile(r"\w+(?:[+\-&]\w+)*")
PART = re.compile(r"[^\W_]+")
STRIP_APOSTROPHES = str.maketrans("", "", APOSTROPHES)
CYRILLIC = re.compile("[а-яёўқғҳ]")
# Codes typed in Cyrillic by habit (С5+1 for C5+1): Cyrillic letters that look Latin.
HOMOGLYPHS = str.maketrans("асеорхкмтвну", "aceopxkmtbhy")
HOMOGLYPH_LETTERS = set("асеорхкмтвну")


def words(text: str) -> list[str]:
    """The words of a text, lower case and without apostrophes (not yet folded)."""
    return WORD.findall((text or "").lower().translate(STRIP_APOSTROPHES))


def _unhomoglyph(word: str) -> str:
    if any(ch.isdigit() for ch in word):
        letters = {ch for ch in word if CYRILLIC.match(ch)}
        if letters and letters <= HOMOGLYPH_LETTERS:
            return word.translate(HOMOGLYPHS)
    return word


# --- Stems -----------------------------------------------------------------------------------

# Uzbek endings, longest first: case (-ning, -ni, -ga, -da, -dan, -dagi, -gacha), plural
# (-lar) and possessive (-i, -si, -lari, -imiz, -ingiz). Stripped again and again while
# four letters stay: four keeps Mali and Malta apart (mal) and most short roots whole.
UZ_SUFFIXES = sorted(
    ["gacha", "dagi", "tagi", "niki", "ning", "lari", "imiz", "ingiz", "dan", "tan", "lar",
     "ni", "ga", "ka", "qa", "da", "ta", "si", "i"],
    key=len, reverse=True,
)  # fmt: skip
UZ_MIN_STEM = 4
# A Russian surname in a case form → the nominative (Саидовым, Саидовой → Саидов).
RU_SURNAME = re.compile(r"^(\w{2,}(?:ов|ев|ёв|ин|ын))(?:а|у|е|ым|ом|ой|ою|ых|ыми)?$")


_stemmers = threading.local()


def _stemmer(language: str):
    """This thread's Snowball stemmer for ``language``.

    Hazard: a stemmer keeps the word it is working on in the object, so one shared between
    threads (gunicorn's gthread workers, generate_releases --jobs) mixes two words and fails
    with IndexError or returns a wrong stem. Each thread makes its own, once.
    """
    stemmer = getattr(_stemmers, language, None)
    if stemmer is None:
        stemmer = snowballstemmer.stemmer(language)
        setattr(_stemmers, language, stemmer)
    return stemmer


def uz_stem(surface: str) -> str:
    """A folded Uzbek word without its case, plural and possessive endings.

    A final k or q voices before a vowel (hamkorlik → hamkorligi, qishloq → qishlogʻi), so a
    stem's last g, q and k are one letter, k.
    """
    word = surface
    for _ in range(4):
        for suffix in UZ_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= UZ_MIN_STEM:
                word = word[: -len(suffix)]
                break
        else:
            break
    if word[-1:] in ("g", "q") and len(word) > UZ_MIN_STEM:
        word = word[:-1] + "k"
    return word


def ru_stems(word: str) -> set[str]:
    """Folded stems of a Russian word: Snowball's, and a surname's nominative."""
    stems = {fold(_stemmer("russian").stemWord(word))}
    surname = RU_SURNAME.match(word)
    if surname:
        stems.add(fold(surname.group(1)))
    return stems


def en_stem(word: str) -> str:
    return fold(_stemmer("english").stemWord(word))


# Which stemmers a language's text goes through; None is a query, of unknown language.
UZ, RU, EN = "uz", "ru", "en"
STEMMERS = {"uz": (UZ,), "uz_cyrl": (UZ,), "uz-cyrl": (UZ,), "ru": (RU,), "en": (EN,)}
ALL = (UZ, RU, EN)


@dataclass(frozen=True)
class Token:
    surface: str
    stems: frozenset[str] = field(default_factory=frozenset)

    @property
    def prefix(self) -> str | None:
        """What the word matches as a prefix (from three letters: UN must not find uning)."""
        return self.surface if len(self.surface) >= 3 else None


def _stems(word: str, surface: str, stemmers) -> set[str]:
    cyrillic = bool(CYRILLIC.search(word))
    stems = set()
    if UZ in stemmers:
        stems.add(uz_stem(surface))
    if RU in stemmers and cyrillic:
        stems |= ru_stems(word)
    if EN in stemmers and not cyrillic:
        stems.add(en_stem(word))
    return stems or {surface}


@functools.lru_cache(maxsize=65536)
def analyze_word(word: str, language: str | None = None) -> Token:
    """One word (lower case, no apostrophes) as lexemes: its surface and its stems."""
    stemmers = STEMMERS.get(language, ALL) if language else ALL
    word = _unhomoglyph(word)
    surface = fold(word)
    stems = _stems(word, surface, stemmers)
    parts = PART.findall(word)
    if len(parts) > 1:
        for part in parts:
            part_surface = fold(part)
            stems |= {part_surface, *_stems(part, part_surface, stemmers)}
    return Token(surface, frozenset(s for s in stems if s))


def analyze(text: str, language: str | None = None) -> list[Token]:
    """The tokens of a text in a language (a code of press.languages; None: any)."""
    return [analyze_word(word, language) for word in words(text)]


# --- Queries ---------------------------------------------------------------------------------

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8


@dataclass
class Term:
    words: list[str]  # surfaces (folded); more than one for a "quoted phrase"
    raw: list[str]  # the same words as typed (lower case, no apostrophes), for highlighting
    negated: bool = False
    tokens: list[Token] = field(default_factory=list)
    # The other one-word names of the entity a one-word term is the name of (Germany:
    # germaniya), matched as the word itself is (press.search.entities); set by the engine.
    others: tuple[Token, ...] = ()

    @property
    def phrase(self) -> bool:
        return len(self.tokens) > 1

    @property
    def alternatives(self) -> tuple[Token, ...]:
        """The word and the other names it stands for (one token for a phrase's first)."""
        return (self.tokens[0], *self.others)


@dataclass
class Query:
    groups: list[list[Term]] = field(default_factory=list)  # OR of ANDs

    def __bool__(self):
        return any(not t.negated for group in self.groups for t in group)

    def positive_terms(self):
        return [t for group in self.groups for t in group if not t.negated]


QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Cyrillic е at a word's start or after a vowel is "ye" in Uzbek Latin (the fold writes it
# so: Мирзиёев → mirziyoyev) and plain "e" in most English and passport spellings
# (Mirziyoev, Evropa). A query word written one way also looks for the other, as a stem:
# only the query changes, so the indexes need no new lexemes.
E_AS_YE = re.compile(r"(?:(?<![a-z0-9])|(?<=[aeiou]))e")
YE_AS_E = re.compile(r"(?:(?<![a-z0-9])|(?<=[aeiou]))ye")
OR_WORDS = {"or", "|", "yoki", "ёки", "или"}


def parse(text: str) -> Query:
    """Web-search syntax: words, "phrases", -excluded, `or`. Anything else is ignored."""
    text = (text or "").replace("\x00", " ")[:MAX_QUERY_LENGTH]
    query, group, count = Query(), [], 0
    for match in QUERY_TOKEN.finditer(text):
        negated, phrase, bare = match.group(1) == "-", match.group(2), match.group(3)
        if bare is not None and bare.lower() in OR_WORDS:
            if group:
                query.groups.append(group)
            group = []
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = True, bare[1:]
        raw = words(phrase if phrase is not None else bare)
        if not raw or count >= MAX_TERMS:
            continue
        count += 1
        tokens = [query_token(w) for w in raw]
        group.append(Term([t.surface for t in tokens], raw, negated, tokens))
    if group:
        query.groups.append(group)
    return query


def spelling_variants(surface: str) -> set[str]:
    """The other Latin spellings of a folded word's е (E_AS_YE): mirziyoev ↔ mirziyoyev."""
    if CYRILLIC.search(surface):
        return set()
    return {v for v in (E_AS_YE.sub("ye", surface), YE_AS_E.sub("e", surface)) if v != surface}


@functools.lru_cache(maxsize=4096)
def query_token(word: str) -> Token:
    """A query word's lexemes: analyze_word's, and the stems of its other spellings of е."""
    token = analyze_word(word)
    stems = set(token.stems)
    for variant in spelling_variants(token.surface):
        stems |= {variant, *analyze_word(variant).stems}
    return token if stems == token.stems else Token(token.surface, frozenset(stems))
