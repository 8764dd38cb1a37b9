"""Create or update Country rows from the reviewed fixture press/data/countries.json.

Keyed on ``code``. Rows the fixture does not name (added by editors) are left alone, and so
is ``active``, which editors set (the fixture's ``"active": false`` only makes a contested
territory inactive when its row is created). A field an editor changed is never overwritten:
each row keeps what this command last wrote (``Country.fixture``), and only a field that
still holds it, or is empty, takes the fixture's new value. Comparing with what was loaded,
rather than flagging edits, sees every way of editing (the admin, its transliteration
action, the shell) without each having to remember to set a flag.
Runs in a fixed number of queries, whatever the row count.
"""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from press import search
from press.models import Country
from press.site import page_cache

# Defined here, not in build_country_fixture, which needs Babel (a development dependency).
FIXTURE = Path(__file__).resolve().parents[2] / "data" / "countries.json"

# Aliases (search's other names: BMT, ООН, UN) are followed like the names: an editor's own
# stay theirs. Most entries have none.
FIELDS = ["iso3", "slug", "kind", "name_uz", "name_uz_cyrl", "name_ru", "name_en", "aliases"]


def follow_fixture(country: Country, wanted: dict) -> bool:
    """Give ``country`` the fixture's values where no editor changed them (or they are
    empty), and remember them as loaded; return whether anything is to be written."""
    loaded = country.fixture or {}
    changed = loaded != wanted
    for field, value in wanted.items():
        current = getattr(country, field)
        # A field never loaded (the row is an editor's) is only filled, never replaced.
        if current != value and (not current or current == loaded.get(field, value)):
            setattr(country, field, value)
            changed = True
    country.fixture = wanted
    return changed


class Command(BaseCommand):
    help = "Create or update countries and organisations from press/data/countries.json."

    def add_arguments(self, parser):
        parser.add_argument(
            "--fixture", type=Path, default=FIXTURE, help="Another copy (a review in progress)."
        )

    def handle(self, *args, fixture=FIXTURE, **options):
        entries = json.loads(fixture.read_text(encoding="utf-8"))
        existing = Country.objects.in_bulk(field_name="code")
        slugs = {country.slug: code for code, country in existing.items()}

        new, changed = [], []
        for entry in entries:
            country = existing.get(entry["code"])
            wanted = {f: entry[f] if f != "aliases" else entry.get(f, "") for f in FIELDS}
            if country is None:
                active = entry.get("active", True)
                new.append(Country(code=entry["code"], active=active, fixture=wanted, **wanted))
            elif follow_fixture(country, wanted):
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
                Country.objects.bulk_update(changed, [*FIELDS, "name", "fixture"])
                # Bulk writes send no signals: make the pages and the names the site keeps
                # (the filter form's lists) stale as a save would.
                page_cache.invalidate(tags=(page_cache.ALL, page_cache.NAMES))
                search.names_changed()

        unchanged = len(entries) - len(new) - len(changed)
        self.stdout.write(f"{len(new)} created, {len(changed)} updated, {unchanged} unchanged.")
