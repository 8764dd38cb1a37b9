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
from tests.browser.admin import add_paragraph, change_path, fill, save, sign_in, type_body
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


def words(text: str) -> str:
    """The words of ``text``, whitespace collapsed and a final full stop dropped."""
    return " ".join(text.split()).rstrip(".")


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
    assert error.inner_text() == "Санани тўғри киритинг."
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
    row = page.locator(".inline-related", has=page.locator("#id_photos-0-image"))
    kept = row.locator("p.help", has_text="uchrashuv.jpg")
    assert kept.inner_text() == (
        "Олдинги уринишдан сақланди: uchrashuv.jpg. Фақат уни алмаштириш учун файл танланг."
    )
    assert kept.is_visible()

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


# --- The "Done when" of issue 16: four people, four admin languages, one release ----------------

COMMENT = "Sarlavhani qisqartiring, iltimos."
NOTE_UZ = "Kelishuv imzolangan sana tuzatildi."
NOTE_UZ_CYRL = "Келишув имзоланган сана тузатилди."
TITLE_UZ = "Vazirlar Toshkentda uchrashdi"
TITLE_UZ_CYRL = "Вазирлар Тошкентда учрашди"
ONE_SENTENCE = "Both sides signed a joint statement."
TWO_SENTENCE = "Next talks: Bishkek, in spring."


@pytest.fixture
def cast(transactional_db):
    """The author (uz), the translator (ru, working in ru and en) and two editors (en and
    uz-cyrl): each one's e-mail language is their admin's."""
    from press.models import Preferences

    setup_roles()
    people = {
        "author": make_user("aziza", "author", first_name="Aziza", last_name="Karimova"),
        "translator": make_user("olga", "translator", first_name="Olga", last_name="Petrova"),
        "editor1": make_user("john", "editor", first_name="John", last_name="Smith"),
        "editor2": make_user("dilnoza", "editor", first_name="Dilnoza", last_name="Yusupova"),
    }
    Preferences.objects.create(user=people["author"], language="uz")
    Preferences.objects.create(user=people["editor1"], language="en")
    Preferences.objects.create(user=people["editor2"], language="uz-cyrl")
    return people


def outbox():
    """{recipient: subject} of the e-mails sent so far, then forgets them."""
    from django.core import mail

    sent = {m.to[0]: m for m in mail.outbox}
    mail.outbox.clear()
    return sent


def act(page, live_server, code, release, action, note=None):
    """Open the release, press the workflow button ``action``, confirm (with a note)."""
    page.goto(f"{live_server.url}{change_path(release, code)}")
    page.click(f"a.button[data-action={action}]")
    if note is not None:
        page.fill("#id_note", note)
    page.click("input[type=submit].default")
    page.wait_for_url(f"**{change_path(release, code)}")


def test_the_editorial_loop_done_when(live_server, cast, open_page, shot):
    from press.models import Notification, Preferences, ReviewComment, TranslationState

    author_user = cast["author"]
    release = make_release(
        title="Vazirlar",
        status=Status.DRAFT,
        published_at=None,
        title_uz=TITLE_UZ, body_uz="<p>Kelishuv 3-dekabrda imzolandi.</p>",
        title_uz_cyrl=TITLE_UZ_CYRL, body_uz_cyrl="<p>Келишув 3-декабрда имзоланди.</p>",
        title_ru="", body_ru="", title_en="", body_en="",
    )  # fmt: skip
    photo = Photo(
        release=release, is_lead=True, credit="TIV", alt_uz="Vazirlar", alt_uz_cyrl="Вазирлар"
    )
    photo.image.save("uchrashuv.jpg", ContentFile(photo_bytes("#1c7c54", "L")), save=False)
    photo.save()
    services.revision_create(release=release, user=author_user)
    outbox()

    # 0. The translator chooses Russian e-mails and her working languages, in the Russian admin.
    translator = open_page(DESKTOP)
    sign_in(translator, live_server, "ru", "olga", "/ru/admin/preferences/")
    translator.select_option("#id_language", "ru")
    translator.check("input[name=working_languages][value=ru]")
    translator.check("input[name=working_languages][value=en]")
    shot(translator, "0-translator-preferences-ru")
    translator.click("#preferences-form input[type=submit]")
    translator.wait_for_load_state("networkidle")
    chosen = Preferences.objects.get(user=cast["translator"])
    assert (chosen.language, sorted(chosen.working_languages)) == ("ru", ["en", "ru"])

    # 1. The author submits, in the Uzbek Latin admin.
    author = open_page(DESKTOP)
    sign_in(author, live_server, "uz", "aziza", "/uz/admin/")
    act(author, live_server, "uz", release, "submit")
    assert Release.objects.get(pk=release.pk).status == Status.SUBMITTED
    author.goto(f"{live_server.url}/uz/admin/")
    submitted = author.locator("#queue-submitted").inner_text()
    assert "Men yuborganlar" in submitted and TITLE_UZ in submitted
    shot(author, "1-author-submitted-uz")
    sent = outbox()
    assert set(sent) == {"john@example.org", "dilnoza@example.org"}
    assert sent["john@example.org"].subject == f"Submitted for review: {TITLE_UZ}"
    assert "Aziza Karimova submitted" in sent["john@example.org"].body
    assert sent["dilnoza@example.org"].subject == f"Кўриб чиқишга юборилган: {TITLE_UZ_CYRL}"

    # 2. Editor one sees the badge in English and returns the release with a comment.
    editor1 = open_page(DESKTOP)
    sign_in(editor1, live_server, "en", "john", "/en/admin/")
    assert editor1.locator("#queue-review .press-badge").inner_text() == "1"
    unread = editor1.locator("#queue-notifications")
    assert f"Aziza Karimova submitted “{TITLE_UZ}” for review." in unread.inner_text()
    shot(editor1, "2-editor1-badge-en")
    act(editor1, live_server, "en", release, "return", note=COMMENT)
    assert Release.objects.get(pk=release.pk).status == Status.DRAFT
    assert ReviewComment.objects.get(release=release).text == COMMENT
    sent = outbox()
    assert set(sent) == {"aziza@example.org"}
    assert sent["aziza@example.org"].subject == f"Qoralamaga qaytarildi: {TITLE_UZ}"
    assert COMMENT in sent["aziza@example.org"].body

    # 3. The author sees it "returned to me" with the comment, in Uzbek, and submits again.
    author.goto(f"{live_server.url}/uz/admin/")
    returned = author.locator("#queue-returned").inner_text()
    assert "Menga qaytarilganlar" in returned and TITLE_UZ in returned
    assert f"Izoh: {COMMENT}" in returned
    assert (
        f"John Smith “{TITLE_UZ}”ni sizga qaytardi."
        in author.locator("#queue-notifications").inner_text()
    )
    shot(author, "3-author-returned-uz")
    act(author, live_server, "uz", release, "submit")
    assert Release.objects.get(pk=release.pk).status == Status.SUBMITTED
    assert set(outbox()) == {"john@example.org", "dilnoza@example.org"}

    # 4. Editor one publishes; the translator is told what is missing, in Russian.
    editor1.goto(f"{live_server.url}/en/admin/press/release/{release.pk}/workflow/publish/")
    shot(editor1, "4-editor1-publish-en")
    editor1.click("input[type=submit].default")
    editor1.wait_for_url(f"**{change_path(release, 'en')}")
    assert Release.objects.get(pk=release.pk).is_published()
    sent = outbox()
    assert set(sent) == {"aziza@example.org", "olga@example.org"}
    assert sent["olga@example.org"].subject == f"Опубликовано: {TITLE_UZ}"
    assert "Ещё не переведено: Русский, Английский." in sent["olga@example.org"].body
    assert sent["aziza@example.org"].subject == f"Eʼlon qilingan: {TITLE_UZ}"
    translator.goto(f"{live_server.url}/ru/admin/")
    told = translator.locator("#queue-notifications").inner_text()
    assert (
        f"John Smith опубликовал(а) «{TITLE_UZ}». Ещё не переведено: Русский, Английский." in told
    )
    shot(translator, "4b-translator-told-ru")

    # 5. The translator adds Russian and English, the photo's description included.
    translator.goto(f"{live_server.url}{change_path(release, 'ru')}")
    for code, text in (("ru", RU), ("en", EN)):
        fill(translator, f"id_title_{code}", text["title"])
        type_body(translator, f"id_body_{code}", text["body"])
        fill(translator, f"id_photos-0-alt_{code}", text["alt"])
    save(translator)
    assert translator.locator(".messagelist .success").count() == 1
    stored = Release.objects.get(pk=release.pk)
    assert (stored.title_ru, stored.title_en) == (RU["title"], EN["title"])
    assert stored.photos.get().alt_en == EN["alt"]
    assert set(stored.translation_states().values()) == {TranslationState.UP_TO_DATE}
    shot(translator, "5-translator-saved-ru")
    outbox()

    # 6. Editor two makes a major correction of the Uzbek text, with a note in each script.
    editor2 = open_page(DESKTOP)
    sign_in(editor2, live_server, "uz-cyrl", "dilnoza", change_path(release, "uz-cyrl"))
    type_body(editor2, "id_body_uz", "Kelishuv 2-dekabrda imzolandi.")
    type_body(editor2, "id_body_uz_cyrl", "Келишув 2-декабрда имзоланди.")
    editor2.check("#id_major_change")
    fill(editor2, "id_change_note_uz", NOTE_UZ)
    fill(editor2, "id_change_note_uz_cyrl", NOTE_UZ_CYRL)
    save(editor2)
    success = editor2.locator(".messagelist .success").inner_text()
    assert "муваффақиятли ўзгартирилди" in success, editor2.inner_text("#content")
    stored = Release.objects.get(pk=release.pk)
    assert "2-dekabrda" in stored.body_uz and "2-декабрда" in stored.body_uz_cyrl
    states = stored.translation_states()
    assert states["ru"] == states["en"] == TranslationState.OUTDATED
    sent = outbox()
    assert set(sent) == {"olga@example.org"}
    assert sent["olga@example.org"].subject == f"Перевод устарел: {RU['title']}"
    shot(editor2, "6-editor2-corrected-uz-cyrl")

    # 7. Russian and English say they are outdated, with no "Updated"; Uzbek shows its note.
    reader = open_page(DESKTOP)
    for code, start in (
        ("ru", "Этот текст ещё не обновлён"),
        ("en", "This text has not yet been updated"),
    ):
        reader.goto(f"{live_server.url}/{code}/press/{stored.slug}/")
        assert reader.locator(".notice--outdated").inner_text().startswith(start)
        assert reader.locator(".change-note").count() == 0
        assert NOTE_UZ not in reader.content() and NOTE_UZ_CYRL not in reader.content()
        shot(reader, f"7-public-{code}-outdated")
    for code, note, updated in (
        ("uz", NOTE_UZ, "Yangilandi"),
        ("uz-cyrl", NOTE_UZ_CYRL, "Янгиланди"),
    ):
        reader.goto(f"{live_server.url}/{code}/press/{stored.slug}/")
        assert reader.locator(".change-note").inner_text().startswith(updated)
        assert note in reader.locator(".change-note").inner_text()
        assert reader.locator(".notice--outdated").count() == 0
        shot(reader, f"7-public-{code}-updated")

    # 8. Both editors open the release; editor one saves first, editor two resolves field by
    # field, and nothing editor one wrote is lost.
    editor1.goto(f"{live_server.url}{change_path(release, 'en')}")
    editor2.goto(f"{live_server.url}{change_path(release, 'uz-cyrl')}")
    fill(editor1, "id_title_en", "Ministers of two countries met in Tashkent")
    fill(editor1, "id_lead_en", "The sides discussed trade.")
    add_paragraph(editor1, "id_body_en", ONE_SENTENCE)
    save(editor1)
    assert editor1.locator(".messagelist .success").count() == 1
    fill(editor2, "id_title_en", "Foreign ministers met in Tashkent")
    fill(editor2, "id_place_en", "Tashkent")
    add_paragraph(editor2, "id_body_en", TWO_SENTENCE)
    save(editor2)
    assert editor2.locator("#conflict").is_visible()
    assert "Сиз очганингиздан кейин бу хабарни бошқа киши сақлади" in editor2.content()
    body = editor2.locator("#conflict-body_en")
    # The sentence each added, marked whole (the mark may or may not take in the paragraph
    # break and the full stop, as the word diff aligns the two bodies).
    assert words(body.locator("del.diff-del").inner_text()) == words(ONE_SENTENCE)
    assert words(body.locator("ins.diff-ins").inner_text()) == words(TWO_SENTENCE)
    assert not Release.objects.get(pk=release.pk).place_en  # nothing of editor two's yet
    assert editor2.input_value("#id_lead_en") == "The sides discussed trade."
    shot(editor2, "8-editor2-conflict-uz-cyrl")
    editor2.check("input[name=resolve-title_en][value=saved]")
    editor2.check("input[name=resolve-body_en][value=merged]")
    merged = editor2.locator("#merged-body_en")
    assert merged.input_value() == f"{EN['body']}\n\n{TWO_SENTENCE}"
    merged.fill(f"{EN['body']}\n\n{ONE_SENTENCE}\n\n{TWO_SENTENCE}")
    save(editor2)
    assert editor2.locator("#conflict").count() == 0
    assert editor2.locator(".messagelist .success").count() == 1
    stored = Release.objects.get(pk=release.pk)
    assert stored.title_en == "Ministers of two countries met in Tashkent"
    assert stored.lead_en == "The sides discussed trade."
    assert stored.place_en == "Tashkent"
    assert stored.body_en.startswith(f"<p>{EN['body']}</p>")
    assert ONE_SENTENCE in stored.body_en and TWO_SENTENCE in stored.body_en
    assert stored.photos.get().alt_ru == RU["alt"]
    assert [r.author.username for r in stored.revisions.order_by("-number")[:2]] == [
        "dilnoza",
        "john",
    ]
    assert Notification.objects.filter(recipient=cast["editor1"]).count() >= 2
    shot(editor2, "8b-editor2-resolved-uz-cyrl")
