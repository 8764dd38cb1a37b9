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


def load(**options) -> str:
    out = StringIO()
    call_command("load_countries", stdout=out, **options)
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
def test_load_keeps_an_editor_s_name_and_active(uzbekistan):
    # A row the command never loaded (an editor's): its names are kept, empty ones filled.
    uzbekistan.name_ru = "Узбекистон"
    uzbekistan.name_uz_cyrl = ""
    uzbekistan.active = False
    uzbekistan.save()
    assert load() == f"{len(ENTRIES) - 1} created, 1 updated, 0 unchanged.\n"
    uzbekistan.refresh_from_db()
    assert uzbekistan.name_ru == "Узбекистон" and uzbekistan.name_uz_cyrl == "Ўзбекистон"
    assert uzbekistan.active is False  # editors' choice, not the fixture's


def reviewed(tmp_path, **names_by_code):
    """A copy of the fixture with some names changed, as a later review would."""
    entries = [{**e, **names_by_code.get(e["code"], {})} for e in ENTRIES]
    path = tmp_path / "countries.json"
    path.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_a_reviewed_fixture_changes_only_what_no_editor_changed(tmp_path):
    load()
    edited = Country.objects.get(code="KG")
    edited.name_en = "Kyrgyz Republic"  # an editor's choice
    edited.save()
    fixture = reviewed(
        tmp_path,
        KG={"name_en": "Kyrgyzstan (reviewed)", "name_uz_cyrl": "Қирғизистон Республикаси"},
        KZ={"name_ru": "Республика Казахстан"},
    )
    assert load(fixture=fixture) == f"0 created, 2 updated, {len(ENTRIES) - 2} unchanged.\n"
    kyrgyzstan = Country.objects.get(code="KG")
    assert kyrgyzstan.name_en == "Kyrgyz Republic"  # kept
    assert kyrgyzstan.name_uz_cyrl == "Қирғизистон Республикаси"  # never edited: follows
    assert Country.objects.get(code="KZ").name_ru == "Республика Казахстан"
    assert load(fixture=fixture) == f"0 created, 0 updated, {len(ENTRIES)} unchanged.\n"


@pytest.mark.django_db
def test_load_shows_its_names_on_the_site_at_once(client, tmp_path):
    load()
    assert "Узбекистан" in client.get("/ru/press/").content.decode()  # the form keeps it
    load(fixture=reviewed(tmp_path, UZ={"name_ru": "Республика Узбекистан"}))
    assert "Республика Узбекистан" in client.get("/ru/press/").content.decode()


@pytest.mark.django_db
def test_contested_territories_start_inactive_and_editors_decide_after():
    load()
    assert not Country.objects.get(code="EH").active and not Country.objects.get(code="TW").active
    assert Country.objects.get(code="KG").active
    Country.objects.filter(code="TW").update(active=True)
    load()
    assert Country.objects.get(code="TW").active


@pytest.mark.parametrize(
    "code, names",
    [
        ("KG", ["Qirgʻiziston", "Қирғизистон", "Кыргызстан", "Kyrgyzstan"]),
        ("BY", ["Belarus", "Беларусь", "Беларусь", "Belarus"]),
        ("AE", [None, None, "Объединённые Арабские Эмираты", None]),
        ("KR", ["Koreya Respublikasi", "Корея Республикаси", "Республика Корея", None]),
        ("KN", [None, None, None, "Saint Kitts and Nevis"]),
    ],
)
def test_names_as_the_ministry_writes_them(code, names):
    for field, name in zip(NAMES, names, strict=True):
        if name is not None:
            assert BY_CODE[code][field] == name


def test_no_english_name_abbreviates():
    assert not [e["code"] for e in ENTRIES if "&" in e["name_en"] or "St. " in e["name_en"]]


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
