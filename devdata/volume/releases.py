"""Generated releases: texts from the phrase banks, links to the reference rows, photo rows.

Everything goes in through bulk_create (releases, M2M through rows, photos): no save(), no
signals; so the search index (PostgreSQL's ``search_vector``, SQLite's FTS5 table) is written
by ``press.search.index_releases`` for each batch, in its transaction. The same seed and
the same starting database give the same rows.
"""

import datetime
import random
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone, translation

from devdata.volume import words_en, words_ru, words_uz
from devdata.volume.cyrillic import to_cyrillic
from devdata.volume.phrases import Zipf, html_paragraphs
from devdata.volume.reference import YEARS, appointment_index, participants_on
from press.models import Appointment, Country, CountryKind, Kind, Photo, Release, Status, Topic
from press.search import index_releases

RARE_FRACTION = 0.001  # "Mongoliya" / "Монголия" / "Mongolia"
COMMON_FRACTION = 0.30  # "Oʻzbekiston" / "Ўзбекистон" / "Узбекистан" / "Uzbekistan"
SLUG_PREFIX = "gen"
# Photo rows point at these names; no file exists (the bench never opens one).
PHOTO_NAMES = [f"photos/bench/shared-{n}.jpg" for n in range(1, 9)]
# The marker's Latin spelling varies the way editors type it.
UZ_APOSTROPHES = ("\u02bb", "'", "\u2019")


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

    def generate(self, count: int, *, batch: int, photos: bool, jobs: int) -> int:
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

        jobs = jobs or (2 if connection.vendor == "postgresql" else 1)
        starts = [(start, min(start + batch, count)) for start in range(0, count, batch)]
        made = 0
        gen_time = db_time = 0.0
        if jobs == 1:
            results = (self.batch(*bounds) for bounds in starts)
        else:
            # Each batch has its own random stream, so the rows do not depend on the thread
            # that made them. The analyzer and the server's indexes are the bottleneck: a second
            # connection keeps a second core busy.
            pool = ThreadPoolExecutor(max_workers=jobs)
            results = pool.map(self.batch_in_thread, starts)
        for n, gen, db in results:
            made += n
            gen_time += gen
            db_time += db
            if self.stdout.isatty():
                self.stdout.write(f"  {made}/{count}", ending="\r")
                self.stdout.flush()
        if jobs > 1:
            pool.shutdown()
        self.stdout.write(
            f"Text generation {gen_time:.1f} s, database {db_time:.1f} s "
            f"(summed over {jobs} connection{'s' if jobs > 1 else ''})."
        )
        return made

    def batch_in_thread(self, bounds):
        try:
            with translation.override(settings.LANGUAGE_CODE):
                return self.batch(*bounds)
        finally:
            connection.close()

    def batch(self, start, end):
        """Rows start…end-1: made in Python, then inserted in one transaction."""
        rng = random.Random(f"releases:{self.seed}:{self.offset}:{start}")
        t0 = time.monotonic()
        kinds = [k.value for k in Kind]
        kind_weights = [25, 10, 10, 10, 8, 7, 5, 25]  # Kind order: meeting … news
        tz = timezone.get_current_timezone()
        releases, links = [], []
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
            fields = self.texts(rng, n in self.rare, n in self.common)
            releases.append(
                Release(
                    slug=f"{self.prefix}{self.offset + n + 1}",
                    kind=rng.choices(kinds, kind_weights)[0],
                    event_date=day,
                    status=status,
                    published_at=published_at,
                    **fields,
                )
            )
            links.append(self.links(rng, day, n in self.rare))
        t1 = time.monotonic()
        through_c = Release.countries.through
        through_t = Release.topics.through
        through_p = Release.participants.through
        size = end - start
        with transaction.atomic():
            Release.objects.bulk_create(releases, batch_size=size)
            index_releases(releases)
            rows_c, rows_t, rows_p, rows_ph = [], [], [], []
            for release, (cs, ts, ps, nphotos) in zip(releases, links, strict=True):
                rows_c += [through_c(release_id=release.pk, country_id=c) for c in cs]
                rows_t += [through_t(release_id=release.pk, topic_id=t) for t in ts]
                rows_p += [through_p(release_id=release.pk, appointment_id=p) for p in ps]
                if self.with_photos:
                    rows_ph += self.photos(rng, release, nphotos)
            through_c.objects.bulk_create(rows_c, batch_size=size * 2)
            through_t.objects.bulk_create(rows_t, batch_size=size * 2)
            through_p.objects.bulk_create(rows_p, batch_size=size * 2)
            Photo.objects.bulk_create(rows_ph, batch_size=size * 2)
        # With DEBUG on, each connection keeps its last 9,000 statements: megabytes each here.
        connection.queries_log.clear()
        return len(releases), t1 - t0, time.monotonic() - t1

    def texts(self, rng, rare: bool, common: bool) -> dict:
        fields = {}
        place = rng.randrange(len(words_uz.CITIES)) if rng.random() < 0.6 else 0  # mostly Tashkent
        title, lead, paragraphs = self.compose(rng, self.banks["uz"], rare, common)
        variant = rng.choice(UZ_APOSTROPHES)
        fields["title_uz"] = self.vary(title, variant)
        fields["lead_uz"] = self.vary(" ".join(lead), variant)
        fields["body_uz"] = self.vary(html_paragraphs(paragraphs), variant)
        # Uzbek Cyrillic says the same: pooled sentences are transliterated once each.
        cyr = self.cyr
        fields["title_uz_cyrl"] = cyr(title)
        fields["lead_uz_cyrl"] = " ".join(cyr(s) for s in lead)
        fields["body_uz_cyrl"] = html_paragraphs([[cyr(s) for s in p] for p in paragraphs])
        fields["place_uz"] = words_uz.CITIES[place]
        fields["place_uz_cyrl"] = cyr(words_uz.CITIES[place])
        for code in ("ru", "en"):
            title, lead, paragraphs = self.compose(rng, self.banks[code], rare, common)
            fields[f"title_{code}"] = title
            fields[f"lead_{code}"] = " ".join(lead)
            fields[f"body_{code}"] = html_paragraphs(paragraphs)
        fields["place_ru"] = words_ru.CITIES[place][0]
        fields["place_en"] = words_en.CITIES[place]
        return fields

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

    def photos(self, rng, release, n):
        return [
            Photo(
                release_id=release.pk,
                image=rng.choice(PHOTO_NAMES),
                width=1600,
                height=1067,
                is_lead=(i == 0),
                order=i,
                alt_uz="Uchrashuv chogʻida",
                alt_uz_cyrl="Учрашув чоғида",
                alt_ru="Во время встречи",
                alt_en="During the meeting",
            )
            for i in range(n)
        ]
