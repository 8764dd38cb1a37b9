"""The one rule for "an anonymous visitor reading the public site" (press/site/public_read.py),
which the page cache, the cache headers and the read-replica router all ask."""

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.test import Client, RequestFactory
from django.utils import timezone

from press.site.public_read import is_anonymous_public_read

factory = RequestFactory()


@pytest.mark.parametrize(
    "path",
    ["/uz/", "/uz-cyrl/press/", "/en/press/some-release/", "/ru/search/?q=x", "/robots.txt",
     "/sitemap-releases.xml", "/uz/countries/uzbekistan/feed.rss"],
)  # fmt: skip
def test_a_visitor_without_cookies_reading_a_page_is_one(path):
    assert is_anonymous_public_read(factory.get(path))
    assert is_anonymous_public_read(factory.head(path))


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_anything_but_get_and_head_is_not(method):
    assert not is_anonymous_public_read(getattr(factory, method)("/uz/press/"))


def signed_in_session(user) -> str:
    """The key of a stored session in which ``user`` is signed in."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.mark.django_db
def test_a_signed_in_session_makes_it_personal(editor):
    request = factory.get("/uz/press/")
    request.COOKIES[settings.SESSION_COOKIE_NAME] = signed_in_session(editor)
    assert not is_anonymous_public_read(request)


@pytest.mark.django_db
def test_a_junk_unknown_expired_or_anonymous_session_is_like_none(editor):
    expired = signed_in_session(editor)
    Session.objects.filter(session_key=expired).update(expire_date=timezone.now())
    anonymous = SessionStore()
    anonymous["something"] = "not a user"
    anonymous.create()
    for key in ("garbage", "x" * 32, expired, anonymous.session_key):
        request = factory.get("/uz/press/")
        request.COOKIES[settings.SESSION_COOKIE_NAME] = key
        assert is_anonymous_public_read(request), key


def test_a_messages_cookie_makes_it_personal():
    request = factory.get("/uz/press/")
    request.COOKIES["messages"] = "anything"
    assert not is_anonymous_public_read(request)


def test_other_cookies_do_not():
    request = factory.get("/uz/press/")
    request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = "ru"
    request.COOKIES["csrftoken"] = "anything"
    assert is_anonymous_public_read(request)


@pytest.mark.parametrize(
    "path", ["/uz/admin/", "/uz-cyrl/admin/login/", "/en/admin/press/release/1/change/", "/admin/"]
)
def test_the_admin_is_not_even_without_a_session(path):
    assert not is_anonymous_public_read(factory.get(path))


def test_the_admin_is_wherever_its_setting_puts_it(settings):
    settings.ADMIN_URL = "office/"
    assert not is_anonymous_public_read(factory.get("/uz/office/"))
    assert is_anonymous_public_read(factory.get("/uz/admin/"))


@pytest.mark.parametrize("path", ["/uz/preview/some-token/", "/ru/preview/x/"])
def test_preview_links_are_not(path):
    assert not is_anonymous_public_read(factory.get(path))


def test_a_page_whose_slug_starts_like_the_admin_is_one():
    assert is_anonymous_public_read(factory.get("/uz/press/admin-reform/"))
