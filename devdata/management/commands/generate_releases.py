"""Realistic volume for benchmarks: ``manage.py generate_releases --count 100000``.

Releases in all four languages, built from phrase banks (hundreds of words per language, Uzbek
and Russian inflected), every kind, ~10 years of publication times, a few % drafts, countries,
topics, participants current on the event date and photo rows. Two planted terms make the
benchmark's queries: a rare one in exactly 0.1 % of rows and a common one in ~30 %.
The pieces live in devdata/volume/.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import translation

from devdata.volume.reference import ensure_reference_rows
from devdata.volume.releases import ReleaseGenerator
from press.models import Release


class Command(BaseCommand):
    help = (
        "Generate realistic published releases in four languages for benchmarks: every kind, "
        "~10 years of dates, countries, topics, 1-3 participants current on the event date, "
        "and Photo rows (0-3 a release) pointing at a few shared image names that have no file. "
        "Plants 'Mongoliya/Монголия/Mongolia' in exactly 0.1%% of rows and 'Oʻzbekiston/"
        "Ўзбекистон/Узбекистан/Uzbekistan' in ~30%%. Creates 12 topics if there are none and "
        "~40 demo people with posts and successive appointments if there are none (slugs "
        "gen-person-*); loads countries if there are none. Adds --count rows each time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--count", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch", type=int, default=2000)
        parser.add_argument("--no-photos", action="store_true", help="Create no Photo rows.")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already holds releases (make bench).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=0,
            help="Writing processes (default: 2 on PostgreSQL, 1 on SQLite). Use 1 inside "
            "a transaction that other connections cannot see, as in tests.",
        )

        parser.add_argument(
            "--indexes",
            choices=("auto", "defer", "keep"),
            default="auto",
            help="PostgreSQL: drop the release table's secondary indexes during the load and "
            "build them once at the end (defer), or keep them up row by row (keep). auto: "
            "defer from 10,000 rows when they at least double the table.",
        )

    def handle(self, *args, count, seed, batch, no_photos, jobs, if_empty, indexes, **options):
        if count < 0 or batch < 1:
            raise CommandError("--count must be ≥ 0 and --batch ≥ 1.")
        if if_empty and Release.objects.exists():
            self.stdout.write(f"{Release.objects.count()} releases already there: none added.")
            return
        started = time.monotonic()
        with translation.override(settings.LANGUAGE_CODE):
            ensure_reference_rows(seed, self.stdout)
            generator = ReleaseGenerator(seed=seed, stdout=self.stdout)
            made = generator.generate(
                count, batch=batch, photos=not no_photos, jobs=jobs, indexes=indexes
            )
        elapsed = time.monotonic() - started
        rate = made / elapsed if elapsed else 0.0
        self.stdout.write(
            f"{made} releases generated on {connection.vendor} in {elapsed:.1f} s "
            f"({rate:,.0f} rows/s)."
        )
