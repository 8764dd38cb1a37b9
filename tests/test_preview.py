"""Previews: editors see drafts and unsaved corrections on the public template; a signed,
expiring, revocable link lets an outside reviewer read a draft. Never cached, never indexed."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from press import services
from press.models import PreviewLink, Release
from tests.support import in_every_language

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
CODES = ["uz", "uz-cyrl", "ru", "en"]


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def draft(draft_factory):
    return draft_factory(title="Maxfiy loyiha")


def admin_preview(release, code="uz"):
    with translation.override(code):
        return reverse("admin:press_release_preview", args=[release.pk])


def assert_private(response):
    cache = response["Cache-Control"]
    assert "private" in cache and "no-store" in cache
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex' in response.content.decode()


@pytest.mark.parametrize("code", CODES)
def test_editor_previews_a_draft_in_each_language(editor_client, draft, code):
    response = editor_client.get(admin_preview(draft, code))
    assert response.status_code == 200
    html = response.content.decode()
    suffix = code.replace("-", "_")
    assert f"Maxfiy loyiha [{suffix}]" in html
    assert "notice--preview" in html
    assert_private(response)


def unsaved_changes(release):
    """The change form's POST with a new Uzbek title and body, as the Preview button sends it."""
    return {
        "title_uz": "Tuzatish loyihasi",
        "body_uz": "<p>Yangi matn</p>",
        "kind": "meeting",
        "event_date": "2021-05-05",
        "edit_version": release.version,
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
    }


def test_preview_of_unsaved_changes_saves_nothing(editor_client, release_factory):
    release = release_factory(title="Chiqqan")
    response = editor_client.post(admin_preview(release), unsaved_changes(release))
    assert response.status_code == 200
    assert "Tuzatish loyihasi" in response.content.decode()
    assert_private(response)
    stored = Release.objects.get(pk=release.pk)
    assert stored.title_uz == "Chiqqan [uz]" and stored.version == release.version


def test_preview_needs_an_account_with_permission(client, outsider_client, draft):
    assert client.get(admin_preview(draft)).status_code == 302  # to the login page
    assert outsider_client.get(admin_preview(draft)).status_code == 403


# --- Shareable links ----------------------------------------------------------------------


@pytest.fixture
def link(draft, editor):
    return services.preview_link_create(release=draft, user=editor)


def test_valid_link_shows_the_draft_without_an_account(client, link):
    assert link.expires_at == NOW + datetime.timedelta(days=7)
    for code in CODES:
        response = client.get(link.get_absolute_url(code))
        assert response.status_code == 200, code
        assert "Maxfiy loyiha" in response.content.decode()
        assert_private(response)


def test_expired_link_is_refused(client, link, _clock):
    _clock.move_to(NOW + datetime.timedelta(days=7, seconds=1))
    response = client.get(link.get_absolute_url("en"))
    assert response.status_code == 404
    assert "Maxfiy" not in response.content.decode()


def test_revoked_link_is_refused(client, link, editor):
    services.preview_link_revoke(link=link, user=editor)
    response = client.get(link.get_absolute_url("en"))
    assert response.status_code == 404
    assert "Maxfiy" not in response.content.decode()


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "999" + token[token.index(":") :],
        lambda token: "not-a-token",
    ],
)
def test_tampered_link_is_refused(client, link, tamper):
    token = tamper(link.token())
    response = client.get(f"/en/preview/{token}/")
    assert response.status_code == 404
    assert "Maxfiy" not in response.content.decode()


def test_links_are_made_and_revoked_in_the_admin(editor_client, draft):
    url = reverse("admin:press_release_links", args=[draft.pk])
    assert editor_client.post(url, {"create": "1"}).status_code == 302
    link = PreviewLink.objects.get(release=draft)
    html = editor_client.get(url).content.decode()
    assert link.token() in html
    assert editor_client.post(url, {"revoke": link.pk}).status_code == 302
    assert PreviewLink.objects.get(pk=link.pk).revoked_at == NOW
    assert link.token() not in editor_client.get(url).content.decode()


def test_author_cannot_revoke_without_permission(link, outsider):
    with pytest.raises(services.PermissionDenied):
        services.preview_link_revoke(link=link, user=outsider)


# --- Who makes links, and when they stop working (issue 16, roles) ------------------------------


@pytest.mark.parametrize("who", ["author", "translator"])
def test_only_editors_make_preview_links(request, draft, who):
    user = request.getfixturevalue(who)
    with pytest.raises(services.PermissionDenied):
        services.preview_link_create(release=draft, user=user)
    assert not PreviewLink.objects.exists()


@pytest.mark.parametrize("who", ["author_client", "translator_client"])
def test_authors_and_translators_see_no_button_and_a_refusal(request, draft, who):
    client = request.getfixturevalue(who)
    with translation.override("ru"):
        url = reverse("admin:press_release_links", args=[draft.pk])
    page = client.get(url).content.decode()
    assert 'name="create"' not in page
    response = client.post(url, {"create": "1"}, follow=True)
    assert not PreviewLink.objects.exists()
    messages = [str(m) for m in response.context["messages"]]
    assert any("редактор" in m for m in messages), messages


@pytest.mark.parametrize("step", ["withdraw", "unpublish"])
def test_a_link_stops_working_when_the_release_is_taken_down(client, release_factory, editor, step):
    release = release_factory(title="Chiqqan xabar")
    link = services.preview_link_create(release=release, user=editor)
    assert client.get(link.get_absolute_url("en")).status_code == 200
    release.refresh_from_db()
    if step == "withdraw":
        services.release_withdraw(release=release, user=editor, reason=in_every_language("Xato"))
    else:
        services.release_unpublish(release=release, user=editor, reason=in_every_language("Xato"))
    response = client.get(link.get_absolute_url("en"))
    assert response.status_code == 410
    assert "Chiqqan xabar" not in response.content.decode()


def test_a_link_stays_dead_when_an_unpublished_release_returns_to_draft(
    client, release_factory, editor
):
    release = release_factory(title="Chiqqan xabar")
    link = services.preview_link_create(release=release, user=editor)
    services.release_unpublish(
        release=Release.objects.get(pk=release.pk), user=editor, reason=in_every_language("Xato")
    )
    services.release_redraft(release=Release.objects.get(pk=release.pk), user=editor)
    assert PreviewLink.objects.get(pk=link.pk).revoked_at == NOW
    response = client.get(link.get_absolute_url("en"))
    assert response.status_code == 404
    assert "Chiqqan xabar" not in response.content.decode()


def test_no_link_is_made_for_a_release_taken_down(release_factory, editor):
    release = release_factory(title="Chiqqan xabar")
    services.release_withdraw(release=release, user=editor, reason=in_every_language("Xato"))
    with pytest.raises(services.WorkflowError):
        services.preview_link_create(release=Release.objects.get(pk=release.pk), user=editor)


def test_an_unknown_link_to_revoke_is_a_client_error(editor_client, link):
    url = reverse("admin:press_release_links", args=[link.release.pk])
    for value in ("abc", "", "99999", "1.5"):
        response = editor_client.post(url, {"revoke": value})
        assert response.status_code in (400, 404), value
    assert PreviewLink.objects.get(pk=link.pk).revoked_at is None


@pytest.mark.django_db(transaction=True)
def test_preview_of_unsaved_changes_outside_a_test_transaction(editor_client, release_factory):
    """The view runs in autocommit, as in production: no row lock may be taken there
    (PostgreSQL refuses ``SELECT … FOR UPDATE`` outside a transaction; SQLite ignores it)."""
    release = release_factory(title="Chiqqan")
    response = editor_client.post(admin_preview(release), unsaved_changes(release))
    assert response.status_code == 200
    assert "Tuzatish loyihasi" in response.content.decode()
    assert Release.objects.get(pk=release.pk).title_uz == "Chiqqan [uz]"
