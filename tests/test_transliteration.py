"""Uzbek Latin ↔ Cyrillic: the hard cases, HTML safety, and what is never touched."""

from pathlib import Path

import pytest

from press.text import sanitize_html
from press.transliteration import (
    CYRILLIC_TO_LATIN,
    LATIN_TO_CYRILLIC,
    cyrillic_to_latin,
    latin_to_cyrillic,
    transliterate_html,
)

# The real release from devdata/samples/, as published (ASCII apostrophes).
SAMPLES = Path(__file__).resolve().parent.parent / "devdata" / "samples"
SAMPLE = SAMPLES / "uz-latn-minister-meeting-2020-11-05.txt"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        # oʻ/gʻ and the tutuq belgisi, whatever apostrophe was typed
        ("O'zbekiston", "Ўзбекистон"),
        ("Oʻzbekiston", "Ўзбекистон"),
        ("O‘zbekiston", "Ўзбекистон"),
        ("O’zbekiston", "Ўзбекистон"),
        ("tog'", "тоғ"),
        ("ma'lum", "маълум"),
        ("maʼlum", "маълум"),
        ("sa'y-harakatlar", "саъй-ҳаракатлар"),
        # s'h is two letters, not ш
        ("Is'hoq", "Исҳоқ"),
        # e/э and ye/е at the start of a word
        ("elchi", "элчи"),
        ("Yevropa", "Европа"),
        ("yetakchi", "етакчи"),
        # я/ь in month names, ц in loanwords
        ("sentabr", "сентябрь"),
        ("oktabr", "октябрь"),
        ("yanvar", "январь"),
        ("sirk", "цирк"),
        ("konsert", "концерт"),
        ("aksiya", "акция"),
        ("investitsiya", "инвестиция"),
        ("Federatsiyasi", "Федерацияси"),
        ("premyer", "премьер"),
        # dates: Cyrillic writes them without the hyphen; ordinals keep it
        ("2020-yilning 5-noyabr kuni", "2020 йилнинг 5 ноябрь куни"),
        ("5-son", "5-сон"),
        # one-letter words, which the library alone drops
        ("u va a, b", "у ва а, б"),
        # capitals
        ("Toshkent", "Тошкент"),
        ("O'ZBEKISTON RESPUBLIKASI", "ЎЗБЕКИСТОН РЕСПУБЛИКАСИ"),
        # Uzbek abbreviations are transliterated; Latin codes are not
        ("AQSh va BMT", "АҚШ ва БМТ"),
        ("TIV rahbarlari", "ТИВ раҳбарлари"),
        ("COVID-19 pandemiyasi", "COVID-19 пандемияси"),
        ("UNESCO va YuNISEF", "UNESCO ва ЮНИСЕФ"),
        ("XXI asr", "XXI аср"),
        ("G20 sammiti", "G20 саммити"),
        ("Emmanuel Macron", "Эммануэл Macron"),
    ],
)
def test_latin_to_cyrillic(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Ўзбекистон", "Oʻzbekiston"),
        ("маълум", "maʼlum"),
        ("Исҳоқ", "Isʼhoq"),
        ("Европа", "Yevropa"),
        ("элчи", "elchi"),
        ("сентябрь", "sentabr"),
        ("цирк", "sirk"),
        ("Федерацияси", "Federatsiyasi"),
        ("2020 йил 5 ноябрь", "2020-yil 5-noyabr"),
        ("ЁШЛАР", "YOSHLAR"),
        ("АҚШ ва БМТ", "AQSh va BMT"),
        ("COVID-19 пандемияси", "COVID-19 pandemiyasi"),
        ("у ва я", "u va ya"),
    ],
)
def test_cyrillic_to_latin(cyrillic, latin):
    assert cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize(
    "kept",
    [
        "https://mfa.uz/uz/press/news/2020/11/",
        "http://www.un.org/en/",
        "www.gov.uz",
        "mfa.uz",
        "info@mfa.uz",
        "press.service@mfa.gov.uz",
        "@UzbekMFA",
        "#Uzbekistan",
    ],
)
@pytest.mark.parametrize("convert", [latin_to_cyrillic, cyrillic_to_latin])
def test_urls_emails_and_handles_are_never_touched(kept, convert):
    text = convert(f"Batafsil: {kept}, rahmat.")
    assert kept in text


def test_spacing_and_punctuation_are_kept():
    text = "Vazir:  «Hamkorlik»  —\n\tdavom etadi!  (2020)"
    assert latin_to_cyrillic(text) == "Вазир:  «Ҳамкорлик»  —\n\tдавом этади!  (2020)"


def test_html_tags_attributes_and_entities_stay_as_they_are():
    html = (
        '<p>Vazir <a href="https://mfa.uz/uz/" title="Sayt" hreflang="uz">sayt</a> &amp; '
        "<strong>O'zbekiston</strong> 1 &lt; 2<br>yangi</p>"
        "<ul><li>savdo</li></ul><!-- izoh -->"
    )
    assert transliterate_html(html, LATIN_TO_CYRILLIC) == (
        '<p>Вазир <a href="https://mfa.uz/uz/" title="Sayt" hreflang="uz">сайт</a> &amp; '
        "<strong>Ўзбекистон</strong> 1 &lt; 2<br>янги</p>"
        "<ul><li>савдо</li></ul><!-- izoh -->"
    )


def test_html_that_looks_like_text_is_not_created():
    html = "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
    result = transliterate_html(html, LATIN_TO_CYRILLIC)
    assert "<script>" not in result and result == sanitize_html(result)


def test_sanitised_body_stays_sanitised_both_ways():
    html = sanitize_html(
        '<h2>Natijalar</h2><p>Qo\'shma <em>bayonot</em> <a href="https://mfa.uz">mfa.uz</a></p>'
        "<table><tbody><tr><td>Savdo</td></tr></tbody></table>"
    )
    cyrillic = transliterate_html(html, LATIN_TO_CYRILLIC)
    assert sanitize_html(cyrillic) == cyrillic
    assert "<h2>Натижалар</h2>" in cyrillic and "Қўшма" in cyrillic
    assert transliterate_html(cyrillic, CYRILLIC_TO_LATIN) == html.replace("'", "ʻ")


def test_the_sample_release_goes_there_and_back():
    latin = SAMPLE.read_text(encoding="utf-8")
    cyrillic = latin_to_cyrillic(latin)
    assert "Ўзбекистон Республикаси ва Қирғиз Республикаси ташқи ишлар вазирларининг" in cyrillic
    assert "2020 йилнинг 5 ноябрь куни" in cyrillic
    assert "ТИВ раҳбарлари" in cyrillic
    assert not any("a" <= ch.lower() <= "z" for ch in cyrillic)
    # Back to Latin: the same text, with the standard apostrophes (ʻ in oʻ/gʻ, ʼ elsewhere).
    expected = latin.replace("o'", "oʻ").replace("O'", "Oʻ").replace("g'", "gʻ").replace("'", "ʼ")
    assert cyrillic_to_latin(cyrillic) == expected
    assert cyrillic_to_latin(cyrillic).count("\n") == latin.count("\n")


def test_empty_and_none_pass_through():
    assert latin_to_cyrillic("") == "" and cyrillic_to_latin("") == ""
    assert transliterate_html("", LATIN_TO_CYRILLIC) == ""
