"""Names and titles compared letter by letter, folded: the entities above the results, the
admin's pickers, and "did you mean" on PostgreSQL."""

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import F, Func, Q, TextField
from django.db.models.functions import Greatest
from django.db.models.lookups import Contains

from press import languages
from press.search.analyzer import parse

SIMILARITY = 0.5  # "did you mean": a title word at least this like the query


class UzFold(Func):
    """fold() in SQL: a function of migration 0019 on PostgreSQL, fold itself on each SQLite
    connection (press.search.index.prepare_connection)."""

    function = "uz_fold"
    output_field = TextField()


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
    """Countries, people or topics whose name in any language, or one of their aliases,
    contains every word typed: their slugs and names only (a link to each)."""
    names = [languages.field(field_name, code) for code in languages.codes()]
    condition = name_matches(text, field_name, aliases=True)
    return list(model.objects.only("slug", *names).filter(condition)[:limit])


def name_contains(qs, text: str, field_name: str, min_length: int = 3):
    """Rows whose ``field_name`` in some language contains each typed word, in either script."""
    return qs.filter(name_matches(text, field_name, min_length))


def name_matches(text: str, field_name: str, min_length: int = 3, aliases=False) -> Q:
    """name_contains() as a condition, to combine with others; matches nothing without words.

    ``uz_fold(<column>) LIKE '%…%'``: the expression of the trigram indexes on the titles
    (migration 0002), which PostgreSQL uses for it.
    """
    needles = [" ".join(t.words) for t in parse(text).positive_terms()]
    needles = [n for n in needles if len(n) >= min_length]  # "a" would name half the world
    if not needles:
        return Q(pk__in=[])
    columns = [languages.field(field_name, code) for code in languages.codes()]
    if aliases:  # the model's ``aliases`` too (countries, people, topics)
        columns.append("aliases")
    condition = Q()
    for needle in needles:
        condition &= _any_contains(columns, needle)
    return condition


def _any_contains(columns, needle) -> Q:
    """Some column, folded, contains the (folded) needle."""
    return Q(*[Contains(UzFold(F(c)), needle) for c in columns], _connector=Q.OR)
