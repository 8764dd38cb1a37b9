"""Rows straight into tables: COPY on PostgreSQL, executemany on SQLite.

The ORM's bulk_create builds a model instance and prepares every field of every row; for a
million releases with their links and photos that is most of the time that is not search
analysis. Here a model's columns are prepared once from a template instance (defaults,
auto_now, modeltranslation's columns) and each row only fills the columns that vary.
No save(), no signals: whoever writes releases this way writes their search index too.
Also: dropping the release table's secondary indexes for a large load and building them again.
"""

import contextlib
import json
import threading
import time

from django.db import connection, models, transaction

# press_release's indexes that cost most to keep up row by row (GIN over tsvectors and
# trigrams, partial B-trees); built once after a large load instead.
DEFERRED_INDEX_TABLE = "press_release"


class Table:
    """A model's table: its columns, and rows made from a template and the varying values."""

    def __init__(self, model, varying: list[str], **constants):
        instance = model(**constants)
        self.table = model._meta.db_table
        fields = [
            f
            for f in model._meta.concrete_fields
            if not f.generated and (not f.primary_key or f.attname in varying)
        ]
        self.fields = {f.attname: f for f in fields}
        self.columns = [f.column for f in fields]
        self.template = []
        for field in fields:
            if field.attname in varying:
                self.template.append(None)
            else:
                self.template.append(self.prepare(field, field.pre_save(instance, add=True)))
        self.slots = [self.columns.index(self.fields[name].column) for name in varying]
        self.varying = varying

    @staticmethod
    def prepare(field, value):
        if value is None:
            return None
        if isinstance(field, models.JSONField):
            # What the backends store for a JSON value; psycopg's Jsonb wrapper has no place
            # in a COPY row.
            return json.dumps(field.get_prep_value(value), cls=field.encoder)
        return field.get_db_prep_save(value, connection)

    def row(self, values) -> list:
        """A row of every column; values are the varying ones, in order, already prepared."""
        row = self.template.copy()
        for slot, value in zip(self.slots, values, strict=True):
            row[slot] = value
        return row

    def write(self, cursor, rows) -> None:
        columns = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {self.table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(self.columns))
            cursor.executemany(f"INSERT INTO {self.table} ({columns}) VALUES ({marks})", rows)


def next_ids(cursor, table: str, count: int) -> list[int]:
    """count fresh primary keys for table, taken from its sequence (PostgreSQL)."""
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
        [table, count],
    )
    return [pk for (pk,) in cursor.fetchall()]


def deferrable_indexes(cursor) -> list[tuple[str, str]]:
    """(name, definition) of press_release's indexes that back no constraint (PostgreSQL).

    The primary key and the slug's unique constraint stay: the ids and slugs written must
    still be checked as they go in.
    """
    cursor.execute(
        """
        SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = current_schema() AND i.tablename = %s
          AND NOT EXISTS (
            SELECT 1 FROM pg_constraint c
            WHERE c.conindid = to_regclass(quote_ident(i.indexname))
          )
        ORDER BY i.indexdef LIKE '%%USING gin%%' DESC, i.indexname
        """,
        [DEFERRED_INDEX_TABLE],
    )
    return cursor.fetchall()


@contextlib.contextmanager
def unbounded(cursor):
    """No statement timeout and no read timeout (ministry.db.postgresql) for a while.

    Both are there so that a page never waits long on the database; building a GIN index
    over every release or ANALYZE of a large database is meant to. In a transaction.
    """
    cursor.execute("SET LOCAL statement_timeout = 0")
    raw = connection.connection
    bound = getattr(raw, "read_timeout", None)
    raw.read_timeout = None
    try:
        yield
    finally:
        raw.read_timeout = bound


def drop_indexes(stdout) -> list[tuple[str, str]]:
    """Drops press_release's secondary indexes; returns what builds them again.

    Hazard: until build_indexes has run, the table has no search or trigram index. Each
    definition is printed first, so that a killed run can be mended by hand.
    """
    with connection.cursor() as cursor:
        found = deferrable_indexes(cursor)
        for name, definition in found:
            stdout.write(f"  dropping until the end: {definition};")
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    return found


def build_indexes(found, jobs: int, stdout) -> None:
    """Builds the dropped indexes again, on jobs connections side by side."""
    t0 = time.monotonic()
    queue = [definition for _name, definition in found]
    lock = threading.Lock()

    def work():
        with transaction.atomic(), connection.cursor() as cursor:
            # A GIN index over a million tsvectors takes longer than a page may.
            # Deferred foreign-key checks pending in the transaction forbid CREATE INDEX.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            with unbounded(cursor):
                while True:
                    with lock:
                        if not queue:
                            return
                        definition = queue.pop(0)
                    cursor.execute(definition)

    def in_thread():
        try:
            work()
        finally:
            connection.close()

    if jobs == 1:  # this connection: its transaction may be one the others cannot see
        work()
    else:
        threads = [threading.Thread(target=in_thread) for _ in range(jobs)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    if queue:
        raise RuntimeError(f"Indexes not built again: {queue}")
    stdout.write(f"{len(found)} indexes built again in {time.monotonic() - t0:.1f} s.")
