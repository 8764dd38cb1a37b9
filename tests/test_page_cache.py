"""Whole public pages in the cache (press/site/page_cache.py): served without the database,
made stale by every change an editor, a script or the services make, never served to editors."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

from press import services
from press.models import Photo
from press.site import page_cache
from tests.support import committed, in_every_language

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_caching")]


def get(client, path, **extra):
    response = client.get(path, **extra)
    assert response.status_code == 200, (path, response.status_code)
    return response


PUBLIC_PATHS = [
    "/uz/",
    "/ru/press/",
    "/en/press/?country=UZ",
    "/uz/press/feed.rss",
    "/uz/countries/uzbekistan/",
    "/sitemap.xml",
    "/sitemap-releases.xml",
    "/robots.txt",
]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_a_cached_public_page_is_served_without_the_database(
    client, release_factory, uzbekistan, path, django_assert_num_queries
):
    release_factory(countries=[uzbekistan])
    first = get(client, path)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = get(client, path)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert again["Content-Type"] == first["Content-Type"]
    assert again["Cache-Control"].startswith("public, max-age=")
    assert again.has_header("ETag") and not again.cookies
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "Permissions-Policy"):
        assert again[header] == first[header]


def test_a_release_page_is_cached_and_answers_304(client, release_factory):
    release = release_factory()
    path = f"/en/press/{release.slug}/"
    first = get(client, path)
    assert get(client, path)["X-Page-Cache"] == "hit"
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_hit_of_a_page_with_its_own_tags_is_one_round_trip_once_they_are_known(
    client, release_factory, uzbekistan, monkeypatch
):
    """A release page names its release and countries: the first hit asks for those tags
    after reading the entry, the next ones with it (PageCacheMiddleware.known_tags)."""
    release = release_factory(countries=[uzbekistan])
    path = f"/en/press/{release.slug}/"
    cache = page_cache.page_cache()
    calls = []
    get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: calls.append(keys) or get_many(keys))
    assert get(client, path)["X-Page-Cache"] == "miss"
    calls.clear()
    assert get(client, path)["X-Page-Cache"] == "hit"
    assert len(calls) == 2
    calls.clear()
    assert get(client, path)["X-Page-Cache"] == "hit"
    assert len(calls) == 1
    # Still checked: a change to the release bumps its tag, and the known tags see it.
    release.title_en = "Corrected"
    with committed():
        release.save()
    response = get(client, path)
    assert response["X-Page-Cache"] == "miss" and "Corrected" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "parts"),
    [
        ("/en/press/", 2),
        ("/en/press/?kind=visit", 2),
        ("/en/countries/uzbekistan/", 2),
        ("/en/search/?q=Uzbekistan", 3),  # its matches, its form, the names it matched
    ],
)
def test_a_list_reads_its_kept_count_and_form_in_one_round_trip(
    client, release_factory, uzbekistan, monkeypatch, settings, path, parts
):
    """A list page's kept parts, its count (or a search's matches) and its drawn form, are
    read together (ListMemo.recall), not one round trip each; a page rendered, not served
    whole."""
    settings.PRESS_PAGE_CACHE_SECONDS = 0
    release_factory(countries=[uzbekistan])
    cache = page_cache.page_cache()
    calls = []
    get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: calls.append(keys) or get_many(keys))
    first = get(client, path).content.decode()
    calls.clear()
    again = get(client, path).content.decode()
    assert again == first
    kept_reads = [keys for keys in calls if any(k.startswith("press:remember:list:") for k in keys)]
    assert len(kept_reads) == 1, kept_reads
    assert sum(k.startswith("press:remember:list:") for k in kept_reads[0]) == parts


def test_the_cdn_is_told_only_the_time_the_entry_has_left(client, db):
    def max_age(response):
        first, age, *directives = response["Cache-Control"].split(", ")
        assert first == "public" and directives == swr
        return int(age.removeprefix("max-age="))

    swr = ["stale-while-revalidate=30", "stale-if-error=600"]
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert max_age(get(client, "/uz/")) == 60  # as rendered
        kept = max_age(get(client, "/uz/"))  # the stored copy's own freshness
        assert 48 <= kept <= 60
        clock.shift(45)
        assert max_age(get(client, "/uz/")) == max(0, kept - 45)


def test_pages_rendered_together_do_not_all_expire_together(client, release_factory):
    """Each stored page is fresh for 80-100 % of the minute, at random: the pages a
    publication makes render again would otherwise expire, and render, together every
    minute after."""
    release_factory(title="Toshkent")
    paths = [f"/{code}/{page}" for code in ("uz", "uz-cyrl", "ru", "en") for page in ("", "press/")]
    paths += [f"/uz/search/?q=Toshkent{n}" for n in range(8)]
    with time_machine.travel(timezone.now(), tick=False):
        for path in paths:
            assert get(client, path)["X-Page-Cache"] == "miss"
        hits = {path: get(client, path) for path in paths}
    kept = {
        path: int(hit["Cache-Control"].split("max-age=")[1].split(",")[0])
        for path, hit in hits.items()
    }
    assert all(hit["X-Page-Cache"] == "hit" for hit in hits.values())
    assert all(48 <= age <= 60 for age in kept.values()), kept
    assert len(set(kept.values())) > 3, kept


def test_languages_and_queries_are_cached_apart(client, release_factory):
    release_factory(title="Birinchi")
    uz = get(client, "/uz/press/")
    ru = get(client, "/ru/press/")
    page = get(client, "/uz/press/?kind=visit")
    assert "Birinchi [uz]" in uz.content.decode()
    assert "Birinchi [ru]" in ru.content.decode()
    assert "Birinchi" not in page.content.decode().split("<main", 1)[-1].split("</main>")[0]


def test_publishing_shows_the_release_at_once(client, editor, draft_factory):
    draft = draft_factory(title="Yangi xabar")
    assert "Yangi xabar" not in get(client, "/uz/press/").content.decode()
    with committed():
        services.release_publish(release=draft, user=editor, force_reason="urgent")
        # Until the commit the list is the one every other connection reads: kept as it is.
        response = get(client, "/uz/press/")
        assert response["X-Page-Cache"] == "hit"
        assert "Yangi xabar" not in response.content.decode()
    response = get(client, "/uz/press/")
    assert response["X-Page-Cache"] == "miss"
    assert "Yangi xabar" in response.content.decode()


def test_a_stale_kept_value_is_served_while_one_request_computes_it_again(db):
    """``remember(stale=…)``: after a change, the request that takes the lock computes the
    value again; one that comes meanwhile gets the old value, not a second computation."""

    def kept(compute):
        return page_cache.remember("test:stale", compute, tags=(page_cache.ALL,), stale=60)

    assert kept(lambda: "first") == "first"
    assert kept(lambda: pytest.fail("computed while fresh")) == "first"
    page_cache.bump(page_cache.ALL)
    meanwhile = []

    def again():
        meanwhile.append(kept(lambda: pytest.fail("computed twice at once")))
        return "second"

    assert kept(again) == "second"
    assert meanwhile == ["first"]
    assert kept(lambda: pytest.fail("computed while fresh")) == "second"
    page_cache.bump(page_cache.ALL)  # the lock went with the computation: the next counts
    assert kept(lambda: "third") == "third"


def test_correcting_shows_the_correction(client, editor, release_factory):
    release = release_factory(title="Eski sarlavha")
    path = f"/uz/press/{release.slug}/"
    assert "Eski sarlavha" in get(client, path).content.decode()
    with committed():
        services.release_correct(
            release=release, user=editor, changes={"title_uz": "Yangi sarlavha"}, major=False
        )
    body = get(client, path).content.decode()
    assert "Yangi sarlavha" in body and "Eski sarlavha [uz]" not in body


def test_withdrawing_takes_the_release_off_the_list(client, editor, release_factory):
    release = release_factory(title="Qaytariladigan")
    assert "Qaytariladigan" in get(client, "/uz/press/").content.decode()
    with committed():
        services.release_withdraw(release=release, user=editor, reason=in_every_language("xato"))
    assert "Qaytariladigan" not in get(client, "/uz/press/").content.decode()


def test_unpublishing_answers_gone(client, editor, release_factory):
    release = release_factory()
    path = f"/uz/press/{release.slug}/"
    get(client, path)
    with committed():
        services.release_unpublish(release=release, user=editor, reason=in_every_language("xato"))
    assert client.get(path).status_code == 410


@pytest.mark.parametrize("change", ["photo", "country", "topic", "link"])
def test_changes_outside_the_release_invalidate_too(client, release_factory, uzbekistan, change):
    from press.models import Topic

    release = release_factory(countries=[uzbekistan])
    get(client, "/uz/")
    before = page_cache.generation()
    if change == "photo":
        Photo.objects.bulk_create([Photo(release=release, image="photos/x.jpg")])  # no signal
        get(client, "/uz/")
        before = page_cache.generation()
    with committed():
        if change == "photo":
            release.photos.get().delete()
        elif change == "country":
            uzbekistan.name_uz = "Oʻzbekiston Respublikasi"
            uzbekistan.save()
        elif change == "topic":
            Topic.objects.create(slug="water", name_uz="Suv")
        else:
            release.countries.clear()
    assert page_cache.generation() != before
    assert get(client, "/uz/")["X-Page-Cache"] == "miss"


def test_a_scheduled_release_appears_within_a_minute_of_its_time(client, editor, draft_factory):
    now = timezone.now()
    at = now + datetime.timedelta(minutes=30)
    draft = draft_factory(title="Rejadagi xabar")
    with time_machine.travel(now, tick=False) as clock:
        services.release_publish(release=draft, user=editor, at=at, force_reason="plan")
        assert "Rejadagi xabar" not in get(client, "/uz/press/").content.decode()
        clock.move_to(at - datetime.timedelta(seconds=1))
        # Rendered one second before its time: kept, but never for more than a minute.
        assert "Rejadagi xabar" not in get(client, "/uz/press/").content.decode()
        clock.move_to(at + datetime.timedelta(seconds=30))
        assert "Rejadagi xabar" not in get(client, "/uz/press/").content.decode()
        clock.move_to(at + datetime.timedelta(seconds=60))
        assert "Rejadagi xabar" in get(client, "/uz/press/").content.decode()


def test_the_setting_cannot_keep_pages_longer_than_a_minute(client, db, settings):
    settings.PRESS_PAGE_CACHE_SECONDS = 3600
    assert page_cache.timeout() == 60


def test_a_junk_session_cookie_gets_the_cached_page(client, release_factory):
    release_factory(title="Ommaviy")
    first = get(client, "/uz/press/")
    assert first["X-Page-Cache"] == "miss"
    for junk in ("garbage", "0" * 32):
        client.cookies["sessionid"] = junk
        response = get(client, "/uz/press/")
        assert response["X-Page-Cache"] == "hit", junk
        assert response.content == first.content


def test_a_junk_session_cookie_on_a_miss_writes_no_session_and_stores_the_page(
    client, release_factory
):
    from django.contrib.sessions.models import Session

    release_factory(title="Ommaviy")
    for junk in ("garbage", "0" * 32):
        client.cookies["sessionid"] = junk
        response = get(client, f"/uz/press/?q={junk}")
        assert response["X-Page-Cache"] == "miss", junk  # rendered, and stored for anyone
        assert response["Cache-Control"].startswith("public")
        assert not response.cookies
    assert not Session.objects.exists()
    del client.cookies["sessionid"]
    assert get(client, "/uz/press/?q=garbage")["X-Page-Cache"] == "hit"


def test_staff_never_get_a_cached_page(client, admin_client, release_factory):
    release_factory(title="Ommaviy")
    get(client, "/uz/press/")  # cached for visitors
    response = get(admin_client, "/uz/press/")
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_pages_seen_by_staff_are_not_stored_for_visitors(client, admin_client, release_factory):
    release_factory()
    get(admin_client, "/uz/press/")
    assert get(client, "/uz/press/")["X-Page-Cache"] == "miss"


def test_the_admin_and_previews_are_never_cached(client, admin_user, release_factory):
    release = release_factory()
    assert "X-Page-Cache" not in client.get("/uz/admin/login/")
    link = services.preview_link_create(release=release, user=admin_user)
    url = link.get_absolute_url("uz")
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "no-store" in response["Cache-Control"]


def test_errors_and_posts_are_not_cached(client, db):
    assert client.get("/uz/press/no-such-release/").status_code == 404
    assert "X-Page-Cache" not in client.get("/uz/press/no-such-release/")
    assert client.get("/uz/press/?date_from=nonsense").status_code == 400
    assert "X-Page-Cache" not in client.get("/uz/press/?date_from=nonsense")
    assert "X-Page-Cache" not in client.post("/uz/press/")


def test_turned_off_by_the_setting(client, db, settings):
    settings.PRESS_PAGE_CACHE_SECONDS = 0
    get(client, "/uz/")
    assert "X-Page-Cache" not in get(client, "/uz/")


def test_a_cache_that_does_not_answer_serves_pages_uncached(client, db):
    nothing_listens = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port
        }
    }
    # Changing CACHES drops the cache connections (Django's setting_changed receiver).
    with override_settings(CACHES=nothing_listens):
        assert "X-Page-Cache" not in get(client, "/uz/")
        page_cache.bump()  # logged, not raised


def redis_url():
    import os

    import redis

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return None
    return url


def test_with_redis_pages_are_shared_and_invalidated(client, editor, draft_factory, settings):
    """What production runs: Django's RedisCache (CI starts Redis, .ci/run)."""
    import uuid

    url = redis_url()
    if url is None:
        pytest.skip("Redis is not reachable at REDIS_URL or 127.0.0.1:6379: start redis-server")
    own = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            # A prefix of its own: never flushes or reads anybody else's keys.
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        }
    }
    with override_settings(CACHES=own):
        draft = draft_factory(title="Redis orqali")
        assert get(client, "/uz/press/")["X-Page-Cache"] == "miss"
        other_visitor = type(client)()
        assert get(other_visitor, "/uz/press/")["X-Page-Cache"] == "hit"
        with committed():
            services.release_publish(release=draft, user=editor, force_reason="urgent")
        response = get(other_visitor, "/uz/press/")
        assert response["X-Page-Cache"] == "miss"
        assert "Redis orqali" in response.content.decode()
