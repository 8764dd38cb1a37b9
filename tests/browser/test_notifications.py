"""The editorial loop told to each person in their own admin language, in Chromium.

An author submits in the Uzbek Latin admin; an editor in the Russian admin sees the badge
and the notification, returns the release with a comment; the author's desk then lists it
under "returned to me", with the comment as typed and everything around it in Uzbek.
"""

import pytest
from django.core import mail

from press import services
from press.models import Preferences, Release, ReviewComment, Status
from press.services.roles import setup_roles
from tests.browser.admin import sign_in
from tests.browser.conftest import DESKTOP
from tests.support import make_release, make_user

pytestmark = pytest.mark.browser

COMMENT = "Заголовок длинный: сократите его, пожалуйста."


@pytest.fixture
def people(transactional_db):
    setup_roles()
    author = make_user("aziza", "author", first_name="Aziza", last_name="Karimova")
    editor = make_user("bobur", "editor", first_name="Bobur", last_name="Toshev")
    Preferences.objects.create(user=editor, language="ru")
    return author, editor


@pytest.fixture
def talks(people):
    """The author's draft, written in every language."""
    release = make_release(title="Talks", status=Status.DRAFT, published_at=None)
    services.revision_create(release=release, user=people[0])
    return Release.objects.get(pk=release.pk)


def test_submit_badge_return_with_comment_and_returned_to_me(
    live_server, people, talks, open_page, shot
):
    change = f"/uz/admin/press/release/{talks.pk}/change/"
    author = open_page(DESKTOP)
    sign_in(author, live_server, "uz", "aziza", change)
    author.click("a.button[data-action=submit]")
    author.click("input[type=submit].default")
    author.wait_for_url(f"**{change}")
    assert Release.objects.get(pk=talks.pk).status == Status.SUBMITTED
    author.goto(f"{live_server.url}/uz/admin/")
    submitted = author.locator("#queue-submitted")
    assert "Men yuborganlar" in submitted.inner_text() and "Talks [uz]" in submitted.inner_text()
    shot(author, "1-author-submitted-uz")

    editor = open_page(DESKTOP)
    sign_in(editor, live_server, "ru", "bobur", "/ru/admin/")
    badge = editor.locator("#queue-review .press-badge")
    assert badge.inner_text() == "1"
    unread = editor.locator("#queue-notifications")
    assert unread.locator(".press-badge").inner_text() == "1"
    assert "Aziza Karimova направил(а) «Talks [ru]» на рассмотрение." in unread.inner_text()
    shot(editor, "2-editor-badge-ru")
    # The e-mail went to the editor too, in Russian (their preference).
    assert [m.subject for m in mail.outbox] == ["Направлено на рассмотрение: Talks [ru]"]

    editor.locator("#queue-review a", has_text="Talks [ru]").click()
    editor.click("a.button[data-action=return]")
    assert "Комментарий для автора" in editor.locator("label[for=id_note]").inner_text()
    editor.fill("#id_note", COMMENT)
    shot(editor, "3-editor-returns-ru")
    editor.click("input[type=submit].default")
    editor.wait_for_url(f"**/ru/admin/press/release/{talks.pk}/change/")
    comments = editor.locator("#review-comments")
    assert COMMENT in comments.inner_text() and "Комментарии проверяющих" in comments.inner_text()
    comments.scroll_into_view_if_needed()
    shot(editor, "3b-editor-change-form-comments-ru")

    stored = Release.objects.get(pk=talks.pk)
    assert stored.status == Status.DRAFT
    assert ReviewComment.objects.get(release=talks).text == COMMENT

    author.goto(f"{live_server.url}/uz/admin/")
    returned = author.locator("#queue-returned")
    text = returned.inner_text()
    assert "Menga qaytarilganlar" in text and "Talks [uz]" in text
    assert f"Izoh: {COMMENT}" in text
    assert returned.locator(".press-badge").inner_text() == "1"
    notification = author.locator("#queue-notifications").inner_text()
    assert "Bobur Toshev “Talks [uz]”ni sizga qaytardi." in notification
    assert COMMENT in notification
    assert author.locator("#queue-submitted .press-queue-empty").inner_text() == "Hech narsa yoʻq."
    shot(author, "4-author-returned-uz")

    # The author marks it read: the badge goes.
    author.click("#queue-notifications button[type=submit]")
    author.wait_for_url("**/uz/admin/notifications/")
    author.goto(f"{live_server.url}/uz/admin/")
    assert author.locator("#queue-notifications").get_attribute("data-count") == "0"
    shot(author, "5-author-read-uz")
