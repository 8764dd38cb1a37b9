"""Searching releases: one query, the same set and the same order on both databases.

A query word matches a release when its surface is one of the release's words (exact),
when they share a stem, or (three letters and more) when it begins one of its lexemes
(prefix); a "phrase" matches its words in a row. Each positive term scores, in the best
field it matches in, the field's weight (title 100, lead 10, body and place 1) times the
tier's (exact 3, stem 2, prefix 1): title over lead over body first, then exact over stem
over prefix. Releases are ordered by the sum, then by how many of the words the title in the
reader's language says as written (a tie-break, HITS_SPAN), then newest first.

PostgreSQL asks the tsvector (``@@`` with the GIN index) and scores with weight-restricted
tsqueries in SQL; SQLite asks its FTS5 table and scores with ``sqlite_score``, a Python
function on each connection, from the same lexemes. Both are written from one parsed query
(press.search.analyzer.parse) by the functions below, side by side, so that a change to
one shows in the other; tests/test_search_v2.py runs one table of queries on both.
"""

import dataclasses
import functools
import json
import re

from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Q,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from press import languages
from press.models.querysets import among_ids
from press.search.analyzer import Query, Term, fold, parse
from press.search.entities import named_entities, tagged_condition
from press.search.index import FTS_TABLE, STEM_MARK

RANK_LIMIT = 500  # rank by relevance up to this many hits; by date beyond (cheaper, as useful)
# Ids gathered on each side (text, tags) before a search gives up gathering (PostgreSQL): up
# to this many a list by date sorts the ids in hand; beyond, it walks the releases newest
# first, which stops early only when matches are dense (at 1,000,000 releases a name in
# 0.1 % of them was a walk through ~20,000 vectors for a page).
GATHER_LIMIT = 5000
FIELD_WEIGHTS = (("A", 100), ("B", 10), ("CD", 1))  # title, lead, body and place
EXACT, STEM, PREFIX = 3, 2, 1
ENTITY_SCORE = 30  # tagged with an entity the query names: as much as a word in the lead
# Below the score, how many of the query's words the title in the reader's language says as
# written: of two releases that match as well in some language, the one whose own title the
# reader sees the word in comes first (Samarkand on the Russian page: "Самарканд как
# исторический город" before "В Самарканде прошёл форум", though both say "Samarkand" in
# English). Kept in the score's last two digits: one order key, for the API's cursor too.
HITS_SPAN = 100


def _words(term: Term) -> list[str]:
    """The surfaces a single-word term matches exactly: its own, and the other names."""
    return sorted({t.surface for t in term.alternatives})


def _stems(term: Term) -> list[str]:
    return sorted({s for t in term.alternatives for s in t.stems})


# A surname in the fold, and its Russian case forms' endings folded (Саидовым → saidovim).
SURNAME = re.compile(r"^([a-z]{2,}(?:ov|ev|in))(?:a|u|e|im|om|oy|oyu|ix|imi)?$")
SURNAME_ENDINGS = "(?:a|u|e|im|om|oy|oyu|ix|imi)?"


def _own_title_pattern(term: Term) -> str:
    """A regular expression for the term's words as written, in a folded title: the word,
    the other names it stands for, and a surname in any case form (a name does not change
    with its case to a reader). Plain ASCII classes: PostgreSQL and Python read it alike."""
    alternatives = set()
    for word in _words(term):
        surname = SURNAME.match(word)
        alternatives.add(
            re.escape(surname.group(1)) + SURNAME_ENDINGS if surname else re.escape(word)
        )
    return "(^|[^a-z0-9])(" + "|".join(sorted(alternatives)) + ")([^a-z0-9]|$)"


# --- PostgreSQL ------------------------------------------------------------------------------


def _pg_lexeme(word: str, weights: str = "", prefix: bool = False) -> str:
    mark = ":" + ("*" if prefix else "") + weights if prefix or weights else ""
    return f"'{word}'{mark}"


def _pg_tiers(term: Term, weights: str = "") -> list[tuple[int, str]]:
    """The term's tsqueries, best tier first, each including the ones before it."""
    if term.phrase:
        return [(EXACT, "(" + " <-> ".join(_pg_lexeme(w, weights) for w in term.words) + ")")]
    token = term.tokens[0]
    exact = [_pg_lexeme(w, weights) for w in _words(term)]
    stems = [*exact, *(_pg_lexeme(s + STEM_MARK, weights) for s in _stems(term))]
    tiers = [(EXACT, "(" + " | ".join(exact) + ")"), (STEM, "(" + " | ".join(stems) + ")")]
    if token.prefix:
        prefix = _pg_lexeme(token.prefix, weights, prefix=True)
        tiers.append((PREFIX, "(" + " | ".join([*stems, prefix]) + ")"))
    return tiers


def pg_tsquery(query: Query) -> str:
    groups = []
    for group in query.groups:
        items = [("!" if t.negated else "") + _pg_tiers(t)[-1][1] for t in group]
        if any(not t.negated for t in group):
            groups.append("(" + " & ".join(items) + ")")
    return " | ".join(groups)


def pg_score_sql(query: Query, outsiders: list | None = None) -> tuple[str, list]:
    """The sum of each positive term's best tier, in SQL with its parameters.

    ``outsiders``: for a query of one term, the ids among those scored that its text does
    not match (tagged only), which score 0 without a look at their vector; None when not
    known, and each term first asks the vector whether the term is there at all.
    """
    params, parts = [], []
    for term in query.positive_terms():
        whens = []
        if outsiders is None:
            # A release that is only tagged with an entity the query names would otherwise
            # test all nine tsqueries, each unpacking its vector (~16 KB of TOAST) again.
            whens.append("WHEN NOT (press_release.search_vector @@ %s::tsquery) THEN 0")
            params.append(_pg_tiers(term)[-1][1])
        elif outsiders:
            whens.append("WHEN press_release.id = ANY(%s) THEN 0")
            params.append(outsiders)
        for weights, field_weight in FIELD_WEIGHTS:
            for tier, tsquery in _pg_tiers(term, weights):
                score = field_weight * tier
                whens.append(f"WHEN press_release.search_vector @@ %s::tsquery THEN {score}")
                params.append(tsquery)
        parts.append("CASE " + " ".join(whens) + " ELSE 0 END")
    return "(" + " + ".join(parts) + ")", params


class Matches(Func):
    """vector @@ 'literal'::tsquery, the literal written by pg_tsquery (no parsing)."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


class TsQuery(Func):
    template = "%(expressions)s::tsquery"


# --- SQLite ----------------------------------------------------------------------------------


def _fts_quote(word: str) -> str:
    return '"' + word.replace('"', "") + '"'


def fts_match(query: Query) -> str:
    """The FTS5 MATCH expression of pg_tsquery's query."""
    groups = []
    for group in query.groups:
        positive = [_fts_term(t) for t in group if not t.negated]
        negative = [_fts_term(t) for t in group if t.negated]
        if not positive:
            continue
        expression = "(" + " AND ".join(positive) + ")"
        if negative:
            expression = f"({expression} NOT ({' OR '.join(negative)}))"
        groups.append(expression)
    return " OR ".join(groups)


def _fts_term(term: Term) -> str:
    if term.phrase:
        return "{t l b p}: " + _fts_quote(" ".join(term.words))
    token = term.tokens[0]
    items = ["{t l b p}: (" + " OR ".join(_fts_quote(w) for w in _words(term)) + ")"]
    items.append("{ts ls bs ps}: (" + " OR ".join(_fts_quote(s) for s in _stems(term)) + ")")
    if token.prefix:
        items.append(_fts_quote(token.prefix) + " *")
    return "(" + " OR ".join(items) + ")"


def _plan(query: Query) -> str:
    """What sqlite_score needs of the query, as one string (a SQL parameter)."""
    terms = []
    for term in query.positive_terms():
        token = term.tokens[0]
        terms.append(
            {"phrase": term.words}
            if term.phrase
            else {"words": _words(term), "stems": _stems(term), "prefix": token.prefix}
        )
    return json.dumps(terms)


@functools.lru_cache(maxsize=32)
def _read_plan(plan: str):
    return json.loads(plan)


def _contains_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


def sqlite_score(plan, t, ts, l, ls, b, bs, p, ps):  # noqa: E741 (the FTS5 column names)
    """pg_score_sql's sum, from one FTS5 row: the same tiers and weights."""
    columns = {"A": [(t, ts)], "B": [(l, ls)], "CD": [(b, bs), (p, ps)]}
    fields = {}
    for weights, pairs in columns.items():
        fields[weights] = [
            ((surfaces or "").split(), set((stems or "").split())) for surfaces, stems in pairs
        ]
    total = 0
    for term in _read_plan(plan):
        total += _term_score(term, fields)
    return total


def _term_score(term, fields) -> int:
    for weights, field_weight in FIELD_WEIGHTS:
        pairs = fields[weights]
        if "phrase" in term:
            if any(_contains_run(surfaces, term["phrase"]) for surfaces, _s in pairs):
                return field_weight * EXACT
            continue
        if any(word in surfaces for surfaces, _s in pairs for word in term["words"]):
            return field_weight * EXACT
        if any(stems.intersection(term["stems"]) for _w, stems in pairs):
            return field_weight * STEM
        prefix = term["prefix"]
        lexemes = (lexeme for surfaces, stems in pairs for lexeme in (*surfaces, *stems))
        if prefix and any(lexeme.startswith(prefix) for lexeme in lexemes):
            return field_weight * PREFIX
    return 0


# --- Both ------------------------------------------------------------------------------------


def text_condition(query: Query) -> Q:
    """Releases whose text matches the query."""
    if connection.vendor == "postgresql":
        return Q(Matches(F("search_vector"), TsQuery(Value(pg_tsquery(query)))))
    found = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
    return Q(pk__in=RawSQL(found, [fts_match(query)]))


def scores(qs, query: Query, text_ids, tagged_ids, title: str) -> dict[int, list]:
    """The ids of ``qs`` (those ``_matching`` found: ``text_ids`` matched by the text,
    ``tagged_ids`` tagged) by their score: the sum described at the top, and ENTITY_SCORE
    for a release tagged with an entity the query names, times HITS_SPAN; plus how many of
    the query's words their ``title`` (the column in the reader's language) says as written
    (_own_title_pattern). One query.

    Scored once and kept with the matches (search_counted): the text's tiers open each
    release's vector (~16 KB of TOAST), which every page of the results would repeat. The
    titles are folded here by press.search.fold, not by PostgreSQL's uz_fold() (its twin):
    a translate() over multibyte text, ~40 us a title, cost more than the rest of the query
    (bench/README.md). The patterns are plain ASCII classes, read alike by both engines.
    """
    if connection.vendor == "postgresql":
        single = len(query.groups) == 1 and len(query.groups[0]) == 1
        # With one term, whether a row has it is known already: the text side's ids.
        outsiders = sorted(set(tagged_ids) - set(text_ids)) if single else None
        sql, params = pg_score_sql(query, outsiders)
    else:
        columns = ", ".join(f"f.{c}" for c in ("t", "ts", "l", "ls", "b", "bs", "p", "ps"))
        sql = (
            f"(SELECT coalesce(press_score(%s, {columns}), 0) FROM {FTS_TABLE} f"
            " WHERE f.rowid = press_release.id)"
        )
        params = [_plan(query)]
    score = Coalesce(RawSQL(sql, params, output_field=IntegerField()), 0)
    if tagged_ids:
        score += Case(When(among_ids(tagged_ids), then=Value(ENTITY_SCORE)), default=Value(0))
    words = [term for term in query.positive_terms() if not term.phrase][: HITS_SPAN - 1]
    patterns = [re.compile(_own_title_pattern(term)) for term in words]
    rows = qs.order_by().annotate(text_score=ExpressionWrapper(score, IntegerField()))
    by_score: dict[int, list] = {}
    for pk, text_score, own_title in rows.values_list("pk", "text_score", title):
        folded = fold(own_title) or ""
        hits = sum(1 for pattern in patterns if pattern.search(folded))
        by_score.setdefault(text_score * HITS_SPAN + hits, []).append(pk)
    return by_score


def scored(qs, by_score: dict[int, list]):
    """qs with ``score``, each id's in ``by_score`` (``scores``): the ids, no vector read."""
    ranks = [When(among_ids(ids), then=Value(score)) for score, ids in by_score.items()]
    return qs.annotate(score=Case(*ranks, default=Value(0), output_field=IntegerField()))


@dataclasses.dataclass(frozen=True)
class Matching:
    """What a query matches: the ids the text matches, those tagged with what it names, and
    whether they are all of them (else each side, or their union on SQLite, stopped at
    the cap); and, when they are few enough to rank, their scores."""

    text_ids: list
    tagged_ids: list
    whole: bool
    # For a set small enough to rank: the ids by their score (``scores``).
    scores: dict = dataclasses.field(default_factory=dict)
    # When whole: every id, newest publication first, the id breaking ties (the order of
    # Release.objects.latest()); empty when not known.
    newest_first: tuple = ()

    @property
    def ids(self) -> list:
        return sorted({*self.text_ids, *self.tagged_ids})

    def ordered(self, by_date: bool = False) -> list | None:
        """Every matching id in the order of search_counted's results (by date with
        ``by_date``, the reader's "newest first"), or None when only the database knows it
        (a search that stopped gathering). A results page takes its ids from here, and
        its cards need nothing more (press.site.views.KnownOrderPaginator)."""
        if not self.whole or len(self.newest_first) != len(self.ids):
            return None
        if by_date or not self.scores:
            # Unscored (more than search_counted ranks) or no score above 0: by date.
            return list(self.newest_first)
        # The first score an id has, as ``scored``'s CASE takes it; 0 without one. A stable
        # sort of the newest-first ids: ties stay newest first, as ORDER BY -score,
        # -published_at, -id has them.
        score_of = {}
        for score, ids in self.scores.items():
            for pk in ids:
                score_of.setdefault(pk, score)
        return sorted(self.newest_first, key=lambda pk: -score_of.get(pk, 0))


def _matching(qs, in_text: Q, tagged: Q | None, cap: int) -> Matching:
    """The ids of ``qs`` that the text matches and those tagged with what the query names,
    up to ``cap`` on each side (PostgreSQL) or in all (SQLite).

    Each side is answered by its own index (GIN or FTS5, the link table), and stops at the
    cap: a common word would otherwise gather a third of the archive first. An OR of the two
    in one WHERE would make PostgreSQL read and match every row's vector instead. One query
    either way: on PostgreSQL a UNION ALL of the two capped sides, each row marked with its
    side; SQLite cannot cap the sides of a compound query, so it caps the rows of their UNION
    and marks each by asking both again (one FTS5 lookup and one link lookup for all).
    """
    text_side = qs.filter(in_text).order_by()
    if tagged is None:
        rows = [
            (pk, published, True, False)
            for pk, published in text_side.values_list("pk", "published_at")[:cap]
        ]
        capped_sides = True
    elif capped_sides := connection.features.supports_slicing_ordering_in_compound:
        rows = text_side.values_list("pk", "published_at", Value(True), Value(False))[:cap].union(
            qs.filter(tagged)
            .order_by()
            .values_list("pk", "published_at", Value(False), Value(True))[:cap],
            all=True,
        )
    else:
        ids = qs.model.objects.filter(in_text).values("pk").order_by()
        ids = ids.union(qs.model.objects.filter(tagged).values("pk").order_by())
        rows = (
            qs.filter(pk__in=ids)
            .order_by()
            .values_list(
                "pk",
                "published_at",
                ExpressionWrapper(in_text, output_field=BooleanField()),
                ExpressionWrapper(tagged, output_field=BooleanField()),
            )[:cap]
        )
    text_ids, tagged_ids, published_at, rows_read = [], [], {}, 0
    for pk, published, matched, named in rows:
        rows_read += 1
        published_at[pk] = published
        if matched:
            text_ids.append(pk)
        if named:
            tagged_ids.append(pk)
    whole = len(text_ids) < cap and len(tagged_ids) < cap if capped_sides else rows_read < cap
    # Read with the ids (the same rows): the results' order is then known without asking
    # the database again (Matching.ordered). A release with no publication time (outside
    # the public queryset a search is given) leaves it unknown.
    known = whole and None not in published_at.values()
    newest_first = sorted(published_at, key=lambda pk: (published_at[pk], pk), reverse=True)
    return Matching(
        sorted(set(text_ids)),
        sorted(set(tagged_ids)),
        whole,
        newest_first=tuple(newest_first) if known else (),
    )


def gather_limit() -> int:
    """How many ids a side a search gathers before it walks by date instead: GATHER_LIMIT
    on PostgreSQL. SQLite caps the union, not each side, and marks each row by asking
    again: gathering thousands costs it more than the walk it would spare (twice the broad
    page's time at 20,000 releases), so it gathers no more than it may rank."""
    if connection.features.supports_slicing_ordering_in_compound:
        return GATHER_LIMIT
    return RANK_LIMIT


def search_releases(qs, text: str, language: str | None = None):
    """Releases matching the text, most relevant first when few, newest first when many;
    ``language`` is the reader's (default: the active language)."""
    return search_counted(qs, text, language=language)[0]


def matches_kept_as(language: str | None = None) -> str:
    """The name ``search_counted`` gives its ``remember`` for the matching ids: one per
    title column (the scores count the reader's language's title). A page that reads its
    kept parts together (press.site.page_cache.ListMemo.recall) asks for it by this name."""
    # "2": kept Matchings carry their order (newest_first) since; older ones are not read.
    return f"matching ids:2:{languages.field('title', language or languages.current())}"


def search_counted(qs, text: str, remember=None, language: str | None = None):
    """``search_releases``, how many match up to RANK_LIMIT + 1, and what matched
    (``Matching``: its ``ordered()`` ids are the results' order when it is known).

    What matches: the text (press.search.analyzer's words), or a tag with an entity the
    query names (press.search.entities). The count is what chooses the order; the results
    page shows it too rather than counting again ("more than RANK_LIMIT" beyond).
    ``remember(name, compute)`` may keep the matching ids, which hold the count
    (press.site.page_cache.ListMemo: at most a minute, until a release changes).
    """
    query = parse(text)
    if not query:
        return qs.none(), 0, None
    # Which entities the query names: from the table of analyzed names, no query.
    named = named_entities(query)
    if named.other_names:
        term = query.groups[0][0]
        query = Query([[dataclasses.replace(term, others=named.other_names)]])

    @functools.cache
    def conditions():
        # Built only when the database is asked with them, and once: matching ids kept by
        # ``remember`` need neither (the tags' subqueries were ~4 % of a search page); a
        # broad search that gathered its ids asks with them again for its page.
        return text_condition(query), tagged_condition(named)

    title = languages.field("title", language or languages.current())

    def matching():
        found = _matching(qs, *conditions(), gather_limit() + 1)
        if found.whole and len(found.ids) <= RANK_LIMIT:
            ranked = scores(qs.among(found.ids), query, found.text_ids, found.tagged_ids, title)
            found = dataclasses.replace(found, scores=ranked)
        return found

    found = matching() if remember is None else remember(matches_kept_as(language), matching)
    ids = found.ids
    # Beyond RANK_LIMIT the count is said as "more than" it; so is a gathering that stopped.
    matches = min(len(ids), RANK_LIMIT + 1) if found.whole else RANK_LIMIT + 1
    if matches <= RANK_LIMIT:
        # The ids in hand, both sides whole, and scored: the page reads those rows by
        # primary key and orders them by their kept scores.
        # The index's own column is never shown, and is the widest: ~16 KB of TOAST to
        # unpack, send and parse for each row read.
        rows = qs.among(ids).defer("search_vector")
        return scored(rows, found.scores).order_by("-score", "-published_at", "-id"), matches, found
    if found.whole:
        # Many, but every one in hand: sorted by date among those ids.
        return qs.among(ids).defer("search_vector").latest(), matches, found
    # Many matches, newest first: the OR in one WHERE, which is what lets the database walk
    # the public releases newest first and stop at a page's worth. A UNION of the two sides
    # would first gather every matching id (a third of the archive for a common word).
    in_text, tagged = conditions()
    either = in_text if tagged is None else in_text | tagged
    broad = qs.filter(either).defer("search_vector")
    return broad.latest(), matches, found
