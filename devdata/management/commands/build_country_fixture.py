"""Write press/data/countries.json from CLDR (through Babel), once.

CLDR is the only source with complete Uzbek Latin and Cyrillic country names. The fixture it
writes is reviewed by hand and committed; load_countries reads the fixture, so Babel is needed
only to run this.
"""

import json
import re

from babel import Locale
from babel.core import get_global
from django.core.management.base import BaseCommand, CommandError

from press.management.commands.load_countries import FIXTURE
from press.text import APOSTROPHES, make_slug

# Fixture column suffix -> CLDR locale.
LOCALES = {"uz": "uz", "uz_cyrl": "uz_Cyrl", "ru": "ru", "en": "en"}

# Codes CLDR names that ISO 3166-1 reserves "exceptionally" rather than assigns to a country:
# Ascension, Clipperton, Sark, Diego Garcia, Ceuta & Melilla, Canary Islands, Tristan da Cunha,
# European Union, Eurozone, United Nations. User-assigned codes (QO, XA, XB, XK Kosovo, ZZ)
# are left out by is_user_assigned().
EXCEPTIONALLY_RESERVED = {"AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN"}
ISO_COUNT = 249

# CLDR keeps the alpha-3 codes of dissolved or renamed countries as aliases of their successor
# (Burma, East Germany, Metropolitan France, East Timor, South Yemen, Zaire); skip them.
WITHDRAWN_ALPHA3 = {"BUR", "DDR", "FXX", "TMP", "YMD", "ZAR"}

# Where CLDR 47 is plainly wrong (typos, a wrong number); not a choice between names.
FIXES = {
    ("BW", "uz_cyrl"): "Ботсвана",  # CLDR: "Ботсванна"
    ("NF", "uz_cyrl"): "Норфолк ороли",  # CLDR: "islands"; Latin and Russian say "island"
    # CLDR: "… о-ва"; a state's official Russian name capitalises every word.
    ("MH", "ru"): "Маршалловы Острова",
    ("SB", "ru"): "Соломоновы Острова",
    ("SC", "ru"): "Сейшельские Острова",
}

# Where the ministry writes a name otherwise than CLDR: the official Russian "Кыргызстан", not
# "Киргизия"; full names where CLDR abbreviates ("ОАЭ"); "Koreya Respublikasi" and "Палестина"
# as Uzbekistan's diplomatic texts say them.
MINISTRY_NAMES = {
    ("KG", "ru"): "Кыргызстан",
    ("AE", "ru"): "Объединённые Арабские Эмираты",
    ("US", "ru"): "Соединённые Штаты Америки",
    ("US", "en"): "United States of America",
    ("BY", "uz_cyrl"): "Беларусь",
    ("KR", "uz"): "Koreya Respublikasi",
    ("KR", "uz_cyrl"): "Корея Республикаси",
    ("KR", "en"): "Republic of Korea",
    ("PS", "uz"): "Falastin",
    ("PS", "uz_cyrl"): "Фаластин",
    ("PS", "ru"): "Палестина",
    ("PS", "en"): "Palestine",
    ("SZ", "uz"): "Esvatini",
    ("SZ", "uz_cyrl"): "Эсватини",
    ("MM", "uz"): "Myanma",
    ("MM", "uz_cyrl"): "Мьянма",
    ("MM", "ru"): "Мьянма",
    ("MM", "en"): "Myanmar",
    ("CV", "en"): "Cabo Verde",
    ("VC", "en"): "Saint Vincent and the Grenadines",
}

# Territories whose status is disputed: created inactive, so that no editor names one by a
# slip; an editor may make one active (load_countries never changes ``active`` again).
CONTESTED = {"EH", "FK", "IO", "TW"}

# English CLDR names are short forms for menus ("St. Kitts & Nevis"); a release spells them out.
ENGLISH_ABBREVIATIONS = [(re.compile(r" & "), " and "), (re.compile(r"^St\. "), "Saint ")]

# Russian CLDR names are abbreviated for menus ("о-ва Кука"); a press release spells them out.
RUSSIAN_ABBREVIATIONS = [
    (re.compile(r"\bо-ва\b"), "острова"),
    (re.compile(r"\bо-в\b"), "остров"),
    (re.compile(r"\bСв\. "), "Святой "),
]

# An apostrophe after a letter: the oʻ/gʻ sign after o and g, the tutuq belgisi otherwise.
UZBEK_APOSTROPHE = re.compile(f"(?<=[^\\W\\d_])[{re.escape(APOSTROPHES)}]")

ORGANISATIONS = [
    # code, English, Uzbek Latin, Uzbek Cyrillic, Russian: the names the organisations and
    # Uzbekistan's own press use.
    (
        "UN",
        "United Nations",
        "Birlashgan Millatlar Tashkiloti",
        "Бирлашган Миллатлар Ташкилоти",
        "Организация Объединённых Наций",
    ),
    (
        "SCO",
        "Shanghai Cooperation Organisation",
        "Shanxay hamkorlik tashkiloti",
        "Шанхай ҳамкорлик ташкилоти",
        "Шанхайская организация сотрудничества",
    ),
    (
        "CIS",
        "Commonwealth of Independent States",
        "Mustaqil Davlatlar Hamdoʻstligi",
        "Мустақил Давлатлар Ҳамдўстлиги",
        "Содружество Независимых Государств",
    ),
    (
        "EU",
        "European Union",
        "Yevropa Ittifoqi",
        "Европа Иттифоқи",
        "Европейский союз",
    ),
    (
        "OSCE",
        "Organization for Security and Co-operation in Europe",
        "Yevropada xavfsizlik va hamkorlik tashkiloti",
        "Европада хавфсизлик ва ҳамкорлик ташкилоти",
        "Организация по безопасности и сотрудничеству в Европе",
    ),
    (
        "OIC",
        "Organisation of Islamic Cooperation",
        "Islom hamkorlik tashkiloti",
        "Ислом ҳамкорлик ташкилоти",
        "Организация исламского сотрудничества",
    ),
    (
        "CICA",
        "Conference on Interaction and Confidence-Building Measures in Asia",
        "Osiyoda hamkorlik va ishonch choralari boʻyicha kengash",
        "Осиёда ҳамкорлик ва ишонч чоралари бўйича кенгаш",
        "Совещание по взаимодействию и мерам доверия в Азии",
    ),
    (
        "OTS",
        "Organization of Turkic States",
        "Turkiy davlatlar tashkiloti",
        "Туркий давлатлар ташкилоти",
        "Организация тюркских государств",
    ),
    (
        "EAEU",
        "Eurasian Economic Union",
        "Yevroosiyo iqtisodiy ittifoqi",
        "Евроосиё иқтисодий иттифоқи",
        "Евразийский экономический союз",
    ),
    (
        "CSTO",
        "Collective Security Treaty Organization",
        "Kollektiv xavfsizlik shartnomasi tashkiloti",
        "Коллектив хавфсизлик шартномаси ташкилоти",
        "Организация Договора о коллективной безопасности",
    ),
    # Known everywhere by its acronym; the full name is too long for a list of countries.
    ("UNESCO", "UNESCO", "YuNESKO", "ЮНЕСКО", "ЮНЕСКО"),
    (
        "WTO",
        "World Trade Organization",
        "Jahon savdo tashkiloti",
        "Жаҳон савдо ташкилоти",
        "Всемирная торговая организация",
    ),
]


def is_user_assigned(code: str) -> bool:
    """ISO 3166-1 leaves AA, QM–QZ, XA–XZ and ZZ to users; CLDR uses some of them."""
    return code in ("AA", "ZZ") or "QM" <= code <= "QZ" or code.startswith("X")


def iso_codes(territories) -> list[str]:
    return sorted(
        code
        for code in territories
        if len(code) == 2
        and code.isalpha()
        and code not in EXCEPTIONALLY_RESERVED
        and not is_user_assigned(code)
    )


def alpha3_codes() -> dict[str, str]:
    """alpha-2 -> alpha-3, from the alpha-3 aliases CLDR maps to a single alpha-2 code."""
    alpha3 = {}
    for alias, targets in get_global("territory_aliases").items():
        if len(alias) != 3 or not alias.isalpha() or len(targets) != 1:
            continue  # numeric regions, old alpha-2 codes, splits like SUN -> 15 countries
        if alias in WITHDRAWN_ALPHA3:
            continue
        code = targets[0]
        if code in alpha3:
            raise CommandError(f"Two alpha-3 codes for {code}: {alpha3[code]} and {alias}.")
        alpha3[code] = alias
    return alpha3


def uzbek_apostrophes(name: str) -> str:
    # CLDR mixes ʻ, ‘ and ’ in Uzbek Latin; the search index and editors expect one each.
    def replace(match):
        return "\u02bb" if name[match.start() - 1] in "oOgG" else "\u02bc"

    return UZBEK_APOSTROPHE.sub(replace, name)


def spell_out_russian(name: str) -> str:
    for pattern, word in RUSSIAN_ABBREVIATIONS:
        name = pattern.sub(word, name)
    return name[0].upper() + name[1:]  # "о-в Мэн" -> "Остров Мэн"


def country_entries() -> list[dict]:
    names = {suffix: Locale.parse(loc).territories for suffix, loc in LOCALES.items()}
    codes = iso_codes(names["en"])
    if len(codes) != ISO_COUNT:
        raise CommandError(f"CLDR gave {len(codes)} ISO 3166-1 codes, not {ISO_COUNT}.")
    alpha3 = alpha3_codes()
    entries = []
    for code in codes:
        entry = {"code": code, "iso3": alpha3.get(code, ""), "kind": "country"}
        for suffix in LOCALES:
            entry[f"name_{suffix}"] = FIXES.get((code, suffix), names[suffix][code])
        # From CLDR's English name, before ours: an address, once made, stays.
        entry["slug"] = make_slug(entry["name_en"])
        entry["name_uz"] = uzbek_apostrophes(entry["name_uz"])
        entry["name_ru"] = spell_out_russian(entry["name_ru"])
        for pattern, words in ENGLISH_ABBREVIATIONS:
            entry["name_en"] = pattern.sub(words, entry["name_en"])
        for suffix in LOCALES:
            entry[f"name_{suffix}"] = MINISTRY_NAMES.get((code, suffix), entry[f"name_{suffix}"])
        if code in CONTESTED:
            entry["active"] = False
        entries.append(entry)
    return entries


def organisation_entries() -> list[dict]:
    return [
        {
            "code": code,
            "iso3": "",
            "kind": "organisation",
            "name_uz": uzbek_apostrophes(uz),
            "name_uz_cyrl": uz_cyrl,
            "name_ru": ru,
            "name_en": en,
        }
        for code, en, uz, uz_cyrl, ru in ORGANISATIONS
    ]


class Command(BaseCommand):
    help = "Build press/data/countries.json from CLDR (Babel). Run once; review the result."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite an existing fixture (it may hold reviewed corrections).",
        )

    def handle(self, *args, force=False, **options):
        if FIXTURE.exists() and not force:
            raise CommandError(f"{FIXTURE} exists and may have been reviewed; use --force.")
        entries = sorted(country_entries() + organisation_entries(), key=lambda e: e["code"])
        for entry in entries:
            entry.setdefault("slug", make_slug(entry["name_en"]))
        if len({e["code"] for e in entries}) != len(entries):
            raise CommandError("Duplicate codes.")
        if len({e["slug"] for e in entries}) != len(entries):
            raise CommandError("Duplicate slugs.")

        keys = ["code", "iso3", "slug", "kind", "name_uz", "name_uz_cyrl", "name_ru", "name_en"]
        # One entry per line, so a reviewer's change shows as a one-line diff.
        # "active" only where false: load_countries creates every other entry active.
        lines = [
            json.dumps({k: e[k] for k in (*keys, "active") if k in e}, ensure_ascii=False)
            for e in entries
        ]
        FIXTURE.parent.mkdir(exist_ok=True)
        FIXTURE.write_text("[\n" + ",\n".join(lines) + "\n]\n", encoding="utf-8")
        missing = [e["code"] for e in entries if e["kind"] == "country" and not e["iso3"]]
        self.stdout.write(
            f"Wrote {len(entries)} entries to {FIXTURE} "
            f"({len(entries) - len(ORGANISATIONS)} countries, {len(ORGANISATIONS)} organisations; "
            f"no alpha-3 for: {', '.join(missing) or 'none'})."
        )
