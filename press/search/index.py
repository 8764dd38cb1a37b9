"""The two indexes of releases, filled from the same lexemes (press.search.analyzer).

PostgreSQL: ``Release.search_vector``, a tsvector written as a literal (no PostgreSQL
parser or stemmer between), with weights A title, B lead, C body, D place, under the GIN
index of migration 0002. SQLite: the FTS5 table ``press_release_fts`` of migration 0022, one
row per release (rowid = id), surfaces and stems of each field in columns of their own.

Kept in step on every ``Release.save()`` and delete by the signals below; ``index_releases``
fills many at once (migration 0022, generate_releases). A bulk write that skips save()
(``QuerySet.update`` of a text, ``bulk_create``) must call ``index_releases`` itself.
"""

import html
import re

from django.db import connection, connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver

from press import languages
from press.search.analyzer import analyze, fold

FIELDS = (("title", "A"), ("lead", "B"), ("body", "C"), ("place", "D"))
FTS_TABLE = "press_release_fts"
TRGM_TABLE = "press_release_trgm"  # SQLite: every language's title, folded (press.search.typos)
# Column names of the FTS5 table: a field's surfaces, then its stems.
FTS_COLUMNS = ("t", "ts", "l", "ls", "b", "bs", "p", "ps")
TEXT_FIELDS = frozenset(
    languages.field(name, code) for name, _w in FIELDS for code in languages.codes()
)
TAG = re.compile(r"<[^>]*>")
# tsvector limits: a position is at most 16383 (PostgreSQL clamps larger ones, and phrase
# matches that far into a release could then differ from SQLite's), a lexeme keeps at most
# 256 positions, and a lexeme is at most 2047 bytes.
MAX_POSITIONS = 256
MAX_WORD = 100
STEM_MARK = "~"  # a stem's lexeme in the tsvector: "saidov~", apart from the word saidov


def document(release) -> list[tuple[list[str], set[str]]]:
    """Each field's surfaces in text order and its stems, every language in turn."""
    fields = []
    for name, _weight in FIELDS:
        surfaces, stems = [], set()
        for code in languages.codes():
            text = getattr(release, languages.field(name, code)) or ""
            if name == "body":
                text = html.unescape(TAG.sub(" ", text))
            for token in analyze(text, code):
                if len(token.surface) <= MAX_WORD:
                    surfaces.append(token.surface)
                    stems |= {s for s in token.stems if len(s) <= MAX_WORD}
        fields.append((surfaces, stems))
    return fields


def folded_titles(release) -> str:
    titles = (getattr(release, languages.field("title", code)) or "" for code in languages.codes())
    return " | ".join(fold(title) for title in titles)


def tsvector_literal(fields) -> str:
    """The tsvector of a document: each lexeme with its positions and its field's weight.

    A field's stems sit at the field's first position: only surfaces take part in phrases.
    One position is skipped between fields, so that a phrase never spans two (as in FTS5,
    whose fields are columns).
    """
    positions: dict[str, list[str]] = {}
    position = 1
    for (surfaces, stems), (_name, weight) in zip(fields, FIELDS, strict=True):
        first = position
        for surface in surfaces:
            positions.setdefault(surface, []).append(f"{min(position, 16383)}{weight}")
            position += 1
        for stem in stems:
            positions.setdefault(stem + STEM_MARK, []).append(f"{min(first, 16383)}{weight}")
        position += 1
    return " ".join(
        f"'{lexeme}':{','.join(found[:MAX_POSITIONS])}" for lexeme, found in positions.items()
    )


def fts_row(fields) -> list[str]:
    row = []
    for surfaces, stems in fields:
        row += [" ".join(surfaces), " ".join(sorted(stems))]
    return row


def index_releases(releases) -> None:
    """Writes the index rows of these releases (their text fields loaded)."""
    releases = list(releases)
    if not releases:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(
                "UPDATE press_release SET search_vector = %s::tsvector WHERE id = %s",
                [(tsvector_literal(document(r)), r.pk) for r in releases],
            )
        elif connection.vendor == "sqlite":
            ids = [r.pk for r in releases]
            cursor.execute(
                f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({', '.join(['%s'] * len(ids))})", ids
            )
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)})"
                f" VALUES (%s, {', '.join(['%s'] * len(FTS_COLUMNS))})",
                [(r.pk, *fts_row(document(r))) for r in releases],
            )
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(f"DELETE FROM {TRGM_TABLE} WHERE rowid IN ({marks})", ids)
            cursor.executemany(
                f"INSERT INTO {TRGM_TABLE} (rowid, title) VALUES (%s, %s)",
                [(r.pk, folded_titles(r)) for r in releases],
            )


def reindex_all(model, batch: int = 500) -> None:
    """Every release's index row again (after the analyzer changes: migration 0019)."""
    only = ["pk", *TEXT_FIELDS]
    last = 0
    while True:
        chunk = list(model.objects.filter(pk__gt=last).order_by("pk").only(*only)[:batch])
        if not chunk:
            return
        index_releases(chunk)
        last = chunk[-1].pk


@receiver(post_save, sender="press.Release", dispatch_uid="press_search_index_save")
def index_saved_release(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw:  # loaddata: fixtures hold no index; reindex_all after loading
        return
    if update_fields is not None and not TEXT_FIELDS.intersection(update_fields):
        return
    index_releases([instance])


@receiver(post_delete, sender="press.Release", dispatch_uid="press_search_index_delete")
def unindex_deleted_release(sender, instance, **kwargs):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [instance.pk])
            cursor.execute(f"DELETE FROM {TRGM_TABLE} WHERE rowid = %s", [instance.pk])


@receiver(post_migrate, dispatch_uid="press_search_index_orphans")
def drop_orphaned_rows(sender, using="default", **kwargs):
    """SQLite: forget the index rows of releases that are gone without a delete signal.

    ``flush`` (the test suite's transactional tests) empties press_release and restarts its
    ids, but not the FTS5 tables, whose rows would then be read as the next release given
    the same id. ``flush`` sends post_migrate, as ``migrate`` does.
    """
    db = connections[using]
    if sender.name != "press" or db.vendor != "sqlite":
        return
    present = set(db.introspection.table_names())  # none before migration 0022
    with db.cursor() as cursor:
        for table in (FTS_TABLE, TRGM_TABLE):
            if table in present:
                cursor.execute(
                    f"DELETE FROM {table} WHERE rowid NOT IN (SELECT id FROM press_release)"
                )


@receiver(connection_created, dispatch_uid="press_search_connection")
def prepare_connection(sender, connection, **kwargs):
    from press.search import engine, typos

    if connection.vendor == "sqlite":
        connection.connection.create_function("uz_fold", 1, fold, deterministic=True)
        connection.connection.create_function(
            "press_score", 1 + len(FTS_COLUMNS), engine.sqlite_score, deterministic=True
        )
    elif connection.vendor == "postgresql":
        # `a %> b` (what the title trigram indexes answer) means word_similarity ≥ this
        # setting: make it ours, so that the index finds every title similar_releases keeps.
        with connection.connection.cursor() as cursor:
            cursor.execute(f"SET pg_trgm.word_similarity_threshold = {typos.SIMILARITY}")
