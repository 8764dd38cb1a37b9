"""A Redis that hangs or dies degrades the site to uncached pages; it never hangs it.

Each request runs in a thread joined with a bound: a request that hangs fails the test
instead of hanging the suite (the bound is a liveness check, not a speed measure).
"""

import json
import threading

import pytest
from django.core.cache import caches
from django.db import connections
from django.test import Client

from ministry import cache as fail_fast

pytestmark = pytest.mark.django_db(transaction=True)

# Far above one socket timeout (0.5 s): only a request that waits for Redis for ever fails.
HANG = 8


def fetch(path):
    """The response to GET path, or None if it did not come back within HANG seconds."""
    result = {}

    def run():
        try:
            result["response"] = Client().get(path)
        finally:
            connections.close_all()  # this thread's own connections, before the test database goes

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG)
    return result.get("response")


@pytest.fixture
def redis_cache(settings, redis_process):
    settings.CACHES = {
        "default": {
            "BACKEND": "ministry.cache.FailFastRedisCache",
            "LOCATION": redis_process.url,
            "KEY_PREFIX": "press-faults",
            "OPTIONS": {"FAILURE_PAUSE": 2},
        }
    }
    settings.PRESS_PAGE_CACHE_SECONDS = 60
    fail_fast._down_until.clear()
    yield redis_process
    fail_fast._down_until.clear()
    caches["default"].close()


def health(response):
    return response.status_code, json.loads(response.content)


def test_pages_are_cached_in_redis_while_it_answers(redis_cache, release_factory):
    release_factory(title="Savdo")
    assert fetch("/uz/press/")["X-Page-Cache"] == "miss"
    again = fetch("/uz/press/")
    assert again["X-Page-Cache"] == "hit"
    assert "Savdo [uz]" in again.content.decode()
    assert health(fetch("/healthz")) == (
        200,
        {"status": "ok", "database": "ok", "cache": "ok"},
    )


def test_a_paused_redis_leaves_pages_uncached_and_healthz_honest(redis_cache, release_factory):
    release_factory(title="Savdo")
    fetch("/uz/press/")
    redis_cache.pause()  # SIGSTOP: connections are accepted by the kernel, never answered
    try:
        page = fetch("/uz/press/")
        assert page is not None, "a public page hung on a paused Redis"
        assert page.status_code == 200
        assert "Savdo [uz]" in page.content.decode()
        assert not page.has_header("X-Page-Cache")  # rendered, not served from or stored in Redis
        other = fetch("/ru/press/")
        assert other is not None and other.status_code == 200
        report = fetch("/healthz")
        assert report is not None, "/healthz hung on a paused Redis"
        # Degraded, not unavailable: every server shares this Redis, and a 503 would make
        # the load balancer drain all of them while each can still serve pages uncached.
        assert health(report) == (
            200,
            {"status": "degraded", "database": "ok", "cache": "unavailable"},
        )
    finally:
        redis_cache.resume()


def test_a_stopped_redis_leaves_pages_uncached_and_comes_back(redis_cache, release_factory):
    release_factory(title="Savdo")
    redis_cache.stop()
    page = fetch("/uz/press/")
    assert page is not None and page.status_code == 200
    assert "Savdo [uz]" in page.content.decode()
    assert health(fetch("/healthz"))[1]["status"] == "degraded"

    redis_cache.start()
    fail_fast._down_until.clear()  # as if the pause after the failure had run out
    assert health(fetch("/healthz")) == (
        200,
        {"status": "ok", "database": "ok", "cache": "ok"},
    )
    assert fetch("/uz/press/")["X-Page-Cache"] == "miss"
