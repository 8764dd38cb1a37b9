"""Search in four languages and both Uzbek scripts.

Every text is compared through one *fold*: lower case, no apostrophes (oʻ, o', o’ and o are
one letter), Uzbek Cyrillic spelled in Uzbek Latin (Ўзбекистон → ozbekiston). The same fold
exists in Python (`fold`) and in the database (`uz_fold`: an SQL function on PostgreSQL, made
in migration 0002; a Python function registered on each SQLite connection).

PostgreSQL: one tsvector per release over all four languages (Uzbek folded with `simple`,
Russian and English stemmed), kept by a trigger, searched with prefix terms and ranked on
small result sets; trigram similarity on titles when nothing matches.
SQLite: the same page through substring matches on folded text.
"""

import functools
import html
import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank, TrigramWordSimilarity
from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import F, Func, Q, TextField
from django.db.models.functions import Greatest
from django.db.models.lookups import Contains
from django.dispatch import receiver
from django.utils.safestring import mark_safe

from press import languages
from press.text import APOSTROPHES, ELLIPSIS, shorten, words_from

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
RANK_LIMIT = 500  # rank by relevance up to this many hits; by date beyond (cheaper, as useful)
SIMILARITY = 0.5  # "did you mean": a title word at least this like the query

# Uzbek (and Russian) Cyrillic spelled in Uzbek Latin, for comparison only.
CYRILLIC_FOLD = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "x", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ў": "o", "қ": "q", "ғ": "g", "ҳ": "h",
}  # fmt: skip
FOLD_TABLE = str.maketrans({**CYRILLIC_FOLD, **{a: "" for a in APOSTROPHES}})


def fold(text: str | None) -> str | None:
    if text is None:
        return None
    return text.lower().translate(FOLD_TABLE)


def fold_sql_body() -> str:
    """The SQL twin of fold(), written out by migration 0002 for PostgreSQL."""
    expr = "lower(t)"
    singles_from = singles_to = ""
    for cyr, lat in CYRILLIC_FOLD.items():
        if len(lat) == 1:
            singles_from, singles_to = singles_from + cyr, singles_to + lat
        else:
            expr = f"replace({expr}, '{cyr}', '{lat}')"
    # Characters with no counterpart in the second string are deleted by translate().
    deleted = "ъь" + APOSTROPHES.replace("'", "''")
    return f"SELECT translate({expr}, '{singles_from}{deleted}', '{singles_to}')"


@receiver(connection_created)
def register_sqlite_fold(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("uz_fold", 1, fold, deterministic=True)
    elif connection.vendor == "postgresql":
        # `a %> b` (what the title trigram indexes answer) means word_similarity ≥ this
        # setting: make it ours, so that the index finds every title similar_releases keeps.
        with connection.connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {SIMILARITY}")


class UzFold(Func):
    function = "uz_fold"
    output_field = TextField()


# --- Query parsing ---------------------------------------------------------------------------


@dataclass
class Term:
    words: list[str]  # folded words; more than one for a "quoted phrase"
    raw: list[str]  # the same words as typed (lower case, no apostrophes), for stemmers
    negated: bool = False


@dataclass
class Query:
    groups: list[list[Term]] = field(default_factory=list)  # OR of ANDs

    def __bool__(self):
        return any(not t.negated for group in self.groups for t in group)

    def positive_terms(self):
        return [t for group in self.groups for t in group if not t.negated]


TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+")
OR_WORDS = {"or", "|", "yoki", "ёки", "или"}


def parse(text: str) -> Query:
    """Web-search syntax: words, "phrases", -excluded, `or`. Anything else is ignored."""
    text = (text or "").replace("\x00", " ")[:MAX_QUERY_LENGTH]
    query, group, count = Query(), [], 0
    for match in TOKEN.finditer(text):
        negated, phrase, bare = match.group(1) == "-", match.group(2), match.group(3)
        if bare is not None and bare.lower() in OR_WORDS:
            if group:
                query.groups.append(group)
            group = []
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = True, bare[1:]
        source = phrase if phrase is not None else bare
        raw = WORD.findall(source.lower().translate(str.maketrans("", "", APOSTROPHES)))
        raw = [w for w in raw if w != "_"]
        words = [fold(w) for w in raw]
        if not words or count >= MAX_TERMS:
            continue
        count += 1
        group.append(Term(words=words, raw=raw, negated=negated))
    if group:
        query.groups.append(group)
    return query


# --- Database search -------------------------------------------------------------------------

CONFIGS = (("uz_simple", "words"), ("ru_unaccent", "raw"), ("en_unaccent", "raw"))


def _lexeme(word: str) -> str:
    return "'" + word.replace("'", "") + "'"


def _tsquery(query: Query, attr: str) -> str:
    groups = []
    for group in query.groups:
        items = []
        for term in group:
            words = getattr(term, attr)
            if len(words) == 1:
                item = _lexeme(words[0]) + ":*"
            else:
                item = "(" + " <-> ".join(_lexeme(w) for w in words) + ")"
            items.append(("!" if term.negated else "") + item)
        groups.append("(" + " & ".join(items) + ")")
    return " | ".join(groups)


def postgres_query(query: Query) -> SearchQuery:
    combined = None
    for config, attr in CONFIGS:
        part = SearchQuery(_tsquery(query, attr), config=config, search_type="raw")
        combined = part if combined is None else combined | part
    return combined


def _text_columns():
    return [
        languages.field(name, code)
        for code in languages.codes()
        for name in ("title", "lead", "body", "place")
    ]


def sqlite_search(qs, query: Query):
    condition = Q(pk__in=[])
    for group in query.groups:
        group_condition = Q()
        for term in group:
            match = _any_contains(_text_columns(), " ".join(term.words))
            group_condition &= ~match if term.negated else match
        condition |= group_condition
    return qs.filter(condition)


def search_releases(qs, text: str):
    """Releases matching the text, most relevant first when few, newest first when many."""
    return search_counted(qs, text)[0]


def search_counted(qs, text: str, remember=None):
    """``search_releases``, and how many match up to RANK_LIMIT + 1 (None if not counted).

    The count is what chooses the order; the results page shows it too rather than
    counting again ("more than RANK_LIMIT" beyond). ``remember(name, compute)`` may keep
    the count (press.site.page_cache.ListMemo).
    """
    query = parse(text)
    if not query:
        return qs.none(), 0
    if connection.vendor != "postgresql":
        return sqlite_search(qs, query).order_by("-published_at", "-id"), None
    ts_query = postgres_query(query)
    found = qs.filter(search_vector=ts_query)
    # Counting to RANK_LIMIT + 1 is enough to choose, and stops early on a common word,
    # whose full count reads most of the table (figures in bench/README.md).
    count = found[: RANK_LIMIT + 1].count
    matches = count() if remember is None else remember("matches", count)
    if matches <= RANK_LIMIT:
        ranked = found.annotate(rank=SearchRank(F("search_vector"), ts_query))
        return ranked.order_by("-rank", "-published_at", "-id"), matches
    return found.order_by("-published_at", "-id"), matches


def similar_releases(qs, text: str, limit: int = 10):
    """ "Did you mean": titles with a word like the query (PostgreSQL only)."""
    query = parse(text)
    if connection.vendor != "postgresql" or not query:
        return qs.none()
    needle = " ".join(w for t in query.positive_terms() for w in t.words)
    columns = [languages.field("title", code) for code in languages.codes()]
    titles = [UzFold(F(column)) for column in columns]
    similarity = Greatest(*[TrigramWordSimilarity(needle, title) for title in titles])
    # The same test as `similarity >= SIMILARITY`, written so that the trigram index on each
    # title answers it (migration 0002); without it every title is folded and compared.
    indexed = Q()
    for column in columns:
        indexed |= Q(**{f"trgm_{column}__trigram_word_similar": needle})
    return (
        qs.alias(**{f"trgm_{column}": title for column, title in zip(columns, titles, strict=True)})
        .filter(indexed)
        .annotate(similarity=similarity)
        .filter(similarity__gte=SIMILARITY)
        .order_by("-similarity", "-published_at")[:limit]
    )


def matching_names(model, text: str, field_name: str = "name", limit: int = 5):
    """Countries, people or topics whose name in any language contains every word typed:
    their slugs and names only (a link to each)."""
    names = [languages.field(field_name, code) for code in languages.codes()]
    return list(name_contains(model.objects.only("slug", *names), text, field_name)[:limit])


def name_contains(qs, text: str, field_name: str, min_length: int = 3):
    """Rows whose ``field_name`` in some language contains each typed word, in either script."""
    return qs.filter(name_matches(text, field_name, min_length))


def name_matches(text: str, field_name: str, min_length: int = 3) -> Q:
    """name_contains() as a condition, to combine with others; matches nothing without words.

    ``uz_fold(<column>) LIKE '%…%'``: the expression of the trigram indexes on the titles
    (migration 0002), which PostgreSQL uses for it.
    """
    needles = [" ".join(t.words) for t in parse(text).positive_terms()]
    needles = [n for n in needles if len(n) >= min_length]  # "a" would name half the world
    if not needles:
        return Q(pk__in=[])
    columns = [languages.field(field_name, code) for code in languages.codes()]
    condition = Q()
    for needle in needles:
        condition &= _any_contains(columns, needle)
    return condition


def _any_contains(columns, needle) -> Q:
    """Some column, folded, contains the (folded) needle."""
    return Q(*[Contains(UzFold(F(c)), needle) for c in columns], _connector=Q.OR)


# --- Snippets --------------------------------------------------------------------------------

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
