"""Issue 16 in Chromium: an author in the Uzbek Cyrillic admin types a release in Latin with a
photo, fills the Cyrillic with the form's button (the photo's description and caption too),
saves and submits; an editor in the English admin publishes it. And the pickers: Qozog' typed
with a plain apostrophe finds Qozogʻiston in the uz admin, and the Cyrillic admin's picker says
"nothing found" in Cyrillic."""

import pytest

from press.models import Country, Release, Status
from press.services.roles import setup_roles
from tests.browser.admin import show_tab, sign_in
from tests.browser.conftest import DESKTOP, photo_bytes
from tests.support import make_release, make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def people(transactional_db):
    setup_roles()
    return make_user("aziza", "author"), make_user("bobur", "editor")


def test_an_author_fills_cyrillic_with_the_photo_and_an_editor_publishes(
    live_server, people, open_page, shot
):
    author, editor = people
    page = open_page(DESKTOP)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    add = "/uz-cyrl/admin/press/release/add/"
    sign_in(page, live_server, "uz-cyrl", author.username, add)

    show_tab(page, "id_title_uz")
    page.fill("#id_title_uz", "Oʻzbekiston va Qirgʻiziston vazirlari uchrashdi")
    show_tab(page, "id_body_uz")
    body = page.locator("#id_body_uz").locator("xpath=..").locator(".ProseMirror[contenteditable]")
    body.click()
    page.keyboard.type("Tomonlar savdo masalalarini muhokama qildi.")
    page.fill("#id_event_date", "25.11.2026")
    page.click("#photos-group .add-row a")
    page.set_input_files(
        "#id_photos-0-image",
        {"name": "uchrashuv.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes("navy", "1")},
    )
    show_tab(page, "id_photos-0-alt_uz")
    page.fill("#id_photos-0-alt_uz", "Vazirlar qoʻl berib koʻrishmoqda")
    show_tab(page, "id_photos-0-caption_uz")
    page.fill("#id_photos-0-caption_uz", "Toshkent shahri")
    # A Cyrillic title typed already is kept: the author first declines to overwrite it.
    show_tab(page, "id_title_uz_cyrl")
    page.fill("#id_title_uz_cyrl", "Вазирлар учрашуви")
    page.once("dialog", lambda dialog: dialog.dismiss())

    page.click('#press-transliterate button[data-direction="lat-cyr"]')
    status = page.locator("#press-transliterate .press-transliterate-status")
    status.filter(has_text=": 3.").wait_for()
    assert "кирилл" in status.inner_text().lower()  # in the author's language
    assert page.input_value("#id_title_uz_cyrl") == "Вазирлар учрашуви"
    assert page.input_value("#id_body_uz_cyrl") == (
        "<p>Томонлар савдо масалаларини муҳокама қилди.</p>"
    )
    assert page.input_value("#id_photos-0-alt_uz_cyrl") == "Вазирлар қўл бериб кўришмоқда"
    assert page.input_value("#id_photos-0-caption_uz_cyrl") == "Тошкент шаҳри"
    assert page.is_checked('input[name="machine_translated"][value="uz-cyrl"]')
    show_tab(page, "id_photos-0-alt_uz_cyrl")
    show_tab(page, "id_body_uz_cyrl")
    shot(page, "1-filled-in-cyrillic")
    # Pressed again, and this time the author agrees to replace what was written.
    page.once("dialog", lambda dialog: dialog.accept())
    page.click('#press-transliterate button[data-direction="lat-cyr"]')
    status.filter(has_text=": 4.").wait_for()  # title, body, alt, caption
    title = "Ўзбекистон ва Қирғизистон вазирлари учрашди"
    assert page.input_value("#id_title_uz_cyrl") == title

    page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
    release = Release.objects.get()
    assert release.title_uz_cyrl == title
    assert release.body_uz_cyrl == "<p>Томонлар савдо масалаларини муҳокама қилди.</p>"
    assert release.machine_translated == ["uz-cyrl"]
    photo = release.photos.get()
    assert (photo.alt_uz_cyrl, photo.caption_uz_cyrl) == (
        "Вазирлар қўл бериб кўришмоқда",
        "Тошкент шаҳри",
    )
    shot(page, "2-saved")
    page.click('a[data-action="submit"]')
    page.click("input[type=submit].default")
    page.wait_for_load_state("networkidle")
    assert Release.objects.get().status == Status.SUBMITTED
    page.goto("about:blank")  # the author leaves: no more presence beats from that form

    page = open_page(DESKTOP)
    publish = f"/en/admin/press/release/{release.pk}/workflow/publish/"
    sign_in(page, live_server, "en", editor.username, publish)
    assert "names no country and no topic" in page.inner_text("#content")
    shot(page, "3-publish-in-english")
    page.click("input[type=submit].default")
    page.wait_for_load_state("networkidle")
    assert Release.objects.get().status == Status.PUBLISHED
    shot(page, "4-published")
    assert errors == []


@pytest.fixture
def kazakhstan(transactional_db):
    return Country.objects.create(
        code="KZ",
        iso3="KAZ",
        slug="kazakhstan",
        name_uz="Qozogʻiston",
        name_uz_cyrl="Қозоғистон",
        name_ru="Казахстан",
        name_en="Kazakhstan",
    )


def type_in_picker(page, row, text):
    page.click(f".field-{row} .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)


def test_the_country_picker_folds_and_speaks_cyrillic(
    live_server, people, kazakhstan, open_page, shot
):
    _author, editor = people
    release = make_release(title="Uchrashuv", status="draft", published_at=None)
    page = open_page(DESKTOP)
    path = f"/uz/admin/press/release/{release.pk}/change/"
    sign_in(page, live_server, "uz", editor.username, path)
    type_in_picker(page, "countries", "Qozog'")
    option = page.locator(".select2-results__option", has_text="Qozogʻiston")
    option.wait_for()
    shot(page, "1-qozog-found-in-uz")

    page.goto(f"{live_server.url}/uz-cyrl/admin/press/release/{release.pk}/change/")
    type_in_picker(page, "countries", "Germaniya")
    message = page.locator(".select2-results__message", has_text="Ҳеч нарса топилмади")
    message.wait_for()
    shot(page, "2-nothing-found-in-cyrillic")
    page.keyboard.press("Escape")
