import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from press.management.commands.load_countries import FIXTURE
from press.models import Country, CountryKind

ENTRIES = json.loads(FIXTURE.read_text(encoding="utf-8"))
BY_CODE = {e["code"]: e for e in ENTRIES}
NAMES = ["name_uz", "name_uz_cyrl", "name_ru", "name_en"]
ORGANISATIONS = set("UN SCO CIS EU OSCE OIC CICA OTS EAEU CSTO UNESCO WTO".split())


def load() -> str:
    out = StringIO()
    call_command("load_countries", stdout=out)
    return out.getvalue()


def test_fixture_has_every_iso_country_and_the_organisations():
    countries = [e for e in ENTRIES if e["kind"] == CountryKind.COUNTRY]
    organisations = {e["code"] for e in ENTRIES if e["kind"] == CountryKind.ORGANISATION}
    assert len(countries) == 249
    assert all(re.fullmatch("[A-Z]{2}", e["code"]) for e in countries)
    assert all(re.fullmatch("[A-Z]{3}", e["iso3"]) for e in countries)
    assert "XK" not in BY_CODE  # Kosovo: CLDR has it, ISO 3166-1 does not
    assert organisations == ORGANISATIONS
    assert [e["code"] for e in ENTRIES] == sorted(BY_CODE)  # sorted, no duplicates
    assert len({e["slug"] for e in ENTRIES}) == len(ENTRIES)


def test_every_entry_is_named_in_every_language():
    for entry in ENTRIES:
        assert all(entry[name].strip() for name in NAMES), entry["code"]


def test_uzbek_latin_uses_the_modifier_letter_after_o_and_g():
    for entry in ENTRIES:
        assert not re.search("[oOgG]['\u2018\u2019\u02bc`]", entry["name_uz"]), entry
    assert BY_CODE["KZ"]["name_uz"] == "Qozog\u02bbiston"
    assert BY_CODE["US"]["name_uz"] == "Amerika Qo\u02bbshma Shtatlari"


@pytest.mark.parametrize(
    "code, names",
    [
        ("UZ", ["Oʻzbekiston", "Ўзбекистон", "Узбекистан", "Uzbekistan"]),
        ("DE", ["Germaniya", "Германия", "Германия", "Germany"]),
        ("SCO", ["Shanxay hamkorlik tashkiloti", "Шанхай ҳамкорлик ташкилоти", None, None]),
    ],
)
def test_names(code, names):
    for field, name in zip(NAMES, names, strict=True):
        if name is not None:
            assert BY_CODE[code][field] == name


@pytest.mark.django_db
def test_load_creates_every_entry():
    assert load() == f"{len(ENTRIES)} created, 0 updated, 0 unchanged.\n"
    uz = Country.objects.get(code="UZ")
    assert (uz.iso3, uz.slug, uz.kind) == ("UZB", "uzbekistan", CountryKind.COUNTRY)
    assert uz.name_uz_cyrl == "Ўзбекистон"
    assert Country.objects.get(code="UN").kind == CountryKind.ORGANISATION


@pytest.mark.django_db
def test_load_twice_changes_nothing():
    load()
    before = list(Country.objects.values())
    with CaptureQueriesContext(connection) as queries:
        assert load() == f"0 created, 0 updated, {len(ENTRIES)} unchanged.\n"
    assert len(queries) == 1  # the SELECT; nothing is written
    assert list(Country.objects.values()) == before


@pytest.mark.django_db
def test_load_is_a_handful_of_queries():
    with CaptureQueriesContext(connection) as queries:
        load()
    assert len(queries) < 10


@pytest.mark.django_db
def test_load_restores_a_changed_name_and_keeps_active(uzbekistan):
    uzbekistan.name_ru = "Узбекистон"
    uzbekistan.active = False
    uzbekistan.save()
    assert load() == f"{len(ENTRIES) - 1} created, 1 updated, 0 unchanged.\n"
    uzbekistan.refresh_from_db()
    assert uzbekistan.name_ru == "Узбекистан"
    assert uzbekistan.active is False  # editors' choice, not the fixture's


@pytest.mark.django_db
def test_load_shows_its_names_on_the_site_at_once(client, uzbekistan):
    uzbekistan.name_ru = "Узбекистон"
    uzbekistan.save()
    assert "Узбекистон" in client.get("/ru/press/").content.decode()  # the form keeps it
    load()
    html = client.get("/ru/press/").content.decode()
    assert "Узбекистан" in html and "Узбекистон" not in html


@pytest.mark.django_db
def test_load_keeps_countries_editors_added():
    kosovo = Country.objects.create(
        code="XK", slug="kosovo", name_uz="Kosovo", name_ru="Косово", name_en="Kosovo"
    )
    load()
    load()
    assert Country.objects.filter(pk=kosovo.pk).exists()
    assert Country.objects.count() == len(ENTRIES) + 1


@pytest.mark.django_db
def test_load_refuses_a_slug_an_editor_took():
    Country.objects.create(code="XX", slug="uzbekistan", name_uz="Test")
    with pytest.raises(CommandError, match="uzbekistan"):
        load()
    assert Country.objects.count() == 1
