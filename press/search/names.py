"""Names and titles compared letter by letter, folded: the names above the results and the
admin's pickers."""

from django.db.models import F, Func, Q, TextField
from django.db.models.lookups import Contains

from press import languages
from press.search.analyzer import parse


class UzFold(Func):
    """fold() in SQL: a function of migration 0019 on PostgreSQL, fold itself on each SQLite
    connection (press.search.index.prepare_connection)."""

    function = "uz_fold"
    output_field = TextField()


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
