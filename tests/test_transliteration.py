"""Uzbek Latin ↔ Cyrillic: the hard cases, HTML safety, and what is never touched."""

from pathlib import Path

import pytest

from press.text import sanitize_html
from press.transliteration import (
    ABBREVIATIONS,
    CYRILLIC_TO_LATIN,
    LATIN_TO_CYRILLIC,
    LOANWORDS,
    LOANWORDS_LATIN,
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
    ("latin", "cyrillic"),
    [
        # ь at the end of a bare loanword, not before a suffix (the Cyrillic orthography rules)
        ("sentabr", "сентябрь"),
        ("sentabrda", "сентябрда"),
        ("oktabrdan", "октябрдан"),
        ("2024-yil 1-oktabrdan", "2024 йил 1 октябрдан"),
        ("medal", "медаль"),
        ("medallar", "медаллар"),
        ("Kreml", "Кремль"),
        ("Kremlda", "Кремлда"),
        ("Bryusselda", "Брюсселда"),
        ("rolini", "ролини"),
        ("filmlari", "фильмлари"),  # ь inside the word stays
        # ц, written s or ts, with suffixes after it
        ("sementni", "цементни"),
        ("konsertlarida", "концертларида"),
        ("aksiyadorlik", "акциядорлик"),
        ("Shveysariyaga", "Швейцарияга"),
        # spellings editors type
        ("sentyabrda", "сентябрда"),
        ("tsement", "цемент"),
        ("federasiya", "федерация"),
        ("kontsert", "концерт"),
        # general rules for words the list lacks: -ksiya is -кция, a word-initial ts is ц
        ("induksiyasi", "индукцияси"),
        ("korreksiya", "коррекция"),
        ("tsitadel", "цитадел"),
        # capitals as typed
        ("1-SENTABRDAN BOSHLAB", "1 СЕНТЯБРДАН БОШЛАБ"),
        ("Medallar", "Медаллар"),
    ],
)
def test_loanwords_with_and_without_suffixes(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("сентябрда", "sentabrda"),
        ("Брюссель", "Bryussel"),
        ("Брюсселда", "Bryusselda"),
        ("цементни", "sementni"),
        ("пациентлар", "patsiyentlar"),
        ("мўътадил", "moʻtadil"),
        ("Цюрихда", "Syurixda"),
    ],
)
def test_loanwords_back_to_their_standard_latin(cyrillic, latin):
    assert cyrillic_to_latin(cyrillic) == latin


@pytest.mark.parametrize("word", ["sirka", "pulsiz", "nolimoq", "rolik"])
def test_a_word_that_only_begins_like_a_loanword_is_spelt_by_its_letters(word):
    # UzTransliterator alone matches its list against any start of a word (sirka → цирка).
    assert (
        latin_to_cyrillic(word)
        == {
            "sirka": "сирка",
            "pulsiz": "пулсиз",
            "nolimoq": "нолимоқ",
            "rolik": "ролик",
        }[word]
    )


def test_every_loanword_drops_its_final_soft_sign_before_a_suffix_and_goes_back():
    for latin, cyrillic in LOANWORDS.items():
        if LOANWORDS_LATIN[cyrillic] != latin:
            continue  # a variant spelling: Cyrillic goes back to the standard one
        standard = latin.replace("o'", "oʻ").replace("g'", "gʻ").replace("'", "ʼ")
        assert latin_to_cyrillic(latin) == cyrillic
        assert latin_to_cyrillic(latin + "lardan") == cyrillic.removesuffix("ь") + "лардан"
        assert cyrillic_to_latin(cyrillic) == standard
        assert cyrillic_to_latin(cyrillic.removesuffix("ь") + "да") == standard + "da"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("BMTning", "БМТнинг"),
        ("AQShga", "АҚШга"),
        ("ShHTda", "ШҲТда"),
        ("YeIga", "ЕИга"),
        ("MDHning", "МДҲнинг"),
        ("YuNESKOning", "ЮНЕСКОнинг"),
        ("NATOga", "НАТОга"),
        ("KXShTga", "КХШТга"),  # not in the list: an Uzbek abbreviation by its spelling
        ("OʻzA", "ЎзА"),
        ("kVt", "кВт"),
        # Latin codes stay in Latin; the suffix after them is converted, in lower case
        ("UNESCOning", "UNESCOнинг"),
        ("COVID-19dan", "COVID-19дан"),
        ("G20ga", "G20га"),
    ],
)
def test_abbreviations_with_suffixes_both_ways(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic
    assert cyrillic_to_latin(cyrillic) == latin


def test_every_listed_abbreviation_goes_both_ways_with_a_suffix():
    for latin, cyrillic in ABBREVIATIONS.items():
        standard = latin.replace("'", "ʻ")
        assert latin_to_cyrillic(f"{latin} {latin}ning") == f"{cyrillic} {cyrillic}нинг"
        assert cyrillic_to_latin(f"{cyrillic} {cyrillic}нинг") == f"{standard} {standard}ning"


def test_cyrillic_capitals_are_abbreviations_in_running_text_and_words_in_a_heading():
    assert cyrillic_to_latin("ЮНЕСКО ва ШҲТ вакиллари") == "YuNESKO va ShHT vakillari"
    assert cyrillic_to_latin("ЯШИЛ ИҚТИСОДИЁТ") == "YASHIL IQTISODIYOT"


@pytest.mark.parametrize(
    ("latin", "cyrillic"),
    [
        ("100 mln USD", "100 млн USD"),
        ("5 mlrd so'm (UZS)", "5 млрд сўм (UZS)"),
        ("EUR va RUB", "EUR ва RUB"),
        ("ISO 9001 sertifikati", "ISO 9001 сертификати"),
        ("5G tarmog'i", "5G тармоғи"),
        ("«C5+1» formati", "«C5+1» формати"),
        ("COP29 va EXPO-2025", "COP29 ва EXPO-2025"),
        ("IT-park", "IT-парк"),
        ("500 MVt", "500 МВт"),
    ],
)
def test_currency_and_other_codes_stay_in_latin(latin, cyrillic):
    assert latin_to_cyrillic(latin) == cyrillic
    assert cyrillic_to_latin(cyrillic) == latin.replace("'", "ʻ")


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
