"""Two editors, each in their own admin language, on the same release in Chromium.

Editor one works in /ru/admin/, editor two in /uz-cyrl/admin/. Editor one saves first; editor
two's save is refused with a word diff per field both changed, cannot be saved before each
is answered, and once answered (one field kept, one merged by hand) stores both editors'
sentences. While editor one has the page open, editor two is told so, and no longer once
editor one saves or closes the page.
"""

import pytest

from press import services
from press.models import Release, Revision
from press.services.roles import setup_roles
from tests.browser.admin import add_paragraph, change_path, save, show_tab, sign_in
from tests.browser.conftest import DESKTOP
from tests.support import make_release, make_user

pytestmark = pytest.mark.browser

START_BODY = "<p>Переговоры прошли в Ташкенте.</p>"
ONE_SENTENCE = "Подписано торговое соглашение."
TWO_SENTENCE = "Принято совместное заявление."


@pytest.fixture
def people(transactional_db):
    setup_roles()
    one = make_user("aziza", "editor", first_name="Aziza", last_name="Karimova")
    two = make_user("bobur", "editor", first_name="Bobur", last_name="Toshev")
    return one, two


@pytest.fixture
def talks(people):
    """A draft in Russian and its first revision: the version both editors open."""
    release = make_release(
        title="Talks",
        status="draft",
        published_at=None,
        title_ru="Переговоры",
        lead_ru="Министры встретились.",
        body_ru=START_BODY,
    )
    services.revision_create(release=release, user=people[0])
    return Release.objects.get(pk=release.pk)


def test_two_editors_conflict_and_lose_nothing(live_server, people, talks, open_page, shot):
    one = open_page(DESKTOP)
    sign_in(one, live_server, "ru", "aziza", change_path(talks, "ru"))
    two = open_page(DESKTOP)
    sign_in(two, live_server, "uz-cyrl", "bobur", change_path(talks, "uz-cyrl"))

    # Editor one changes the title, the lead and the body, and saves first.
    show_tab(one, "id_title_ru")
    one.fill("#id_title_ru", "Переговоры в Ташкенте")
    show_tab(one, "id_lead_ru")
    one.fill("#id_lead_ru", "Министры двух стран встретились в Ташкенте.")
    show_tab(one, "id_body_ru")
    add_paragraph(one, "id_body_ru", ONE_SENTENCE)
    save(one)
    assert one.locator(".messagelist .success").count() == 1

    # Editor two, from the version opened before, changes the title and the body.
    show_tab(two, "id_title_ru")
    two.fill("#id_title_ru", "Переговоры министров")
    show_tab(two, "id_body_ru")
    add_paragraph(two, "id_body_ru", TWO_SENTENCE)
    save(two)
    conflict = two.locator("#conflict")
    assert conflict.is_visible()
    assert "Сиз очганингиздан кейин бу хабарни бошқа киши сақлади" in two.content()
    body = two.locator("#conflict-body_ru")
    # Where the word diff puts a paragraph break (before or inside the marked run) depends on
    # how the editor serialised it; what must hold is that each side's sentence is marked.
    deleted = " ".join(body.locator("del.diff-del").all_inner_texts())
    inserted = " ".join(body.locator("ins.diff-ins").all_inner_texts())
    assert ONE_SENTENCE.rstrip(".") in deleted and TWO_SENTENCE.rstrip(".") not in deleted
    assert TWO_SENTENCE.rstrip(".") in inserted and ONE_SENTENCE.rstrip(".") not in inserted
    assert "<p>" not in body.locator(".diff").inner_text()
    # The lead only editor one changed is already in editor two's form.
    assert two.input_value("#id_lead_ru") == "Министры двух стран встретились в Ташкенте."
    assert two.input_value("#id_title_ru") == "Переговоры министров"  # what editor two typed
    shot(two, "conflict-uz-cyrl")

    # Saving again without answering is refused, next to each field, in editor two's language.
    save(two)
    assert (
        two.locator("#conflict-title_ru .errorlist")
        .inner_text()
        .startswith("Қайси вариант қолишини танланг")
    )
    assert two.locator("#conflict-body_ru .errorlist").count() == 1
    stored = Release.objects.get(pk=talks.pk)
    assert stored.title_ru == "Переговоры в Ташкенте" and ONE_SENTENCE in stored.body_ru

    # Editor two keeps their title and merges the body by hand.
    two.check("input[name=resolve-title_ru][value=mine]")
    two.check("input[name=resolve-body_ru][value=merged]")
    merged = two.locator("#merged-body_ru")
    assert merged.input_value() == f"Переговоры прошли в Ташкенте.\n\n{TWO_SENTENCE}"
    merged.fill(f"Переговоры прошли в Ташкенте.\n\n{ONE_SENTENCE}\n\n{TWO_SENTENCE}")
    save(two)
    assert two.locator("#conflict").count() == 0
    assert two.locator(".messagelist .success").count() == 1

    stored = Release.objects.get(pk=talks.pk)
    assert stored.title_ru == "Переговоры министров"
    assert stored.lead_ru == "Министры двух стран встретились в Ташкенте."
    assert ONE_SENTENCE in stored.body_ru and TWO_SENTENCE in stored.body_ru
    assert stored.body_ru.startswith(START_BODY)
    authors = [r.author.username for r in Revision.objects.filter(release=talks).order_by("number")]
    assert authors == ["aziza", "aziza", "bobur"]


def test_the_conflict_page_in_russian(live_server, people, talks, open_page, shot):
    page = open_page(DESKTOP)
    sign_in(page, live_server, "ru", "aziza", change_path(talks, "ru"))
    # While Aziza's form is open, a colleague saves the release.
    release = Release.objects.get(pk=talks.pk)
    release.title_ru = "Переговоры в Ташкенте"
    release.body_ru = START_BODY + f"<p>{ONE_SENTENCE}</p>"
    services.release_save(release=release, user=people[1], version=release.version)
    show_tab(page, "id_title_ru")
    page.fill("#id_title_ru", "Переговоры министров")
    show_tab(page, "id_body_ru")
    add_paragraph(page, "id_body_ru", TWO_SENTENCE)
    save(page)
    assert "Для каждого поля, которое изменили вы оба" in page.content()
    assert page.locator("#conflict-title_ru").get_by_text("Оставить ваш").is_visible()
    assert page.locator("#conflict-body_ru ins.diff-ins").inner_text() == TWO_SENTENCE.rstrip(".")
    shot(page, "conflict-ru")


def test_presence_lasts_while_the_page_is_open(
    live_server, people, talks, open_page, settings, shot
):
    settings.PRESS_PRESENCE_BEAT_SECONDS = 1
    warning = "#press-presence"
    two = open_page(DESKTOP)
    sign_in(two, live_server, "uz-cyrl", "bobur", change_path(talks, "uz-cyrl"))
    assert two.locator(warning).is_hidden()

    one = open_page(DESKTOP)
    sign_in(one, live_server, "ru", "aziza", change_path(talks, "ru"))
    two.wait_for_selector(f"{warning} li", timeout=15_000)
    assert two.locator(f"{warning} li").all_inner_texts() == [
        "Aziza Karimova ҳозир бу хабарни очиб турибди ва уни ўзгартириши мумкин."
    ]
    shot(two, "presence-uz-cyrl")

    # Editor one saves: the name goes (the page after the save beats again, and it comes back).
    show_tab(one, "id_title_ru")
    one.fill("#id_title_ru", "Переговоры в Ташкенте")
    one.click("input[name=_save]")  # back to the list: the form is no longer open
    one.wait_for_load_state("networkidle")
    two.wait_for_selector(f"{warning}[hidden]", state="attached", timeout=15_000)
    assert two.locator(f"{warning} li").count() == 0

    # Editor one opens the release again, then closes the tab.
    one.goto(f"{live_server.url}{change_path(talks, 'ru')}")
    two.wait_for_selector(f"{warning} li", timeout=15_000)
    one.close()
    two.wait_for_selector(f"{warning}[hidden]", state="attached", timeout=15_000)
    assert two.locator(f"{warning} li").count() == 0
