"""Typos: "did you mean", and the closest titles when nothing matches.

Similarity is pg_trgm's measure, computed in Python for both databases: the trigrams of a
word padded as pg_trgm pads it ("  word "), shared over all (Jaccard). A title's score is,
over the query's words, the mean of each word's best match among the title's words (every
language's title, folded). The database only narrows the candidates with its trigram index:
PostgreSQL's ``%>`` (word_similarity ≥ SIMILARITY, which is never below our measure for a
word, so no title we keep is missed) on the folded titles of migration 0002, SQLite's FTS5
``trigram`` table of migration 0019 (the CANDIDATES titles sharing most trigrams).
"""

from django.db import connection
from django.db.models import F, Q
from django.db.models.expressions import RawSQL

from press import languages
from press.search.analyzer import fold, parse, words
from press.search.index import TRGM_TABLE
from press.search.names import UzFold

SIMILARITY = 0.5  # a query word at least this like a title word
CANDIDATES = 200


def trigrams(word: str) -> set[str]:
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def _needles(text: str) -> list[str]:
    query = parse(text)
    return [w for t in query.positive_terms() for w in t.words if len(w) >= 3]


def _title_columns():
    return [languages.field("title", code) for code in languages.codes()]


def _candidates(qs, needles: list[str]):
    columns = _title_columns()
    if connection.vendor == "postgresql":
        # Written so that the trigram index on each folded title answers it (0002).
        condition = Q()
        for column in columns:
            for needle in needles:
                condition |= Q(**{f"trgm_{column}__trigram_word_similar": needle})
        qs = qs.alias(**{f"trgm_{c}": UzFold(F(c)) for c in columns}).filter(condition)
    else:
        grams = sorted({g.strip() for n in needles for g in trigrams(n) if len(g.strip()) == 3})
        if not grams:
            return []
        match = " OR ".join(f'"{g}"' for g in grams)
        found = (
            f"SELECT rowid FROM {TRGM_TABLE} WHERE {TRGM_TABLE} MATCH %s"
            f" ORDER BY rank LIMIT {CANDIDATES}"
        )
        qs = qs.filter(pk__in=RawSQL(found, [match]))
    return qs.values_list("pk", "published_at", *columns)[: CANDIDATES * 5]


def _score(needles: list[str], title_words: list[str]) -> float:
    if not title_words:
        return 0.0
    best = [max(similarity(n, w) for w in title_words) for n in needles]
    return sum(best) / len(best)


def similar_releases(qs, text: str, limit: int = 10) -> list:
    """The releases of qs whose titles are most like the query, most alike first."""
    needles = _needles(text)
    if not needles:
        return []
    scored = []
    for pk, published_at, *titles in _candidates(qs, needles):
        score = _score(needles, [fold(w) for title in titles for w in words(title or "")])
        if score >= SIMILARITY:
            scored.append((score, published_at, pk))
    scored.sort(reverse=True)
    ids = [pk for _s, _p, pk in scored[:limit]]
    found = qs.in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def did_you_mean(text: str, releases, code: str | None = None) -> str | None:
    """The query with each word replaced by the most alike word of these releases' titles
    in the page's language, as written there; None if nothing changes."""
    needles = _needles(text)
    if not needles or len(needles) != len(parse(text).positive_terms()):
        return None
    title_words = {}
    for release in releases:
        for word in (getattr(release, languages.field("title", code)) or "").split():
            word = word.strip('.,;:!?«»"()')
            if len(word) >= 3:
                title_words.setdefault(fold(word), word)
    suggestion, changed = [], False
    for needle in needles:
        best = max(title_words, key=lambda w: similarity(needle, w), default=None)
        if best is not None and best != needle and similarity(needle, best) >= SIMILARITY:
            suggestion.append(title_words[best])
            changed = True
        else:
            suggestion.append(needle)
    return " ".join(suggestion) if changed else None
