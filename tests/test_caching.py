"""Caching headers for a CDN: public pages briefly, with ETag; nothing personal ever."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    ["/uz/", "/ru/press/", "/en/press/?country=UZ", "/uz/press/feed.rss", "/sitemap.xml",
     "/sitemap-releases.xml", "/robots.txt"],
)  # fmt: skip
def test_public_pages_are_cacheable_for_a_short_time(client, uzbekistan, path, settings):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Cache-Control"] == (
        f"public, max-age={settings.PRESS_CACHE_MAX_AGE}, stale-while-revalidate=30, "
        "stale-if-error=600"
    )
    assert response.has_header("ETag")
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_max_age_is_a_setting(client, db, settings):
    settings.PRESS_CACHE_MAX_AGE = 300
    settings.PRESS_CACHE_STALE_WHILE_REVALIDATE = 10
    settings.PRESS_CACHE_STALE_IF_ERROR = 3600
    assert client.get("/uz/")["Cache-Control"] == (
        "public, max-age=300, stale-while-revalidate=10, stale-if-error=3600"
    )


def test_release_page_answers_304_to_its_etag(client, release_factory):
    release = release_factory()
    first = client.get(f"/en/press/{release.slug}/")
    assert first["Cache-Control"].startswith("public")
    again = client.get(f"/en/press/{release.slug}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_missing_pages_are_cached_too(client, db):
    assert client.get("/uz/press/no-such-release/")["Cache-Control"].startswith("public")


def test_bad_requests_are_not_cached(client, db):
    response = client.get("/uz/press/?date_from=nonsense")
    assert response.status_code == 400
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/uz/", "/ru/press/"])
def test_staff_see_pages_that_are_never_cached(admin_client, path):
    cache_control = admin_client.get(path)["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_admin_is_never_cached(client, admin_client):
    for response in (client.get("/uz/admin/login/"), client.get("/uz/admin/")):
        assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
    response = admin_client.get("/uz/admin/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_a_page_for_someone_signed_in_or_with_a_message_is_never_cached(client, editor_client):
    # A session counts only with someone signed in (press/site/public_read.py): a stale
    # session cookie is served as none (tests/test_page_cache.py); a messages cookie counts.
    cache_control = editor_client.get("/uz/press/")["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
    client.cookies["messages"] = "stale"
    cache_control = client.get("/uz/press/")["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control
