"""What a visitor on a phone does: filter, page through, read, switch language, search,
open a photo. Each step leaves a screenshot in test-artifacts/."""

import re

import pytest

from tests.browser.conftest import DESKTOP

pytestmark = pytest.mark.browser


def titles(page):
    return page.locator(".results .card__title a").all_inner_texts()


def test_filter_by_country_and_dates_then_follow_pagination(live_server, site, open_page, shot):
    page = open_page()
    page.goto(f"{live_server.url}/en/press/")
    # On a phone the filters start folded, under "Filter": the results come first.
    assert not page.get_by_label("Kyrgyzstan").is_visible()
    page.get_by_text("Filter", exact=True).click()
    page.get_by_label("Kyrgyzstan").check()
    page.get_by_role("group", name="From", exact=True).get_by_label("Day").fill("1")
    page.get_by_role("group", name="From", exact=True).get_by_label("Month").fill("1")
    page.get_by_role("group", name="From", exact=True).get_by_label("Year").fill("2022")
    page.get_by_role("group", name="To", exact=True).get_by_label("Day").fill("31")
    page.get_by_role("group", name="To", exact=True).get_by_label("Month").fill("12")
    page.get_by_role("group", name="To", exact=True).get_by_label("Year").fill("2022")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"country=KG"))
    assert "date_from_year=2022" in page.url and "date_to_day=31" in page.url
    assert page.locator("#results-heading").inner_text() == (
        "25 releases about Kyrgyzstan, 1 January – 31 December 2022"
    )
    first = titles(page)
    assert len(first) == 20 and all(t.startswith("Bishkek") for t in first)
    shot(page, "1-filtered")

    page.get_by_role("link", name="Next").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "country=KG" in page.url and "date_from_year=2022" in page.url
    second = titles(page)
    assert len(second) == 5 and not set(first) & set(second)
    # The form (folded on a phone) still holds the filters chosen; the chips say them.
    assert page.locator("#id_date_from_year").input_value() == "2022"
    assert page.get_by_role("link", name="Remove filter: Kyrgyzstan").is_visible()
    shot(page, "2-page-two")

    page.get_by_role("link", name="Previous").click()
    page.wait_for_url(re.compile(r"page=1"))
    assert titles(page) == first


def test_read_a_release_then_switch_language_to_the_same_release(
    live_server, site, open_page, shot
):
    page = open_page()
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("link", name="Tashkent talks [en]").first.click()
    slug = site["full"].slug
    page.wait_for_url(f"**/en/press/{slug}/")
    assert page.locator("h1").inner_text() == "Tashkent talks [en]"
    shot(page, "1-release-en")

    page.locator(".lang-switcher").get_by_role("link", name="Русский").click()
    page.wait_for_url(f"**/ru/press/{slug}/")
    assert page.locator("h1").inner_text() == "Tashkent talks [ru]"
    assert page.locator("html").get_attribute("lang") == "ru"
    shot(page, "2-release-ru")

    page.locator(".lang-switcher").get_by_role("link", name="Ўзбекча").click()
    page.wait_for_url(f"**/uz-cyrl/press/{slug}/")
    assert page.locator("html").get_attribute("lang") == "uz-Cyrl"
    # The share links are plain links; the address is there to copy without script.
    assert page.locator("#share-url").input_value().endswith(f"/uz-cyrl/press/{slug}/")
    assert page.locator(".share__links a[href^='https://t.me/share/url?']").count() == 1


def test_search_from_the_header(live_server, site, open_page, shot):
    page = open_page()
    page.goto(f"{live_server.url}/ru/press/")
    page.get_by_role("searchbox").fill("Tashkent talks")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ru/search/\?q=Tashkent"))
    assert "Tashkent talks [ru]" in titles(page)
    shot(page, "search")


def test_open_a_photo_from_the_gallery(live_server, site, open_page, shot):
    page = open_page(DESKTOP)
    page.goto(f"{live_server.url}/en/press/{site['full'].slug}/")
    gallery = page.locator(".gallery a.photo-link")
    assert gallery.count() == 2
    assert page.locator(".lead-photo figcaption").inner_text().startswith("Caption 0 [en]")
    shot(page, "1-release-desktop")
    # The photo the link opens, not whichever lazy rendition (AVIF, WebP) arrives first.
    href = gallery.first.get_attribute("href")
    with page.expect_response(lambda r: r.url.endswith(href)) as photo:
        gallery.first.click()
    assert photo.value.status == 200
    assert photo.value.headers["content-type"] == "image/jpeg"
    page.wait_for_load_state()
    assert page.url.endswith(".jpg")
    shot(page, "2-photo")


def test_keyboard_skip_link_and_filters(live_server, site, open_page):
    page = open_page()
    page.goto(f"{live_server.url}/uz/press/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    box = skip.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0  # visible when focused
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")  # the jump to the fragment may land after press() returns
    # The folded filters open from the keyboard, and focus is visible on their controls.
    page.locator(".filters summary").focus()
    page.keyboard.press("Enter")
    field = page.locator("#id_kind input:checked")  # "Any kind", a radio button
    field.focus()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.press("ArrowDown")  # pick the first kind without a mouse
    chosen = page.locator("#id_kind input:checked").get_attribute("value")
    assert chosen
    page.locator("#id_q").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"kind={chosen}"))
