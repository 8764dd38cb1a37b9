"""Issue 16's observations in Chromium, each in another admin language.

Item 1: a translator in the Russian admin adds Russian and English, the photo's description
and caption included, to a published release written in Uzbek, in one save. Item 7: an
author in the Uzbek Cyrillic admin chooses a photo and submits with an invalid date: the
error is beside its field and in view, everything typed and the photo are kept.
"""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone

from press import services
from press.models import Photo, Release, Status
from press.services.roles import setup_roles
from tests.browser.admin import change_path, fill, save, sign_in, type_body
from tests.browser.conftest import DESKTOP, photo_bytes
from tests.support import make_release, make_user

pytestmark = pytest.mark.browser

RU = {
    "title": "Министры встретились в Ташкенте",
    "lead": "Обсуждены торговля и транспорт.",
    "body": "Стороны подписали соглашение о торговле.",
    "place": "Ташкент",
    "alt": "Министры пожимают друг другу руки",
    "caption": "Ташкент, 3 декабря",
}
EN = {
    "title": "Ministers met in Tashkent",
    "lead": "Trade and transport were discussed.",
    "body": "The sides signed a trade agreement.",
    "place": "Tashkent",
    "alt": "The ministers shake hands",
    "caption": "Tashkent, 3 December",
}


def uzbek_release(user):
    """Published an hour ago in Uzbek (both scripts) only, with one photo described in
    both scripts; its first revision by ``user``."""
    release = make_release(
        title="Vazirlar",
        published_at=timezone.now() - datetime.timedelta(hours=1),
        title_uz="Vazirlar Toshkentda uchrashdi", body_uz="<p>Savdo kelishuvi imzolandi.</p>",
        title_uz_cyrl="Вазирлар Тошкентда учрашди", body_uz_cyrl="<p>Савдо келишуви имзоланди.</p>",
        lead_uz="Savdo va transport muhokama qilindi.", place_uz="Toshkent",
        lead_uz_cyrl="Савдо ва транспорт муҳокама қилинди.", place_uz_cyrl="Тошкент",
        title_ru="", body_ru="", title_en="", body_en="",
    )  # fmt: skip
    photo = Photo(
        release=release,
        is_lead=True,
        credit="TIV",
        alt_uz="Vazirlar qoʻl berib koʻrishmoqda",
        alt_uz_cyrl="Вазирлар қўл бериб кўришмоқда",
    )
    photo.image.save("uchrashuv.jpg", ContentFile(photo_bytes("#0b4f8a", "1")), save=False)
    photo.save()
    services.revision_create(release=release, user=user)
    return Release.objects.get(pk=release.pk)


def test_item_1_a_translator_adds_two_languages_and_the_photo_text_in_one_save(
    live_server, transactional_db, open_page, shot
):
    setup_roles()
    editor = make_user("bobur", "editor")
    make_user("olga", "translator", first_name="Olga", last_name="Petrova")
    release = uzbek_release(editor)
    path = change_path(release, "ru")
    page = open_page(DESKTOP)
    sign_in(page, live_server, "ru", "olga", path)
    # The Uzbek text is the source of a release that is out: not the translator's to change.
    assert page.locator("#id_title_uz").count() == 0
    assert "Vazirlar Toshkentda uchrashdi" in page.locator("#content").inner_text()

    for code, text in (("ru", RU), ("en", EN)):
        fill(page, f"id_title_{code}", text["title"])
        fill(page, f"id_lead_{code}", text["lead"])
        type_body(page, f"id_body_{code}", text["body"])
        fill(page, f"id_place_{code}", text["place"])
        fill(page, f"id_photos-0-alt_{code}", text["alt"])
        fill(page, f"id_photos-0-caption_{code}", text["caption"])
    shot(page, "1-typed-ru-admin")
    save(page)
    assert page.locator(".messagelist .success").count() == 1, page.locator("#content").inner_text()
    assert page.locator(".errorlist").count() == 0

    stored = Release.objects.get(pk=release.pk)
    photo = stored.photos.get()
    for code, text in (("ru", RU), ("en", EN)):
        assert getattr(stored, f"title_{code}") == text["title"]
        assert getattr(stored, f"lead_{code}") == text["lead"]
        assert getattr(stored, f"body_{code}") == f"<p>{text['body']}</p>"
        assert getattr(stored, f"place_{code}") == text["place"]
        assert getattr(photo, f"alt_{code}") == text["alt"]
        assert getattr(photo, f"caption_{code}") == text["caption"]
    # The Uzbek text and the photo are as they were; one save, one revision.
    assert stored.title_uz == "Vazirlar Toshkentda uchrashdi"
    assert photo.alt_uz == "Vazirlar qoʻl berib koʻrishmoqda"
    assert stored.status == Status.PUBLISHED
    assert [r.author.username for r in stored.revisions.order_by("number")] == ["bobur", "olga"]

    # The page that came back shows what was stored.
    for code, text in (("ru", RU), ("en", EN)):
        assert page.input_value(f"#id_title_{code}") == text["title"]
        assert page.input_value(f"#id_lead_{code}") == text["lead"]
        assert page.input_value(f"#id_place_{code}") == text["place"]
        assert page.input_value(f"#id_photos-0-alt_{code}") == text["alt"]
        assert page.input_value(f"#id_photos-0-caption_{code}") == text["caption"]
        assert page.eval_on_selector(f"#id_body_{code}", "t => t.value") == (
            f"<p>{text['body']}</p>"
        )
    shot(page, "2-saved-ru-admin")

    reader = open_page(DESKTOP)
    for code, text in (("ru", RU), ("en", EN)):
        reader.goto(f"{live_server.url}/{code}/press/{stored.slug}/")
        assert reader.locator("h1").inner_text() == text["title"]
        content = reader.locator("main").inner_text()
        assert text["lead"] in content and text["body"] in content and text["place"] in content
        assert reader.locator(f'main img[alt="{text["alt"]}"]').count() >= 1
        assert text["caption"] in content
        shot(reader, f"3-public-{code}")


def test_item_7_an_invalid_date_keeps_the_photo_and_shows_the_error_beside_it(
    live_server, transactional_db, open_page, shot
):
    setup_roles()
    make_user("aziza", "author", first_name="Aziza", last_name="Karimova")
    add = "/uz-cyrl/admin/press/release/add/"
    page = open_page(DESKTOP)
    sign_in(page, live_server, "uz-cyrl", "aziza", add)
    fill(page, "id_title_uz_cyrl", "Вазирлар Тошкентда учрашди")
    fill(page, "id_lead_uz_cyrl", "Савдо муҳокама қилинди.")
    type_body(page, "id_body_uz_cyrl", "Томонлар савдо келишувини имзолади.")
    fill(page, "id_place_uz_cyrl", "Тошкент")
    page.fill("#id_event_date", "31.02.2026")  # there is no 31 February
    page.click("#photos-group .add-row a")
    page.set_input_files(
        "#id_photos-0-image",
        {"name": "uchrashuv.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes("navy", "7")},
    )
    fill(page, "id_photos-0-alt_uz_cyrl", "Вазирлар қўл бериб кўришмоқда")
    page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
    assert Release.objects.count() == 0 and Photo.objects.count() == 0

    # The error is in the event date's own row, in Cyrillic, and in view.
    row = page.locator(".form-row.field-event_date")
    error = row.locator(".errorlist")
    assert error.count() == 1
    assert "сана" in error.inner_text().lower(), error.inner_text()
    first_error = page.locator("form .errorlist").first
    box = first_error.bounding_box()
    viewport = page.viewport_size
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"]
    assert page.evaluate("window.scrollY") > 0
    shot(page, "1-error-beside-the-date")

    # Everything typed is still there, and the photo is kept.
    assert page.input_value("#id_event_date") == "31.02.2026"
    assert page.input_value("#id_title_uz_cyrl") == "Вазирлар Тошкентда учрашди"
    assert page.input_value("#id_lead_uz_cyrl") == "Савдо муҳокама қилинди."
    assert page.input_value("#id_place_uz_cyrl") == "Тошкент"
    assert page.eval_on_selector("#id_body_uz_cyrl", "t => t.value") == (
        "<p>Томонлар савдо келишувини имзолади.</p>"
    )
    assert page.input_value("#id_photos-0-alt_uz_cyrl") == "Вазирлар қўл бериб кўришмоқда"
    kept = page.locator(".inline-related", has=page.locator("#id_photos-0-image"))
    assert "uchrashuv.jpg" in kept.locator("p.help", has_text="uchrashuv.jpg").inner_text()

    page.fill("#id_event_date", "25.11.2026")
    save(page)
    assert page.locator(".messagelist .success").count() == 1
    release = Release.objects.get()
    assert release.event_date == datetime.date(2026, 11, 25)
    assert release.title_uz_cyrl == "Вазирлар Тошкентда учрашди"
    photo = release.photos.get()
    assert photo.alt_uz_cyrl == "Вазирлар қўл бериб кўришмоқда"
    assert (Path(settings.MEDIA_ROOT) / photo.image.name).is_file()
    assert photo.image.storage.exists(photo.image.name)
    shot(page, "2-saved-with-the-photo")
