"""Create or update Country rows from the reviewed fixture press/data/countries.json.

Keyed on ``code``. Rows the fixture does not name (added by editors) are left alone, and so
is ``active``, which editors set. Runs in a fixed number of queries, whatever the row count.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from press.models import Country
from press.site import page_cache

# Defined here, not in build_country_fixture, which needs Babel (a development dependency).
FIXTURE = Path(__file__).resolve().parents[2] / "data" / "countries.json"

FIELDS = ["iso3", "slug", "kind", "name_uz", "name_uz_cyrl", "name_ru", "name_en"]


class Command(BaseCommand):
    help = "Create or update countries and organisations from press/data/countries.json."

    def handle(self, *args, **options):
        entries = json.loads(FIXTURE.read_text(encoding="utf-8"))
        existing = Country.objects.in_bulk(field_name="code")
        slugs = {country.slug: code for code, country in existing.items()}

        new, changed = [], []
        for entry in entries:
            country = existing.get(entry["code"])
            if country is None:
                new.append(Country(code=entry["code"], **{f: entry[f] for f in FIELDS}))
            elif any(getattr(country, f) != entry[f] for f in FIELDS):
                for f in FIELDS:
                    setattr(country, f, entry[f])
                changed.append(country)
            # An editor's row may already use a slug the fixture wants; say which, not just
            # "UNIQUE constraint failed".
            owner = slugs.get(entry["slug"])
            if owner is not None and owner != entry["code"]:
                raise CommandError(f"Slug {entry['slug']!r} of {entry['code']} is used by {owner}.")

        # Nothing to write, no transaction: a second run is a single SELECT.
        if new or changed:
            # modeltranslation fills the untranslated "name" column from the active language;
            # make that the default one, as for rows created here.
            with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
                Country.objects.bulk_create(new)
                Country.objects.bulk_update(changed, [*FIELDS, "name"])
                # Bulk writes send no signals: make the pages and the names the site keeps
                # (the filter form's lists) stale as a save would.
                page_cache.invalidate()
                page_cache.invalidate(key=page_cache.NAMES_GENERATION_KEY)

        unchanged = len(entries) - len(new) - len(changed)
        self.stdout.write(f"{len(new)} created, {len(changed)} updated, {unchanged} unchanged.")
