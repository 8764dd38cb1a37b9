"""A major correction in the Russian admin, read on the public pages of every language.

The editor corrects the Russian and the Uzbek Latin text of a release published in four
languages and writes a change note for each. The Russian and Latin pages then say "Updated"
with their own note; the Cyrillic and English pages, whose text was not corrected, say no
"Updated" at all but that they are outdated since the correction, in their own language.
"""

import datetime

import pytest
from django.utils import timezone

from press import services
from press.models import Release, TranslationState
from press.services.roles import setup_roles
from tests.browser.admin import show_tab, sign_in, type_body
from tests.browser.conftest import DESKTOP
from tests.support import make_release, make_user

pytestmark = pytest.mark.browser

NOTE_RU = "Исправлена дата подписания соглашения."
NOTE_UZ = "Kelishuv imzolangan sana tuzatildi."


@pytest.fixture
def editor(transactional_db):
    setup_roles()
    return make_user("dilnoza", "editor", first_name="Dilnoza", last_name="Yusupova")


@pytest.fixture
def release(editor):
    """Published an hour ago in four languages, each written then (its first revision)."""
    release = make_release(
        title="Talks",
        published_at=timezone.now() - datetime.timedelta(hours=1),
        title_ru="Переговоры министров", body_ru="<p>Соглашение подписано 3 декабря.</p>",
        title_uz="Vazirlar muzokaralari", body_uz="<p>Kelishuv 3-dekabrda imzolandi.</p>",
    )  # fmt: skip
    services.revision_create(release=release, user=editor)
    return Release.objects.get(pk=release.pk)


def test_a_major_correction_in_two_languages_leaves_the_others_outdated(
    live_server, editor, release, open_page, shot
):
    path = f"/ru/admin/press/release/{release.pk}/change/"
    page = open_page(DESKTOP)
    sign_in(page, live_server, "ru", "dilnoza", path)
    # The editor's own tooltips are in Russian too.
    page.locator(".ProseMirror").first.wait_for(state="attached")
    assert page.locator('button[title="Вставить таблицу"]').count() >= 1
    assert page.locator('button[title="Insert table"]').count() == 0

    type_body(page, "id_body_ru", "Соглашение подписано 2 декабря.")
    type_body(page, "id_body_uz", "Kelishuv 2-dekabrda imzolandi.")
    page.check("#id_major_change")
    # Only the Russian note first: the Latin text changed too, so its note is asked for.
    show_tab(page, "id_change_note_ru")
    page.fill("#id_change_note_ru", NOTE_RU)
    page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
    error = page.locator(".errorlist").first.inner_text()
    assert "Узбекский (латиница)" in error
    assert page.input_value("#id_change_note_ru") == NOTE_RU  # what was typed is kept
    shot(page, "admin-ru-note-asked")
    assert "2 декабря" not in Release.objects.get(pk=release.pk).body_ru  # nothing saved

    show_tab(page, "id_change_note_uz")
    page.fill("#id_change_note_uz", NOTE_UZ)
    page.click("input[name=_continue]")
    page.wait_for_load_state("networkidle")
    assert page.locator(".messagelist .success").count() == 1
    stored = Release.objects.get(pk=release.pk)
    assert "2 декабря" in stored.body_ru and "2-dekabrda" in stored.body_uz
    assert stored.translation_states()["en"] == TranslationState.OUTDATED
    assert stored.translation_states()["uz-cyrl"] == TranslationState.OUTDATED

    reader = open_page(DESKTOP)
    reader.goto(f"{live_server.url}/ru/press/{release.slug}/")
    assert NOTE_RU in reader.locator(".change-note").inner_text()
    assert "Обновлено" in reader.locator(".change-note").inner_text()
    assert reader.locator(".notice--outdated").count() == 0
    shot(reader, "public-ru-updated")

    reader.goto(f"{live_server.url}/uz/press/{release.slug}/")
    assert NOTE_UZ in reader.locator(".change-note").inner_text()

    reader.goto(f"{live_server.url}/en/press/{release.slug}/")
    assert reader.locator(".change-note").count() == 0
    notice = reader.locator(".notice--outdated").inner_text()
    assert notice.startswith("This text has not yet been updated")
    assert NOTE_RU not in reader.content() and NOTE_UZ not in reader.content()
    shot(reader, "public-en-outdated")

    reader.goto(f"{live_server.url}/uz-cyrl/press/{release.slug}/")
    assert reader.locator(".change-note").count() == 0
    assert reader.locator(".notice--outdated").inner_text().startswith("Бу матн ҳали")
    assert NOTE_UZ not in reader.content()
    shot(reader, "public-uz-cyrl-outdated")
