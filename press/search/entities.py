"""Entities a query names: countries and organisations, people, topics, by any of their
names (every language, both scripts) or aliases (``aliases``: one per line, editable in the
admin). A search that names one also finds the releases tagged with it, whatever form their
text uses (ООН finds a release that says BMT and is tagged with the United Nations).

A query *names* an entity when its words and the words of one name or alias meet one for
one, each exactly or by stem (press.search.analyzer): Саидовым names "Saidov", "Germaniyaga"
names Germaniya, "Birlashgan" alone names nothing. A person is named by their surname too.
"""

from django.db.models import Prefetch, Q
from django.db.models.lookups import Contains

from press import languages
from press.search.analyzer import Query, Token, analyze

CANDIDATES = 20  # rows read per kind before the word-for-word check
MAX_WORDS = 4  # a longer query is a sentence, not a name


def _meets(a: Token, b: Token) -> bool:
    return a.surface == b.surface or bool(a.stems & b.stems)


def _names(query_tokens: list[Token], line: list[Token]) -> bool:
    if len(query_tokens) != len(line):
        return False
    return all(_meets(q, w) for q, w in zip(query_tokens, line, strict=True))


def lines(entity, surnames: bool = False) -> list[list[Token]]:
    """Each name and alias of the entity, analyzed (a person's surnames alone too)."""
    found = []
    for code in languages.codes():
        name = getattr(entity, languages.field("name", code)) or ""
        tokens = analyze(name, code)
        if tokens:
            found.append(tokens)
            if surnames and len(tokens) > 1:
                found.append(tokens[-1:])
    for alias in (entity.aliases or "").splitlines():
        tokens = analyze(alias)
        if tokens:
            found.append(tokens)
    return found


def _prefilter(query_tokens: list[Token]) -> Q:
    """Rows whose names or aliases, folded, hold each word's shortest form: a superset of
    the rows the query names, found by SQL (the word-for-word check is Python's)."""
    from press.search.names import UzFold

    columns = [languages.field("name", code) for code in languages.codes()] + ["aliases"]
    condition = Q()
    for token in query_tokens:
        needle = min({token.surface, *token.stems}, key=len)
        condition &= Q(*[Contains(UzFold(c), needle) for c in columns], _connector=Q.OR)
    return condition


def query_tokens(query: Query) -> list[Token] | None:
    """The words of a query that could be a name: one group, nothing excluded, few words."""
    if len(query.groups) != 1 or any(t.negated for t in query.groups[0]):
        return None
    tokens = [token for term in query.groups[0] for token in term.tokens]
    return tokens if 0 < len(tokens) <= MAX_WORDS else None


def named_entities(query: Query) -> dict[str, list]:
    """{"country": [...], "official": [...], "topic": [...]}: what the query names, as
    ReleaseQuerySet.about() takes them (people with their appointments)."""
    from press.models import Appointment, Country, Person, Topic

    tokens = query_tokens(query)
    if tokens is None:
        return {}
    found = {}
    kinds = (
        ("country", Country.objects.all(), False),
        (
            "official",
            Person.objects.prefetch_related(
                Prefetch("appointments", queryset=Appointment.objects.only("pk", "person_id"))
            ),
            True,
        ),
        ("topic", Topic.objects.all(), False),
    )
    for key, queryset, surnames in kinds:
        rows = queryset.filter(_prefilter(tokens))[:CANDIDATES]
        named = [row for row in rows if any(_names(tokens, li) for li in lines(row, surnames))]
        if named:
            found[key] = named
    return found


def tagged_condition(entities: dict[str, list]) -> Q | None:
    """Releases tagged with any of the entities (in ReleaseQuerySet.about's words)."""
    from press.models import Release

    condition = None
    for key, rows in entities.items():
        part = Q(pk__in=Release.objects.about(**{key: rows}).values("pk"))
        condition = part if condition is None else condition | part
    return condition
