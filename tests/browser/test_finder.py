"""The finder by keyboard alone, on a phone (390×844) and a laptop (1366×900): two countries
chosen in the type-to-narrow lists, a date range typed in day, month and year boxes, focus
on the results' heading that says what was chosen, a chip removed, the next page.

Screenshots of each step land in test-artifacts/<test name>/.
"""

import re

import pytest

from press.models import Country

pytestmark = pytest.mark.browser

SMALL_PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}

# What each language shows: the heading after choosing Kyrgyzstan and Uzbekistan and 2022,
# what is typed to narrow the list to each country (the second in the other script: the
# search's fold makes them one), and the link to the next page.
WORDS = {
    "uz": {
        "heading": "Qirgʻiziston yoki Oʻzbekiston haqida 25 ta matbuot xabari, "
        "1-yanvar – 31-dekabr, 2022-yil",
        "after_chip": "Qirgʻiziston haqida 25 ta matbuot xabari, 1-yanvar – 31-dekabr, 2022-yil",
        "kyrgyzstan": "qirg",
        "uzbekistan": "ўзбек",
        "remove_uzbekistan": "Filtrni olib tashlash: Oʻzbekiston",
        "next": "Keyingi",
    },
    "ru": {
        "heading": "25 пресс-релизов: Кыргызстан или Узбекистан, 1 января – 31 декабря 2022 г.",
        "after_chip": "25 пресс-релизов: Кыргызстан, 1 января – 31 декабря 2022 г.",
        "kyrgyzstan": "кыргыз",
        "uzbekistan": "uzbek",
        "remove_uzbekistan": "Убрать фильтр: Узбекистан",
        "next": "Следующая",
    },
}


@pytest.fixture
def neighbours(transactional_db):
    """More countries, so that the list is long enough to scroll and to narrow."""
    names = [
        ("KZ", "Qozogʻiston", "Қозоғистон", "Казахстан", "Kazakhstan"),
        ("TJ", "Tojikiston", "Тожикистон", "Таджикистан", "Tajikistan"),
        ("TM", "Turkmaniston", "Туркманистон", "Туркменистан", "Turkmenistan"),
        ("AF", "Afgʻoniston", "Афғонистон", "Афганистан", "Afghanistan"),
        ("RU", "Rossiya", "Россия", "Россия", "Russia"),
        ("CN", "Xitoy", "Хитой", "Китай", "China"),
        ("TR", "Turkiya", "Туркия", "Турция", "Türkiye"),
        ("DE", "Germaniya", "Германия", "Германия", "Germany"),
        ("US", "AQSH", "АҚШ", "США", "United States"),
        ("IN", "Hindiston", "Ҳиндистон", "Индия", "India"),
    ]
    for code, uz, uz_cyrl, ru, en in names:
        Country.objects.create(
            code=code, slug=en.lower().replace(" ", "-"),
            name_uz=uz, name_uz_cyrl=uz_cyrl, name_ru=ru, name_en=en,
        )  # fmt: skip


def focused(page, selector: str) -> bool:
    return page.evaluate("s => document.activeElement?.matches(s) || false", selector)


def tab_to(page, selector: str, limit: int = 120):
    """Press Tab (no mouse) until the element matching ``selector`` has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page, selector):
            return
    raise AssertionError(f"{selector} never took the focus")


def heading(page) -> str:
    return page.locator("#results-heading").inner_text()


def assert_focus_on_results(page):
    page.wait_for_function("document.activeElement?.id === 'results-heading'")
    assert page.locator(".results__status[aria-live=polite] #results-heading").count() == 1


@pytest.mark.parametrize("lang", ["uz", "ru"])
@pytest.mark.parametrize("viewport", [SMALL_PHONE, LAPTOP], ids=["phone", "laptop"])
def test_filter_two_countries_and_dates_by_keyboard_then_remove_a_chip_and_page_on(
    live_server, site, neighbours, open_page, shot, lang, viewport
):
    words = WORDS[lang]
    page = open_page(viewport)
    page.goto(f"{live_server.url}/{lang}/press/")
    filters = page.locator("form.filters")
    results = page.locator(".results")
    if viewport is SMALL_PHONE:
        # Results first: the filters are folded under one line, "Filter".
        assert not page.locator("#id_country").is_visible()
        assert results.locator(".card").first.bounding_box()["y"] < viewport["height"]
        shot(page, f"{lang}-0-start")
        tab_to(page, "summary")
        page.keyboard.press("Enter")
    else:
        # Beside the results, open.
        assert page.locator("#id_country").is_visible()
        form_box, results_box = filters.bounding_box(), results.bounding_box()
        assert form_box["x"] + form_box["width"] <= results_box["x"]
        assert abs(form_box["y"] - results_box["y"]) < 40
        shot(page, f"{lang}-0-start")

    # Kyrgyzstan, narrowed to by its name, then Uzbekistan in the other script.
    tab_to(page, "#id_country_narrow")
    page.keyboard.type(words["kyrgyzstan"])
    assert page.locator("#id_country li:not([hidden])").count() == 1
    tab_to(page, "#id_country input[value=KG]")
    page.keyboard.press("Space")
    page.keyboard.press("Shift+Tab")
    assert focused(page, "#id_country_narrow")
    page.keyboard.press("Control+A")
    page.keyboard.type(words["uzbekistan"])
    # The chosen one stays in sight whatever is typed.
    visible = page.locator("#id_country li:not([hidden]) input")
    assert sorted(visible.evaluate_all("l => l.map(i => i.value)")) == ["KG", "UZ"]
    shot(page, f"{lang}-1-narrowed")
    tab_to(page, "#id_country input[value=UZ]")
    page.keyboard.press("Space")

    # 1 January to 31 December 2022, day first whatever the browser's locale.
    tab_to(page, "#id_date_from_day")
    for part in ("1", "1", "2022"):
        page.keyboard.type(part)
        page.keyboard.press("Tab")
    assert focused(page, "#id_date_to_day")
    for part in ("31", "12"):
        page.keyboard.type(part)
        page.keyboard.press("Tab")
    page.keyboard.type("2022")
    shot(page, f"{lang}-2-chosen")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"date_to_year=2022"))
    assert "country=KG" in page.url and "country=UZ" in page.url
    # Only what was chosen: no empty field in the address (static/js/site.js).
    assert not re.search(r"[?&][^=&]+=(&|$)", page.url), page.url
    assert "date_from_day=1&date_from_month=1&date_from_year=2022" in page.url
    assert_focus_on_results(page)
    assert heading(page) == words["heading"]
    chips = page.locator(".chips .chip")
    assert chips.count() == 4
    assert len(page.locator(".results .card").all()) == 20
    # The first result is on the first screen, under what was chosen.
    top = page.evaluate(
        "document.querySelector('.results .card').getBoundingClientRect().top + scrollY"
    )
    if viewport is SMALL_PHONE:
        assert top < viewport["height"]
        assert page.locator("summary").inner_text().endswith("(4)")
    shot(page, f"{lang}-3-filtered")

    # Next page, by keyboard: focus on the results again, the choices kept.
    tab_to(page, ".pagination a[rel=next]", limit=200)
    assert page.evaluate("document.activeElement.textContent") == words["next"]
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"page=2"))
    assert_focus_on_results(page)
    assert heading(page) == words["heading"]
    assert len(page.locator(".results .card").all()) == 5
    shot(page, f"{lang}-4-page-two")

    # Remove Uzbekistan: its chip is a link named "Remove filter: …".
    chip = page.get_by_role("link", name=words["remove_uzbekistan"])
    assert chip.count() == 1
    tab_to(page, f'.chip[href="{chip.get_attribute("href")}"]')
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "country=UZ" not in url)
    assert "country=KG" in page.url and "page=" not in page.url
    assert_focus_on_results(page)
    assert heading(page) == words["after_chip"]
    assert page.locator(".chips .chip").count() == 3
    shot(page, f"{lang}-5-chip-removed")


def test_a_wrong_date_is_said_beside_its_boxes_and_kept(live_server, site, open_page, shot):
    page = open_page(SMALL_PHONE)
    page.goto(f"{live_server.url}/ru/press/?date_from_day=31&date_from_month=2&date_from_year=2022")
    # The filters open on the error, which has the focus; what was typed is still there.
    assert focused(page, "#filter-errors")
    date_from = page.locator("fieldset:has(#id_date_from_day)")
    assert "Введите существующую дату." in date_from.inner_text()
    assert page.locator("#id_date_from_day").input_value() == "31"
    assert page.locator("#id_date_from_month").input_value() == "2"
    shot(page, "ru-wrong-date")
