"""Search in four languages and both Uzbek scripts, the same on SQLite and PostgreSQL.

- ``analyzer``: the fold, words, stems; a query's terms (``parse``).
- ``index``: the PostgreSQL tsvector and the SQLite FTS5 table, kept by signals.
- ``engine``: ``search_releases`` / ``search_counted``: matching and ranking on both.
- ``entities``: countries, people, topics a query names, by name or alias.
- ``names``: names compared folded (the names above the results, the admin's pickers).
- ``typos``: "did you mean" and the closest titles (trigrams on both databases).
- ``snippets``: the extract under each result.
"""

from press.search.analyzer import (
    FOLD_TABLE,
    MAX_QUERY_LENGTH,
    MAX_TERMS,
    Query,
    Term,
    analyze,
    fold,
    fold_sql_body,
    parse,
)
from press.search.engine import RANK_LIMIT, matches_kept_as, search_counted, search_releases
from press.search.entities import names_changed
from press.search.index import index_releases, reindex_all
from press.search.names import UzFold, matching_names, name_contains, name_matches
from press.search.snippets import snippet
from press.search.typos import SIMILARITY, did_you_mean, similar_releases

__all__ = [
    "FOLD_TABLE", "MAX_QUERY_LENGTH", "MAX_TERMS", "RANK_LIMIT", "SIMILARITY", "Query", "Term",
    "UzFold",
    "analyze", "did_you_mean", "fold", "fold_sql_body", "index_releases", "matches_kept_as",
    "matching_names", "name_contains", "name_matches", "names_changed", "parse", "reindex_all",
    "search_counted", "search_releases", "similar_releases", "snippet",
]  # fmt: skip
