"""An event's hub on a phone (390×844) and a laptop (1366×900): reached from the events list
by keyboard, its releases in order, back from a release to its event; the list and the hub
valid (Nu Html Checker) and accessible (axe) in all four languages. Screenshots, a share
card among them, in test-artifacts/."""

import datetime
import json
import urllib.request

import pytest

from press.models import Occasion, Status
from tests.browser.judges import axe_violations, require_judges, vnu_errors
from tests.support import make_release

pytestmark = pytest.mark.browser

PHONE_390 = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 900}
LANGUAGES = ["uz", "uz-cyrl", "ru", "en"]


@pytest.fixture
def summit(site):
    event = Occasion.objects.create(
        slug="tashkent-talks-week",
        name_uz="Toshkent muzokaralari haftasi", name_uz_cyrl="Тошкент музокаралари ҳафтаси",
        name_ru="Неделя ташкентских переговоров", name_en="Tashkent talks week",
        description_uz="<p>Qirgʻiziston bilan bir hafta davom etgan muzokaralar.</p>",
        description_uz_cyrl="<p>Қирғизистон билан бир ҳафта давом этган музокаралар.</p>",
        description_ru="<p>Неделя переговоров с Кыргызстаном.</p>",
        description_en="<p>A week of talks with Kyrgyzstan.</p>",
        place_uz="Toshkent", place_uz_cyrl="Тошкент", place_ru="Ташкент", place_en="Tashkent",
        starts_on=datetime.date(2022, 1, 1), ends_on=datetime.date(2022, 1, 15),
    )  # fmt: skip
    site["full"].occasions.add(event)
    for release in site["kyrgyz"][:3]:
        release.occasions.add(event)
    make_release(title="Secret draft", status=Status.DRAFT, occasions=[event])
    return event


def tab_to(page, name, *, limit=150):
    """Presses Tab until the focused element is a link named ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.tagName, document.activeElement.textContent.trim()"
            ".replace(/\\s+/g, ' ')]"
        )
        if focused == ["A", name]:
            return
    raise AssertionError(f"no link named {name!r} within {limit} presses of Tab")


def test_the_hub_on_a_phone_by_keyboard(live_server, site, summit, open_page, shot):
    page = open_page(PHONE_390)
    page.goto(live_server.url + "/ru/events/")
    assert page.locator("h1").inner_text() == "События"
    shot(page, "1-events-ru")
    tab_to(page, "Неделя ташкентских переговоров")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/events/tashkent-talks-week/")
    assert page.locator("h1").inner_text() == "Неделя ташкентских переговоров"
    cards = page.locator(".event-timeline > li .card__title")
    # In the order things happened: the 2021 talks, then Bishkek weeks 0, 1, 2.
    assert cards.all_inner_texts() == [
        "Tashkent talks [ru]", "Bishkek 00 [ru]", "Bishkek 01 [ru]", "Bishkek 02 [ru]",
    ]  # fmt: skip
    assert "Secret" not in page.content()
    assert page.get_by_role("heading", name="4 пресс-релиза").is_visible()
    # No sideways scrolling on a phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "2-hub-ru")
    tab_to(page, "Tashkent talks [ru]")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/ru/press/{site['full'].slug}/")
    tab_to(page, "Неделя ташкентских переговоров")
    shot(page, "3-release-links-its-event")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/events/tashkent-talks-week/")


def test_the_hub_on_a_laptop_with_photos_and_names(live_server, site, summit, open_page, shot):
    page = open_page(LAPTOP)
    page.goto(live_server.url + "/uz-cyrl/events/tashkent-talks-week/")
    assert page.locator("h1").inner_text() == "Тошкент музокаралари ҳафтаси"
    facts = page.locator(".event__facts").inner_text()
    assert "Қирғизистон" in facts and "Демо Вазир" in facts
    assert page.locator(".gallery__grid img").count() == 3
    # Facts beside the releases, not under them.
    releases = page.locator(".event__releases").bounding_box()
    aside = page.locator(".event__facts").bounding_box()
    assert aside["x"] > releases["x"] + releases["width"] - 1
    shot(page, "1-hub-uz-cyrl")
    card = page.context.new_page()
    card.goto(live_server.url + f"/uz-cyrl/press/{site['full'].slug}/card.png")
    shot(card, "2-share-card-uz-cyrl")


def test_events_pages_are_valid_and_accessible_in_every_language(
    live_server, site, summit, open_page, shot, tmp_path
):
    require_judges()
    phone = open_page(PHONE_390, bypass_csp=True)
    laptop = open_page(LAPTOP, bypass_csp=True)
    files, violations = [], {}
    for lang in LANGUAGES:
        for name, path in (
            ("events", f"/{lang}/events/"),
            ("hub", f"/{lang}/events/tashkent-talks-week/"),
        ):
            url = live_server.url + path
            with urllib.request.urlopen(url) as response:
                assert response.status == 200
                (tmp_path / f"{name}-{lang}.html").write_bytes(response.read())
            files.append(tmp_path / f"{name}-{lang}.html")
            for label, page in (("phone", phone), ("laptop", laptop)):
                page.goto(url)
                found = axe_violations(page)
                if found:
                    violations[f"{name}-{lang}-{label}"] = found
            shot(phone, f"{name}-{lang}")
    errors = vnu_errors(files)
    assert not errors, json.dumps(errors, indent=1, ensure_ascii=False)
    assert not violations, json.dumps(violations, indent=1, ensure_ascii=False)
