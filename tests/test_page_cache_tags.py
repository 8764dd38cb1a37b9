"""Targeted invalidation and no stampede (press/site/page_cache.py): a change recomputes only
the pages that show what it touched; an expired or stale page is served as it was while one
request renders it again; the headers tell a CDN the same and name the page's tags."""

import uuid

import pytest
import redis
import time_machine
from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.utils import timezone

from press import services
from press.site import page_cache
from tests.support import committed, in_every_language

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_caching")]


def get(client, path):
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return response


def text(response) -> str:
    return response.content.decode()


def lock_of(path):
    """The recompute lock's cache key of ``path``, as a visitor's request makes it."""
    return page_cache.PageCacheMiddleware.key(RequestFactory().get(path)) + ":lock"


@pytest.fixture
def two_countries(release_factory, draft_factory, uzbekistan, kyrgyzstan):
    """A published release about Kyrgyzstan, and a draft about Uzbekistan, both pages seen."""
    other = release_factory(title="Bishkek xabari", countries=[kyrgyzstan])
    draft = draft_factory(title="Toshkent xabari")
    draft.countries.set([uzbekistan])
    paths = {
        "kyrgyzstan": "/uz/countries/kyrgyzstan/",
        "uzbekistan": "/uz/countries/uzbekistan/",
        "list": "/uz/press/",
        "home": "/uz/",
        "other": f"/uz/press/{other.slug}/",
    }
    return draft, other, paths


def test_publishing_recomputes_its_hubs_and_leaves_an_unrelated_country_cached(
    client, editor, two_countries, django_assert_num_queries
):
    draft, _other, paths = two_countries
    first = {name: get(client, path) for name, path in paths.items()}
    assert "Toshkent xabari" not in text(first["uzbekistan"])

    with committed():
        services.release_publish(release=draft, user=editor, force_reason="urgent")

    # Kyrgyzstan's page and the Kyrgyz release's page show nothing of it: still served from
    # the cache, without a query.
    for name in ("kyrgyzstan", "other"):
        with django_assert_num_queries(0):
            again = get(client, paths[name])
        assert again["X-Page-Cache"] == "hit", name
        assert again.content == first[name].content
    # Its country's page, the list and home are rendered again, and show it.
    for name in ("uzbekistan", "list", "home"):
        again = get(client, paths[name])
        assert again["X-Page-Cache"] == "miss", name
        assert "Toshkent xabari [uz]" in text(again), name
    assert "Toshkent xabari" not in text(get(client, paths["kyrgyzstan"]))


def test_correcting_recomputes_its_page_in_every_language_only(
    client, editor, release_factory, uzbekistan, kyrgyzstan
):
    release = release_factory(title="Eski", countries=[uzbekistan])
    unrelated = release_factory(title="Boshqa", countries=[kyrgyzstan])
    own = [f"/{code}/press/{release.slug}/" for code in ("uz", "uz-cyrl", "ru", "en")]
    for path in [*own, f"/uz/press/{unrelated.slug}/"]:
        get(client, path)

    with committed():
        services.release_correct(
            release=release, user=editor, changes={"title_ru": "Новый заголовок"}, major=False
        )

    for path in own:
        assert get(client, path)["X-Page-Cache"] == "miss", path
    assert "Новый заголовок" in text(get(client, f"/ru/press/{release.slug}/"))
    assert get(client, f"/uz/press/{unrelated.slug}/")["X-Page-Cache"] == "hit"


def test_withdrawing_takes_it_off_its_country_page_and_leaves_the_other(
    client, editor, release_factory, uzbekistan, kyrgyzstan
):
    release = release_factory(title="Qaytariladigan", countries=[uzbekistan])
    release_factory(title="Qoladigan", countries=[kyrgyzstan])
    assert "Qaytariladigan [uz]" in text(get(client, "/uz/countries/uzbekistan/"))
    get(client, "/uz/countries/kyrgyzstan/")

    with committed():
        services.release_withdraw(release=release, user=editor, reason=in_every_language("xato"))

    page = get(client, "/uz/countries/uzbekistan/")
    assert page["X-Page-Cache"] == "miss"
    assert "Qaytariladigan" not in text(page)
    assert get(client, "/uz/countries/kyrgyzstan/")["X-Page-Cache"] == "hit"


def test_moving_a_release_to_another_country_recomputes_both_hubs(
    client, release_factory, uzbekistan, kyrgyzstan
):
    release = release_factory(title="Koʻchgan", countries=[uzbekistan])
    get(client, "/uz/countries/uzbekistan/")
    get(client, "/uz/countries/kyrgyzstan/")

    with committed():
        release.countries.set([kyrgyzstan])

    old, new = get(client, "/uz/countries/uzbekistan/"), get(client, "/uz/countries/kyrgyzstan/")
    assert old["X-Page-Cache"] == new["X-Page-Cache"] == "miss"
    assert "Koʻchgan" not in text(old) and "Koʻchgan [uz]" in text(new)


def test_a_country_renamed_recomputes_every_page(client, release_factory, uzbekistan, kyrgyzstan):
    release = release_factory(countries=[uzbekistan])
    get(client, "/uz/countries/kyrgyzstan/")
    get(client, f"/uz/press/{release.slug}/")
    uzbekistan.name_uz = "Oʻzbekiston Respublikasi"
    with committed():
        uzbekistan.save()
    assert get(client, "/uz/countries/kyrgyzstan/")["X-Page-Cache"] == "miss"
    page = get(client, f"/uz/press/{release.slug}/")
    assert page["X-Page-Cache"] == "miss"
    assert "Oʻzbekiston Respublikasi" in text(page)


def test_a_changed_page_is_served_stale_while_another_request_renders_it(
    client, editor, two_countries, django_assert_num_queries
):
    draft, _other, paths = two_countries
    before = get(client, paths["list"])
    with committed():
        services.release_publish(release=draft, user=editor, force_reason="urgent")

    # Another request is rendering the list (it holds the lock): this one gets the copy,
    # without a query, rather than rendering the same page too.
    assert cache.add(lock_of(paths["list"]), 1, 10)
    with django_assert_num_queries(0):
        stale = get(client, paths["list"])
    assert stale["X-Page-Cache"] == "stale"
    assert stale.content == before.content
    assert "Toshkent xabari" not in text(stale)

    # The renderer is done: the next request renders and stores the new list.
    cache.delete(lock_of(paths["list"]))
    fresh = get(client, paths["list"])
    assert fresh["X-Page-Cache"] == "miss"
    assert "Toshkent xabari [uz]" in text(fresh)
    assert not cache.get(lock_of(paths["list"]))  # released after rendering
    assert get(client, paths["list"])["X-Page-Cache"] == "hit"


def test_while_this_process_renders_a_stale_page_the_others_get_their_copies(
    client, editor, two_countries, django_assert_num_queries
):
    """A publication makes its list, home and hubs stale together: one request of a process
    renders (page_cache.RENDERING), the others get their copies instead of rendering their
    pages beside it; a page with no copy at all is rendered all the same."""
    draft, _other, paths = two_countries
    before = {name: get(client, paths[name]) for name in ("list", "home", "uzbekistan")}
    with committed():
        services.release_publish(release=draft, user=editor, force_reason="urgent")

    assert page_cache.RENDERING.acquire(blocking=False)  # rendering another page
    try:
        with django_assert_num_queries(0):
            for name in ("list", "home", "uzbekistan"):
                stale = get(client, paths[name])
                assert stale["X-Page-Cache"] == "stale", name
                assert stale.content == before[name].content
        never_seen = get(client, "/uz-cyrl/press/")
        assert never_seen["X-Page-Cache"] == "miss"
        assert "Toshkent xabari [uz_cyrl]" in text(never_seen)
    finally:
        page_cache.RENDERING.release()

    # Done: the next request for each renders it, and lets the following one render.
    for name in ("list", "home", "uzbekistan"):
        fresh = get(client, paths[name])
        assert fresh["X-Page-Cache"] == "miss", name
        assert "Toshkent xabari [uz]" in text(fresh)
    assert page_cache.RENDERING.acquire(blocking=False)
    page_cache.RENDERING.release()


def test_an_expired_page_is_served_stale_while_one_request_renders_it(
    client, release_factory, uzbekistan
):
    release_factory(title="Eskirgan", countries=[uzbekistan])
    path = "/uz/countries/uzbekistan/"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        first = get(client, path)
        clock.shift(61)  # past its minute, within STALE_SECONDS
        assert cache.add(lock_of(path), 1, 10)
        stale = get(client, path)
        assert stale["X-Page-Cache"] == "stale"
        assert stale.content == first.content
        # The CDN is told it has no time left: it revalidates, and may serve this meanwhile.
        assert stale["Cache-Control"].startswith("public, max-age=0, stale-while-revalidate=")
        cache.delete(lock_of(path))
        assert get(client, path)["X-Page-Cache"] == "miss"
        clock.shift(60 + page_cache.STALE_SECONDS + 1)  # gone altogether: rendered, no stale
        assert cache.add(lock_of(path), 1, 10)
        assert get(client, path)["X-Page-Cache"] == "miss"


def test_an_unpublished_release_is_never_served_stale(client, editor, release_factory):
    release = release_factory(title="Olib tashlangan")
    path = f"/uz/press/{release.slug}/"
    get(client, path)
    with committed():
        services.release_unpublish(release=release, user=editor, reason=in_every_language("xato"))
    assert client.get(path).status_code == 410
    # Whoever renders it next, the others are not handed the kept page meanwhile.
    assert cache.add(lock_of(path), 1, 10)
    response = client.get(path)
    assert response.status_code == 410
    assert "Olib tashlangan" not in text(response)


def test_a_page_that_fails_to_render_is_served_from_its_stale_copy(
    client, release_factory, tmp_path, settings
):
    release_factory(title="Saqlangan")
    path = "/uz/press/"
    # A bad deploy: every template gone but the error page, which stands alone.
    (tmp_path / "500.html").write_text((settings.BASE_DIR / "templates/500.html").read_text())
    broken = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [tmp_path]}]
    visitor = type(client)(raise_request_exception=False)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        first = get(visitor, path)
        clock.shift(61)
        with override_settings(TEMPLATES=broken):
            assert visitor.get("/uz/press/?kind=visit").status_code == 500  # nothing kept
            response = visitor.get(path)
        assert response.status_code == 200
        assert response["X-Page-Cache"] == "stale"
        assert response.content == first.content


def test_headers_name_the_tags_a_cdn_can_purge_by(client, release_factory, uzbekistan, trade):
    release = release_factory(countries=[uzbekistan], topics=[trade])
    page = get(client, f"/en/press/{release.slug}/")
    tags = {"all", f"release:{release.pk}", f"country:{uzbekistan.pk}", f"topic:{trade.pk}"}
    assert set(page["Surrogate-Key"].split(" ")) == tags
    assert set(page["Cache-Tag"].split(",")) == tags
    assert "stale-while-revalidate=30" in page["Cache-Control"]
    assert "stale-if-error=600" in page["Cache-Control"]
    # Served from the cache, the same headers.
    again = get(client, f"/en/press/{release.slug}/")
    assert again["X-Page-Cache"] == "hit" and again["Surrogate-Key"] == page["Surrogate-Key"]
    assert get(client, "/en/press/")["Surrogate-Key"] == "all list"
    assert get(client, "/en/countries/uzbekistan/")["Cache-Tag"] == f"all,country:{uzbekistan.pk}"
    assert "Surrogate-Key" not in client.get("/en/press/no-such-release/")


def test_an_evicted_tag_never_makes_an_older_page_valid_again(
    client, editor, two_countries, django_assert_num_queries
):
    draft, _other, paths = two_countries
    get(client, paths["uzbekistan"])
    with committed():
        services.release_publish(release=draft, user=editor, force_reason="urgent")
    cache.delete(page_cache.tag_key(f"country:{draft.countries.get().pk}"))  # evicted
    page = get(client, paths["uzbekistan"])
    assert page["X-Page-Cache"] == "miss"
    assert "Toshkent xabari [uz]" in text(page)
    assert get(client, paths["uzbekistan"])["X-Page-Cache"] == "hit"


def redis_url():
    import os

    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return None
    return url


def test_with_redis_only_the_pages_that_show_it_are_recomputed(client, editor, two_countries):
    """Production's cache: the counter is INCR, the lock SET NX, the tags one MGET."""
    url = redis_url()
    if url is None:
        pytest.skip("Redis is not reachable at REDIS_URL or 127.0.0.1:6379: start redis-server")
    own = {
        "default": {
            "BACKEND": "ministry.cache.FailFastRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",  # never anybody else's keys
        }
    }
    draft, _other, paths = two_countries
    with override_settings(CACHES=own):
        for path in paths.values():
            get(client, path)
        with committed():
            services.release_publish(release=draft, user=editor, force_reason="urgent")
        other_visitor = type(client)()
        assert get(other_visitor, paths["kyrgyzstan"])["X-Page-Cache"] == "hit"
        assert get(other_visitor, paths["other"])["X-Page-Cache"] == "hit"
        assert page_cache.page_cache().add(lock_of(paths["uzbekistan"]), 1, 10)
        assert get(other_visitor, paths["uzbekistan"])["X-Page-Cache"] == "stale"
        page_cache.page_cache().delete(lock_of(paths["uzbekistan"]))
        page = get(other_visitor, paths["uzbekistan"])
        assert page["X-Page-Cache"] == "miss" and "Toshkent xabari [uz]" in text(page)
        assert get(other_visitor, paths["list"])["X-Page-Cache"] == "miss"


def test_the_production_cache_reads_redis_replies_with_the_c_parser():
    """hiredis (requirements.txt): a page's one MGET of its cards and their tags is ~40
    replies, parsed line by line in Python without it."""
    url = redis_url()
    if url is None:
        pytest.skip("Redis is not reachable at REDIS_URL or 127.0.0.1:6379: start redis-server")
    from redis._parsers import _HiredisParser

    from ministry.cache import FailFastRedisCache

    backend = FailFastRedisCache(url, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    backend.set("card", "<article>…</article>")
    assert backend.get_many(["card", "absent"]) == {"card": "<article>…</article>"}
    pool = backend._cache._get_connection_pool(write=False)
    connection = pool.get_connection()
    try:
        assert isinstance(connection._parser, _HiredisParser)
    finally:
        pool.release(connection)
        backend.close()


def test_the_production_cache_keeps_any_key_and_reads_back_integers_and_pickles():
    """ministry.cache: integers stay integers for INCR (the tags' counters), everything
    else is pickled and read back as it was, and keys memcached would refuse raise no
    warning (Redis takes them)."""
    url = redis_url()
    if url is None:
        pytest.skip("Redis is not reachable at REDIS_URL or 127.0.0.1:6379: start redis-server")
    import warnings

    from ministry.cache import FailFastRedisCache

    backend = FailFastRedisCache(url, {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"})
    values = {
        "tag": 41,
        "negative": -3,
        "flag": True,
        "count": 12_345_678_901,
        "page": (7, b"\x80 raw bytes", "Ўзбекистон"),
        "a key with spaces and " + "x" * 260: {"ids": [1, 2]},
    }
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a CacheKeyWarning fails the test
            backend.set_many(values)
            assert backend.incr("tag") == 42
            found = backend.get_many(list(values))
        assert found == {**values, "tag": 42}
        assert type(found["flag"]) is bool and type(found["tag"]) is int
        assert backend._cache.get_client().get(backend.make_key("tag")) == b"42"
    finally:
        backend.delete_many(list(values))  # clear() would empty the whole database
        backend.close()
