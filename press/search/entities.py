"""Entities a query names: countries and organisations, people, topics, by any of their
names (every language, both scripts) or aliases (``aliases``: one per line, editable in the
admin). A search that names one also finds the releases tagged with it, whatever form their
text uses (ООН finds a release that says BMT and is tagged with the United Nations).

A query *names* an entity when its words and the words of one name or alias meet one for
one, each exactly or by stem (press.search.analyzer): Саидовым names "Saidov", "Germaniyaga"
names Germaniya, "Birlashgan" alone names nothing. A person is named by their surname too.
"""

from django.db.models import CharField, Q, Value
from django.db.models.lookups import Contains

from press import languages
from press.search.analyzer import Query, Token, analyze

CANDIDATES = 60  # rows read before the word-for-word check
MAX_WORDS = 4  # a longer query is a sentence, not a name
COLUMNS = [*(languages.field("name", code) for code in languages.codes()), "aliases"]


def _meets(a: Token, b: Token) -> bool:
    return a.surface == b.surface or bool(a.stems & b.stems)


def _names(query_tokens: list[Token], line: list[Token]) -> bool:
    if len(query_tokens) != len(line):
        return False
    return all(_meets(q, w) for q, w in zip(query_tokens, line, strict=True))


def lines(names: dict[str, str], aliases: str, surnames: bool = False) -> list[list[Token]]:
    """Each name (language code → name) and alias, analyzed; a person's surnames alone too."""
    found = []
    for code, name in names.items():
        tokens = analyze(name or "", code)
        if tokens:
            found.append(tokens)
            if surnames and len(tokens) > 1:
                found.append(tokens[-1:])
    for alias in (aliases or "").splitlines():
        tokens = analyze(alias)
        if tokens:
            found.append(tokens)
    return found


def _prefilter(query_tokens: list[Token]) -> Q:
    """Rows whose names or aliases, folded, hold each word's shortest form: a superset of
    the rows the query names, found by SQL (the word-for-word check is Python's)."""
    from press.search.names import UzFold

    condition = Q()
    for token in query_tokens:
        needle = min({token.surface, *token.stems}, key=len)
        condition &= Q(*[Contains(UzFold(c), needle) for c in COLUMNS], _connector=Q.OR)
    return condition


def query_tokens(query: Query) -> list[Token] | None:
    """The words of a query that could be a name: one group, nothing excluded, few words
    of two letters or more."""
    if len(query.groups) != 1 or any(t.negated for t in query.groups[0]):
        return None
    tokens = [token for term in query.groups[0] for token in term.tokens]
    if not 0 < len(tokens) <= MAX_WORDS or any(len(t.surface) < 2 for t in tokens):
        return None
    return tokens


def named_entities(query: Query) -> dict[str, list[int]]:
    """{"country": [ids], "official": [ids], "topic": [ids]}: what the query names.

    One query (a UNION over the three tables): plain ids, so that a caller may keep them.
    """
    from press.models import Country, Person, Topic

    tokens = query_tokens(query)
    if tokens is None:
        return {}
    condition = _prefilter(tokens)
    parts = [
        model.objects.filter(condition)
        .annotate(entity_kind=Value(kind, output_field=CharField()))
        .values_list("entity_kind", "pk", *COLUMNS)
        .order_by()
        for kind, model in (("country", Country), ("official", Person), ("topic", Topic))
    ]
    found = {}
    codes = languages.codes()
    for kind, pk, *values in parts[0].union(*parts[1:], all=True)[:CANDIDATES]:
        names = dict(zip(codes, values[:-1], strict=True))
        if any(_names(tokens, line) for line in lines(names, values[-1], kind == "official")):
            found.setdefault(kind, []).append(pk)
    return found


def tagged_condition(entities: dict[str, list[int]]) -> Q | None:
    """Releases tagged with any of the entities (in ReleaseQuerySet.about's words)."""
    from press.models import Appointment, Release

    condition = None
    for kind, ids in entities.items():
        if kind == "official":  # any post they held: their appointments, as a subquery
            about = {"appointment": Appointment.objects.filter(person__in=ids).values("pk")}
        else:
            about = {kind: ids}
        part = Q(pk__in=Release.objects.about(**about).values("pk"))
        condition = part if condition is None else condition | part
    return condition
