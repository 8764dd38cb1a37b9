"""Entities a query names: countries and organisations, people, topics, by any of their
names (every language, both scripts) or aliases (``aliases``: one per line, editable in the
admin). A search that names one also finds the releases tagged with it, whatever form their
text uses (ООН finds a release that says BMT and is tagged with the United Nations).

A query *names* an entity when its words and the words of one name or alias meet one for
one, each exactly or by stem (press.search.analyzer): Саидовым names "Saidov", "Germaniyaga"
names Germaniya, "Birlashgan" alone names nothing. A person is named by their surname too.

A one-word query that *is* one of an entity's one-word names or aliases, as written (not a
case form), also looks for the entity's other one-word names in the text: Germany finds
"Germaniya", ООН finds "BMT". A case form (Germaniyaga) keeps its own meaning: which case
to give the other names is not known.

Every name is analyzed once per version of the names (``names_version``), not on every query:
the table of analyzed names is kept in the process, under a version kept in the cache that
any save or delete of a country, person or topic replaces.
"""

import threading
import time
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import transaction
from django.db.models import CharField, Value
from django.db.models.signals import post_delete, post_save

from press import languages
from press.search.analyzer import Query, Token, analyze

MAX_WORDS = 4  # a longer query is a sentence, not a name
COLUMNS = [*(languages.field("name", code) for code in languages.codes()), "aliases"]
VERSION_KEY = "press:search:names-version"
KINDS = ("country", "official", "topic")


@dataclass(frozen=True)
class Named:
    """What a query names: ids by kind ("country", "official", "topic") and, for a query that
    is a name as written, the other one-word names of those entities (folded)."""

    ids: dict[str, list[int]] = field(default_factory=dict)
    other_names: tuple[Token, ...] = ()


def _meets(a: Token, b: Token) -> bool:
    return a.surface == b.surface or bool(a.stems & b.stems)


def _names(query_tokens: list[Token], line: tuple[Token, ...]) -> bool:
    if len(query_tokens) != len(line):
        return False
    return all(_meets(q, w) for q, w in zip(query_tokens, line, strict=True))


def lines(names: dict[str, str], aliases: str, surnames: bool = False) -> list[tuple[Token]]:
    """Each name (language code → name) and alias, analyzed; a person's surnames alone too."""
    found = []
    for code, name in names.items():
        tokens = tuple(analyze(name or "", code))
        if tokens:
            found.append(tokens)
            if surnames and len(tokens) > 1:
                found.append(tokens[-1:])
    for alias in (aliases or "").splitlines():
        tokens = tuple(analyze(alias))
        if tokens:
            found.append(tokens)
    return found


# --- The table of analyzed names, kept per version ------------------------------------------


def names_version():
    """The names' version now (None if the cache does not answer: nothing is kept then)."""
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            # Evicted, cleared or never set: a number no table was built under yet.
            version = time.time_ns()
            if not cache.add(VERSION_KEY, version, timeout=None):
                version = cache.get(VERSION_KEY, version)
        return version
    except Exception:  # a cache that is down: build the table every time, as before
        return None


def names_changed(sender=None, using=None, **kwargs):
    """Forget the table: now, and again at commit (a table built meanwhile, from the rows
    before the change, would otherwise be kept under the version made after it)."""

    def forget():
        try:
            cache.delete(VERSION_KEY)
        except Exception:
            pass  # the cache is down: names_version() answers None and nothing is kept

    forget()
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(forget, using=using)


class _Table:
    """Every entity's lines, and an index from each lexeme of a line's first word."""

    def __init__(self):
        from press.models import Country, Person, Topic

        self.by_first: dict[str, list[tuple[str, int, tuple[Token, ...]]]] = {}
        self.lines: dict[tuple[str, int], list[tuple[Token, ...]]] = {}
        codes = languages.codes()
        parts = [  # one query: a UNION over the three tables
            model.objects.annotate(entity_kind=Value(kind, output_field=CharField()))
            .values_list("entity_kind", "pk", *COLUMNS)
            .order_by()
            for kind, model in (("country", Country), ("official", Person), ("topic", Topic))
        ]
        for kind, pk, *values in sorted(parts[0].union(*parts[1:], all=True)):
            names = dict(zip(codes, values[:-1], strict=True))
            found = lines(names, values[-1], kind == "official")
            self.lines[kind, pk] = found
            for line in found:
                for key in {line[0].surface, *line[0].stems}:
                    self.by_first.setdefault(key, []).append((kind, pk, line))


_kept: tuple = (None, None)  # (version, _Table)
_lock = threading.Lock()


def table() -> _Table:
    global _kept
    version = names_version()
    kept_version, kept = _kept
    if version is not None and version == kept_version:
        return kept
    with _lock:  # one thread builds it; the others wait rather than build it again
        if version is not None and _kept[0] == version:
            return _kept[1]
        built = _Table()
        _kept = (version, built)
        return built


def connect_signals():
    from press.models import Country, Person, Topic

    for model in (Country, Person, Topic):
        uid = f"press.search.names:{model.__name__}"
        post_save.connect(names_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(names_changed, sender=model, dispatch_uid=f"{uid}:delete")


# --- A query's entities ---------------------------------------------------------------------


def query_tokens(query: Query) -> list[Token] | None:
    """The words of a query that could be a name: one group, nothing excluded, few words
    of two letters or more."""
    if len(query.groups) != 1 or any(t.negated for t in query.groups[0]):
        return None
    tokens = [token for term in query.groups[0] for token in term.tokens]
    if not 0 < len(tokens) <= MAX_WORDS or any(len(t.surface) < 2 for t in tokens):
        return None
    return tokens


def named_entities(query: Query) -> Named:
    """What the query names (Named), from the table of analyzed names: no query."""
    tokens = query_tokens(query)
    if tokens is None:
        return Named()
    names = table()
    first = tokens[0]
    ids: dict[str, list[int]] = {}
    exactly: list[tuple[str, int]] = []
    seen = set()
    for key in sorted({first.surface, *first.stems}):
        for kind, pk, line in names.by_first.get(key, ()):
            if (kind, pk) not in seen and _names(tokens, line):
                seen.add((kind, pk))
                ids.setdefault(kind, []).append(pk)
            if len(tokens) == 1 and line[0].surface == first.surface and len(line) == 1:
                exactly.append((kind, pk))
    other = {}
    for kind, pk in exactly:
        for line in names.lines[kind, pk]:
            if len(line) == 1 and line[0].surface != first.surface:
                other.setdefault(line[0].surface, line[0])
    for pks in ids.values():
        pks.sort()
    return Named({k: ids[k] for k in KINDS if k in ids}, tuple(other[s] for s in sorted(other)))


def tagged_condition(named: Named):
    """Releases tagged with any of the entities (in ReleaseQuerySet.about's words)."""
    from press.models import Appointment, Release

    condition = None
    for kind, ids in named.ids.items():
        if kind == "official":  # any post they held: their appointments, as a subquery
            about = {"appointment": Appointment.objects.filter(person__in=ids).values("pk")}
        else:
            about = {kind: ids}
        part = Release.objects.about_condition(**about)
        condition = part if condition is None else condition | part
    return condition
