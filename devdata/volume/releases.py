"""Generated releases: texts from the phrase banks, links to the reference rows, photo rows.

Rows go straight into the tables (``devdata.volume.writer``: COPY on PostgreSQL, executemany
on SQLite): no save(), no signals. So each batch writes its own search index in its
transaction: the tsvector column in the release's own row on PostgreSQL, the FTS5 and trigram
rows on SQLite, made from sentences analyzed once each (``devdata.volume.lexemes``), equal to
what ``press.search.index_releases`` writes. The same seed and the same starting database
give the same rows.
"""

import datetime
import multiprocessing
import random
import time
from concurrent.futures import ProcessPoolExecutor

from django.conf import settings
from django.db import connection, connections, transaction
from django.utils import timezone, translation

from devdata.volume import words_en, words_ru, words_uz
from devdata.volume.cyrillic import to_cyrillic
from devdata.volume.lexemes import Pieces, folded_titles
from devdata.volume.phrases import Zipf, html_paragraphs
from devdata.volume.reference import YEARS, appointment_index, participants_on
from devdata.volume.writer import Table, build_indexes, drop_indexes, next_ids, unbounded
from press import languages
from press.models import Appointment, Country, CountryKind, Kind, Photo, Release, Status, Topic
from press.search.index import FTS_COLUMNS, FTS_TABLE, TRGM_TABLE

RARE_FRACTION = 0.001  # "Mongoliya" / "Монголия" / "Mongolia"
COMMON_FRACTION = 0.30  # "Oʻzbekiston" / "Ўзбекистон" / "Узбекистан" / "Uzbekistan"
SLUG_PREFIX = "gen"
# Photo rows point at these names; no file exists (the bench never opens one).
PHOTO_NAMES = [f"photos/bench/shared-{n}.jpg" for n in range(1, 9)]
# The marker's Latin spelling varies the way editors type it.
UZ_APOSTROPHES = ("\u02bb", "'", "\u2019")
TEXTS = ("title", "lead", "body", "place")
# PostgreSQL: from this many new rows, and when they at least double the table, the
# release table's secondary indexes are dropped and built again once at the end.
DEFER_INDEXES_FROM = 10_000
PHOTO_ALT = {
    "alt_uz": "Uchrashuv chogʻida",
    "alt_uz_cyrl": "Учрашув чоғида",
    "alt_ru": "Во время встречи",
    "alt_en": "During the meeting",
}

_generator = None  # the generator a forked worker process runs batches of


def _batch_in_process(bounds):
    with translation.override(settings.LANGUAGE_CODE):
        return _generator.batch(*bounds)


class ReleaseGenerator:
    """Adds releases gen-<seed>-<n> after those of the same seed already there."""

    def __init__(self, *, seed: int, stdout):
        self.seed, self.stdout = seed, stdout
        countries = list(Country.objects.order_by("code").values_list("pk", "code", "kind"))
        rng = random.Random(f"countries:{seed}")
        states = [pk for pk, _code, kind in countries if kind == CountryKind.COUNTRY]
        orgs = [pk for pk, _code, kind in countries if kind != CountryKind.COUNTRY]
        self.pick_country = Zipf(rng, states, s=1.1)
        self.pick_org = Zipf(rng, orgs, s=1.0) if orgs else None
        self.mongolia = next((pk for pk, code, _k in countries if code == "MN"), None)
        self.topic_ids = list(Topic.objects.order_by("pk").values_list("pk", flat=True))
        self.appointments = appointment_index(list(Appointment.objects.order_by("pk")))
        self.pieces = Pieces()
        self.codes = languages.codes()
        text_columns = [f"{name}{sfx}" for name in TEXTS for sfx in ("", *self.suffixes())]
        self.release_table = Table(
            Release,
            ["id", "slug", "kind", "event_date", "status", "published_at", "search_vector"]
            + text_columns,
        )
        self.text_columns = text_columns
        self.date_field = Release._meta.get_field("event_date")
        self.time_field = Release._meta.get_field("published_at")
        self.link_tables = [
            Table(Release.countries.through, ["release_id", "country_id"]),
            Table(Release.topics.through, ["release_id", "topic_id"]),
            Table(Release.participants.through, ["release_id", "appointment_id"]),
        ]
        self.photo_table = Table(
            Photo, ["release_id", "image", "is_lead", "order"], width=1600, height=1067, **PHOTO_ALT
        )

    def suffixes(self):
        return [f"_{languages.suffix(code)}" for code in languages.codes()]

    def generate(self, count: int, *, batch: int, photos: bool, jobs: int, indexes="auto") -> int:
        """Makes and inserts count releases in batches; returns how many."""
        prefix = f"{SLUG_PREFIX}-{self.seed}-"
        offset = Release.objects.filter(slug__startswith=prefix).count()
        rng = random.Random(f"releases:{self.seed}:{offset}")
        t0 = time.monotonic()
        # In this order: the three banks draw from one stream.
        banks = {"uz": words_uz.bank(rng), "ru": words_ru.bank(rng), "en": words_en.bank(rng)}
        cyrillic = {}  # Uzbek Latin → Cyrillic, once per pooled sentence
        self.banks, self.cyrillic = banks, cyrillic
        rare = set(rng.sample(range(count), round(count * RARE_FRACTION)))
        common = set(rng.sample(range(count), round(count * COMMON_FRACTION)))
        self.stdout.write(f"Phrase banks ready in {time.monotonic() - t0:.1f} s.")

        today = timezone.localdate()
        self.first_day = today - datetime.timedelta(days=365 * YEARS)
        self.span = (today - self.first_day).days
        self.now = timezone.now()
        self.prefix, self.offset = prefix, offset
        self.rare, self.common, self.with_photos = rare, common, photos

        postgres = connection.vendor == "postgresql"
        jobs = jobs or (2 if postgres else 1)
        if indexes == "auto":
            defer = count >= DEFER_INDEXES_FROM and count >= self.existing()
        else:
            defer = indexes == "defer"
        dropped = drop_indexes(self.stdout) if defer and postgres else []
        starts = [(start, min(start + batch, count)) for start in range(0, count, batch)]
        made = 0
        gen_time = db_time = 0.0
        pool = None
        try:
            if jobs == 1:
                results = (self.batch(*bounds) for bounds in starts)
            else:
                # Processes, not threads: building rows and their index is Python work, and
                # one interpreter runs it on one core. Each batch has its own random stream,
                # so the rows do not depend on the process that made them. The children are
                # forked with this generator (phrase banks and all) and open their own
                # connections: none may be open here when they fork.
                global _generator
                _generator = self
                connections.close_all()
                pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
                results = pool.map(_batch_in_process, starts)
            for n, gen, db in results:
                made += n
                gen_time += gen
                db_time += db
                if self.stdout.isatty():
                    self.stdout.write(f"  {made}/{count}", ending="\r")
                    self.stdout.flush()
        finally:
            if pool:
                # On an interrupt too: no batch may still be writing while indexes are built.
                pool.shutdown(cancel_futures=True)
            if dropped:
                build_indexes(dropped, jobs, self.stdout)
        self.stdout.write(
            f"Text and index rows {gen_time:.1f} s, database {db_time:.1f} s "
            f"(summed over {jobs} connection{'s' if jobs > 1 else ''})."
        )
        if postgres:
            # Statistics for the planner: without them the first searches take seconds.
            with transaction.atomic(), connection.cursor() as cursor, unbounded(cursor):
                cursor.execute("ANALYZE")
        return made

    @staticmethod
    def existing() -> int:
        return Release.objects.count()

    def batch(self, start, end):
        """Rows start…end-1: made in Python, then written in one transaction."""
        rng = random.Random(f"releases:{self.seed}:{self.offset}:{start}")
        t0 = time.monotonic()
        kinds = [k.value for k in Kind]
        kind_weights = [25, 10, 10, 10, 8, 7, 5, 25]  # Kind order: meeting … news
        tz = timezone.get_current_timezone()
        made, links = [], []
        for n in range(start, end):
            day = self.first_day + datetime.timedelta(days=rng.randrange(self.span))
            status, published_at = Status.PUBLISHED, None
            roll = rng.random()
            if roll < 0.03:
                status = Status.DRAFT
            elif roll < 0.035:
                status = Status.WITHDRAWN
            if status != Status.DRAFT:
                hour = datetime.time(rng.randrange(9, 21), rng.randrange(60))
                published_at = datetime.datetime.combine(day, hour, tzinfo=tz)
                published_at += datetime.timedelta(days=rng.choice((0, 0, 0, 0, 1)))
                published_at = min(published_at, self.now - datetime.timedelta(minutes=1))
            fields, pieces = self.texts(rng, n in self.rare, n in self.common)
            kind = rng.choices(kinds, kind_weights)[0]
            made.append((n, kind, day, status, published_at, fields, pieces))
            links.append(self.links(rng, day, n in self.rare))
        postgres = connection.vendor == "postgresql"
        releases, index_rows, titles = [], [], []
        for _n, _kind, _day, _status, _published_at, _fields, pieces in made:
            analyzed = self.pieces.fields(pieces)
            index_rows.append(
                self.pieces.tsvector(analyzed) if postgres else self.pieces.fts_row(analyzed)
            )
        t1 = time.monotonic()
        with transaction.atomic(), connection.cursor() as cursor:
            if postgres:
                # Generated rows can be made again: a crash may lose the last commits.
                cursor.execute("SET LOCAL synchronous_commit = off")
                ids = next_ids(cursor, Release._meta.db_table, len(made))
            else:
                ids = self.sqlite_ids(cursor, len(made))
            prep_date = self.date_field.get_db_prep_save
            prep_time = self.time_field.get_db_prep_save
            for pk, (n, kind, day, status, published_at, fields, _p), index_row in zip(
                ids, made, index_rows, strict=True
            ):
                values = [
                    pk,
                    f"{self.prefix}{self.offset + n + 1}",
                    kind,
                    prep_date(day, connection),
                    status.value,
                    prep_time(published_at, connection),
                    index_row if postgres else None,
                ]
                values += [fields[column] for column in self.text_columns]
                releases.append(self.release_table.row(values))
                titles.append([fields[f"title_{sfx[1:]}"] for sfx in self.suffixes()])
            self.release_table.write(cursor, releases)
            if not postgres:
                self.write_sqlite_index(cursor, ids, index_rows, titles)
            rows = [[], [], []]
            photo_rows = []
            for pk, (cs, ts, ps, nphotos) in zip(ids, links, strict=True):
                rows[0] += [(pk, c) for c in cs]
                rows[1] += [(pk, t) for t in ts]
                rows[2] += [(pk, p) for p in ps]
                if self.with_photos:
                    photo_rows += [self.photo_table.row(v) for v in self.photos(rng, pk, nphotos)]
            for table, values in zip(self.link_tables, rows, strict=True):
                table.write(cursor, [table.row(v) for v in values])
            self.photo_table.write(cursor, photo_rows)
        # With DEBUG on, each connection keeps its last 9,000 statements.
        connection.queries_log.clear()
        return len(made), t1 - t0, time.monotonic() - t1

    @staticmethod
    def sqlite_ids(cursor, count: int) -> list[int]:
        """The next count ids on SQLite, where one connection writes (no sequence to ask)."""
        cursor.execute(
            "SELECT max(coalesce((SELECT max(id) FROM press_release), 0),"
            " coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'press_release'), 0))"
        )
        last = cursor.fetchone()[0]
        return list(range(last + 1, last + 1 + count))

    @staticmethod
    def write_sqlite_index(cursor, ids, fts_rows, titles) -> None:
        # Rows left by releases deleted without their signal would be read as these.
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", ids)
        cursor.execute(f"DELETE FROM {TRGM_TABLE} WHERE rowid IN ({marks})", ids)
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(FTS_COLUMNS)})"
            f" VALUES (%s, {', '.join(['%s'] * len(FTS_COLUMNS))})",
            [(pk, *row) for pk, row in zip(ids, fts_rows, strict=True)],
        )
        cursor.executemany(
            f"INSERT INTO {TRGM_TABLE} (rowid, title) VALUES (%s, %s)",
            [(pk, folded_titles(t)) for pk, t in zip(ids, titles, strict=True)],
        )

    def texts(self, rng, rare: bool, common: bool) -> tuple[dict, dict]:
        """The text columns, and the pieces each column is made of (for the search index)."""
        fields, pieces = {}, {}
        place = rng.randrange(len(words_uz.CITIES)) if rng.random() < 0.6 else 0  # mostly Tashkent
        title, lead, paragraphs = self.compose(rng, self.banks["uz"], rare, common)
        variant = rng.choice(UZ_APOSTROPHES)
        vary = self.vary
        body = [vary(s, variant) for p in paragraphs for s in p]
        self.put(fields, pieces, "uz", vary(title, variant), [vary(s, variant) for s in lead])
        fields["body_uz"] = vary(html_paragraphs(paragraphs), variant)
        pieces["body", "uz"] = body
        # Uzbek Cyrillic says the same: pooled sentences are transliterated once each.
        cyr = self.cyr
        self.put(fields, pieces, "uz-cyrl", cyr(title), [cyr(s) for s in lead])
        cyrl = [[cyr(s) for s in p] for p in paragraphs]
        fields["body_uz_cyrl"] = html_paragraphs(cyrl)
        pieces["body", "uz-cyrl"] = [s for p in cyrl for s in p]
        for code in ("ru", "en"):
            title, lead, paragraphs = self.compose(rng, self.banks[code], rare, common)
            self.put(fields, pieces, code, title, lead)
            fields[f"body_{code}"] = html_paragraphs(paragraphs)
            pieces["body", code] = [s for p in paragraphs for s in p]
        places = {
            "uz": words_uz.CITIES[place],
            "uz-cyrl": cyr(words_uz.CITIES[place]),
            "ru": words_ru.CITIES[place][0],
            "en": words_en.CITIES[place],
        }
        for code, name in places.items():
            fields[f"place_{languages.suffix(code)}"] = name
            pieces["place", code] = [name]
        # The untranslated columns hold the default language, as modeltranslation writes them.
        default = languages.suffix(settings.LANGUAGE_CODE)
        for name in TEXTS:
            fields[name] = fields[f"{name}_{default}"]
        return fields, pieces

    @staticmethod
    def put(fields, pieces, code, title, lead):
        sfx = languages.suffix(code)
        fields[f"title_{sfx}"] = title
        fields[f"lead_{sfx}"] = " ".join(lead)
        pieces["title", code] = [title]
        pieces["lead", code] = lead

    @staticmethod
    def vary(text, apostrophe):
        if apostrophe == "\u02bb" or "Oʻzbekiston" not in text:
            return text
        return text.replace("Oʻzbekiston", f"O{apostrophe}zbekiston")

    def cyr(self, text):
        cached = self.cyrillic.get(text)
        if cached is None:
            cached = self.cyrillic[text] = to_cyrillic(text)
        return cached

    def compose(self, rng, bank, rare, common):
        """Title (8-14 words), lead (~30 words), body (3-6 paragraphs of ~60 words)."""
        if rare:
            title = rng.choice(bank.rare_titles)
        elif common and rng.random() < 0.5:
            title = rng.choice(bank.common_titles)
        else:
            title = rng.choice(bank.titles)
        pool, words = bank.sentences, bank.sentence_words
        size = len(pool)
        lead = self.paragraph(rng, pool, words, size, 28)
        paragraphs = [self.paragraph(rng, pool, words, size, 58) for _ in range(rng.randint(3, 6))]
        if rare:
            paragraphs[rng.randrange(len(paragraphs))].insert(0, rng.choice(bank.rare_sentences))
        if common:
            paragraphs[rng.randrange(len(paragraphs))].append(rng.choice(bank.common_sentences))
        return title, lead, paragraphs

    @staticmethod
    def paragraph(rng, pool, words, size, target):
        out, n = [], 0
        while n < target:
            i = int(rng.random() * size)
            out.append(pool[i])
            n += words[i]
        return out

    def links(self, rng, day, rare):
        countries = {self.pick_country(rng) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))}
        if self.pick_org and rng.random() < 0.15:
            countries.add(self.pick_org(rng))
        if rare and self.mongolia:
            countries.add(self.mongolia)
        topics = rng.sample(self.topic_ids, min(len(self.topic_ids), rng.choice((1, 1, 2, 3))))
        current = participants_on(self.appointments, day)
        participants = rng.sample(current, min(len(current), rng.randint(1, 3)))
        nphotos = rng.choice((0, 1, 1, 1, 2, 3))
        return countries, topics, participants, nphotos

    def photos(self, rng, release_id, n):
        """The varying columns of n photo rows: release, image, lead or not, order."""
        return [(release_id, rng.choice(PHOTO_NAMES), i == 0, i) for i in range(n)]
