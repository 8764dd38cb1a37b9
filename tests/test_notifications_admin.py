"""What people see of notifications in the admin: the desk, their list, their preferences,
and the reviewers' comments on a release, which no public page ever shows."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from django.utils import translation

from press import services
from press.models import Notification, Preferences, ReviewComment
from tests.support import form_data, stored

pytestmark = pytest.mark.django_db

COMMENT = "Qzxsecretcomment: sarlavhani qisqartiring."


def url(name, *args, code="uz"):
    with translation.override(code):
        return reverse(name, args=args)


@pytest.fixture
def returned(draft_factory, author, editor):
    """A draft the author submitted and the editor returned with a comment."""
    release = draft_factory(title="Talks")
    services.revision_create(release=release, user=author)
    services.release_submit(release=release, user=author)
    services.release_return(release=release, user=editor, reason=COMMENT)
    return release


def section(html, element_id):
    return html.split(f'id="{element_id}"', 1)[1].split("</div>", 1)[0]


def test_the_author_sees_returned_to_me_with_the_comment_in_uzbek(author_client, returned):
    html = author_client.get(url("admin:index")).content.decode()
    returned_queue = section(html, "queue-returned")
    assert "Menga qaytarilganlar" in returned_queue
    assert "Talks [uz]" in returned_queue and f"Izoh: {COMMENT}" in returned_queue
    unread = section(html, "queue-notifications")
    assert "Oʻqilmagan bildirishnomalar" in unread
    assert "editor “Talks [uz]”ni sizga qaytardi." in unread and COMMENT in unread
    assert 'id="queue-notifications" data-count="1"' in html


def test_the_editor_sees_the_review_badge_in_russian(editor_client, author, draft_factory):
    release = draft_factory(title="Talks")
    services.release_submit(release=release, user=author)
    html = editor_client.get(url("admin:index", code="ru")).content.decode()
    assert 'id="queue-review" data-count="1"' in html
    review = section(html, "queue-review")
    assert "press-badge" in review and "Talks [ru]" in review
    unread = section(html, "queue-notifications")
    assert "Непрочитанные уведомления" in unread
    assert "author направил(а) «Talks [ru]» на рассмотрение." in unread


def test_the_translators_desk_lists_what_to_translate_and_its_notification(
    translator_client, translator, author, editor, draft_factory
):
    release = draft_factory(title="Only Uzbek", title_en="", body_en="")
    services.release_submit(release=release, user=author)
    services.release_publish(release=release, user=editor)
    html = translator_client.get(url("admin:index", code="en")).content.decode()
    assert "Only Uzbek [en]" not in html  # no English text: the Uzbek title stands in
    assert "Only Uzbek [uz]" in section(html, "queue-translation")
    assert "Still missing: English." in section(html, "queue-notifications")
    assert 'id="queue-submitted"' not in html and 'id="queue-returned"' not in html


def test_the_list_in_the_readers_language_and_marking_read(author_client, author, returned):
    html = author_client.get(url("admin:press_notifications", code="ru")).content.decode()
    assert "editor вернул(а) вам «Talks [ru]»." in html and COMMENT in html
    notification = Notification.objects.get(recipient=author)
    response = author_client.post(
        url("admin:press_notifications_read", code="ru"), {"id": [notification.pk]}
    )
    assert response.status_code == 302
    assert stored(notification).read_at is not None
    html = author_client.get(url("admin:index")).content.decode()
    assert 'id="queue-notifications" data-count="0"' in html


def test_marking_all_read_touches_only_my_own(author_client, author, editor, returned):
    services.release_submit(release=returned, user=author)  # tells the editor
    author_client.post(url("admin:press_notifications_read"))
    assert not Notification.objects.filter(recipient=author, read_at__isnull=True).exists()
    assert Notification.objects.filter(recipient=editor, read_at__isnull=True).exists()


def test_nobody_sees_anothers_notifications(second_editor_client, returned):
    html = second_editor_client.get(url("admin:press_notifications")).content.decode()
    assert COMMENT not in html and "sizga qaytardi" not in html
    assert "author “Talks [uz]”ni koʻrib chiqishga yubordi." in html  # their own


def test_preferences_are_saved_from_their_page_in_the_users_language(translator_client, translator):
    page = url("admin:press_preferences", code="uz-cyrl")
    html = translator_client.get(page).content.decode()
    assert "Мен таржима қиладиган тиллар" in html and "хатлар тили" in html.lower()
    data = form_data(html)
    data.update({"language": ["ru"], "working_languages": ["ru", "en"]})
    data.pop("email", None)  # unticked: no e-mails
    response = translator_client.post(page, data)
    assert response.status_code == 302
    preferences = Preferences.objects.get(user=translator)
    assert (preferences.language, preferences.working_languages, preferences.email) == (
        "ru",
        ["ru", "en"],
        False,
    )
    assert "Созламаларингиз сақланди." in translator_client.get(page).content.decode()


def test_the_user_menu_links_to_notifications_and_preferences(author_client):
    html = author_client.get(url("admin:index", code="en")).content.decode()
    assert f'href="{url("admin:press_notifications", code="en")}"' in html
    assert f'href="{url("admin:press_preferences", code="en")}"' in html


# --- Reviewers' comments -------------------------------------------------------------------


def test_an_editor_comments_and_everyone_who_opens_the_release_reads_it(
    editor_client, author_client, editor, returned
):
    form = url("admin:press_release_change", returned.pk)
    html = editor_client.get(form).content.decode()
    assert 'id="review-comments"' in html and COMMENT in html
    response = editor_client.post(
        url("admin:press_release_comment", returned.pk), {"text": "Second look: fine."}
    )
    assert response.status_code == 302
    kept = ReviewComment.objects.get(release=returned, action="")
    assert (kept.text, kept.author) == ("Second look: fine.", editor)
    # Kept in the release's history (Django's admin log).
    assert LogEntry.objects.filter(
        object_id=str(returned.pk), change_message__contains="Second look: fine."
    ).exists()
    html = author_client.get(form).content.decode()
    assert "Second look: fine." in html and COMMENT in html
    assert 'action="' + url("admin:press_release_comment", returned.pk) not in html


def test_an_empty_comment_is_refused_next_to_its_field(editor_client, returned):
    response = editor_client.post(url("admin:press_release_comment", returned.pk), {"text": "  "})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert ReviewComment.objects.filter(release=returned).count() == 1  # the return's


def test_an_author_cannot_comment(author_client, returned):
    response = author_client.post(url("admin:press_release_comment", returned.pk), {"text": "x"})
    assert response.status_code == 403
    assert ReviewComment.objects.filter(release=returned).count() == 1


def test_comments_appear_on_no_public_page_feed_or_sitemap(client, returned, author, editor):
    services.release_submit(release=returned, user=author)
    services.release_publish(release=returned, user=editor)
    services.comment_add(release=returned, user=editor, text=COMMENT + " again")
    returned.refresh_from_db()
    assert returned.is_public("uz")
    pages = ["/robots.txt", "/sitemap.xml"]
    for code in ("uz", "uz-cyrl", "ru", "en"):
        with translation.override(code):
            pages += [
                reverse("press:home"),
                reverse("press:release_list"),
                returned.get_absolute_url(),
                reverse("press:release_list_feed", kwargs={"format": "rss"}),
                reverse("press:release_list_feed", kwargs={"format": "atom"}),
            ]
            search = client.get(reverse("press:search") + "?q=Qzxsecretcomment").content
            assert b"Talks" not in search  # the search page repeats the word, finds nothing
    sitemap_index = client.get("/sitemap.xml").content.decode()
    pages += [loc.split("testserver", 1)[1] for loc in sitemap_index.split("<loc>")[1:]]
    pages = [p.split("</loc>")[0] for p in pages]
    seen = 0
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        body = b"".join(response) if response.streaming else response.content
        assert b"Qzxsecretcomment" not in body and b"qzxsecretcomment" not in body.lower(), page
        seen += b"Talks" in body
    assert seen >= 12  # the release itself was on the pages searched
