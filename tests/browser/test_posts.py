"""On a phone, by keyboard alone: a post page, a holder's official page, back through the
official's timeline, and the post's feed as a browser shows it. Screenshots in
test-artifacts/."""

import datetime

import pytest

from press.models import Appointment, Person

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}


def tab_to(page, name, *, limit=120):
    """Presses Tab until the focused element is a link named ``name``; fails if it never is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.tagName, document.activeElement.textContent.trim()"
            ".replace(/\\s+/g, ' ')]"
        )
        if focused == ["A", name]:
            return
    raise AssertionError(f"no link named {name!r} within {limit} presses of Tab")


def test_post_to_holder_and_back_through_the_timeline_by_keyboard(
    live_server, site, open_page, shot
):
    minister = site["minister"]
    successor = Person.objects.create(
        slug="successor", name_uz="Yangi Vazir", name_uz_cyrl="Янги Вазир",
        name_ru="Новый Министр", name_en="New Minister",
    )  # fmt: skip
    Appointment.objects.create(
        person=successor, post=minister.post, started_on=datetime.date(2022, 7, 1)
    )
    post_path = f"/ru/posts/{minister.post.slug}/"
    page = open_page(PHONE_390)
    page.goto(live_server.url + post_path)
    assert page.locator("h1").inner_text().startswith("Министр иностранных дел")
    holders = page.locator(".holders > li")
    assert holders.count() == 2
    assert holders.nth(0).inner_text().startswith("Новый Министр")  # in office: first
    assert "В должности" in holders.nth(0).inner_text()
    assert holders.nth(1).inner_text().startswith("Демо Министр")
    shot(page, "1-post-ru")

    tab_to(page, "Демо Министр")
    shot(page, "2-holder-focused")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/officials/demo-minister/")
    timeline = page.locator("ol.timeline > li")
    assert timeline.count() == 1
    assert "1 января 2020 г." in timeline.first.inner_text()
    shot(page, "3-official-timeline")

    tab_to(page, "Министр иностранных дел, Узбекистан")
    page.keyboard.press("Enter")
    page.wait_for_url("**" + post_path)
    assert page.locator(".holders > li").count() == 2
    shot(page, "4-back-on-the-post")

    # The Follow block's RSS link opens the feed, which the browser shows as a page.
    tab_to(page, "RSS")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ru/posts/{minister.post.slug}/feed.rss")
    page.wait_for_selector("h1")
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.get_by_role("heading", name="Что это и как на это подписаться").is_visible()
    assert page.get_by_role("link", name="Tashkent talks [ru]").is_visible()
    assert "/ru/posts/" in page.locator(".address").inner_text()
    shot(page, "5-feed-explained")
