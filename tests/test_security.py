"""Security by default: headers, health, admin login protection, sessions, admin address."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.support import PASSWORD

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", ["/uz/", "/ru/press/", "/en/admin/login/"])
def test_security_headers_on_public_and_admin_pages(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "unsafe-inline" not in script_src and "'self'" in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_admin_pages_carry_no_inline_scripts(admin_client, release_factory):
    release = release_factory()
    inline = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL)
    for url in (
        "/uz/admin/",
        "/uz/admin/press/release/",
        f"/uz/admin/press/release/{release.pk}/change/",
    ):
        html = admin_client.get(url).content.decode()
        for attributes, code in inline.findall(html):
            # Data carriers (<script id=… data-…></script>, JSON) are fine; code is not.
            assert not code.strip() or "application/json" in attributes, (url, code[:80])


def test_healthz_reports_database_and_cache_without_internals(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def login(client, user, password=PASSWORD, code="ru", **data):
    """The admin's login form, posted with ``user``'s name and ``password``."""
    data = {"username": user.username, "password": password, **data}
    return client.post(f"/{code}/admin/login/", {"next": f"/{code}/admin/", **data})


def test_admin_login_locks_out_after_five_failures_in_the_users_language(client, admin_user):
    for _ in range(4):
        assert login(client, admin_user, "wrong").status_code == 200
    assert login(client, admin_user, "wrong").status_code == 429
    response = login(client, admin_user)
    assert response.status_code == 429
    assert "Слишком много неудачных попыток входа" in response.content.decode()


def test_successful_login_resets_the_failure_count(client, admin_user):
    for _ in range(3):
        login(client, admin_user, "wrong")
    assert login(client, admin_user).status_code == 302


def test_staff_with_an_authenticator_must_give_its_code(client, admin_user):
    device = TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)
    response = login(client, admin_user)
    assert response.status_code == 200
    assert client.get("/ru/admin/").status_code == 302
    response = login(client, admin_user, otp_token=f"{totp(device.bin_key):06d}")
    assert response.status_code == 302
    assert client.get("/ru/admin/").status_code == 200


def test_an_administrator_can_require_two_factors(client, admin_user, settings):
    settings.PRESS_ADMIN_REQUIRE_OTP = True
    response = login(client, admin_user, code="en")
    assert response.status_code == 200
    assert "Two-factor authentication is required" in response.content.decode()


def test_session_expires_after_two_idle_hours(client, admin_user):
    assert login(client, admin_user).status_code == 302
    assert client.get("/ru/admin/").status_code == 200
    with time_machine.travel(datetime.timedelta(hours=1, minutes=50)):
        assert client.get("/ru/admin/").status_code == 200  # activity moves the expiry on
    with time_machine.travel(datetime.timedelta(hours=4)):
        assert client.get("/ru/admin/").status_code == 302


def session_writes(client, path):
    """The request's writes to the session table (its UPDATEs and INSERTs)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [
        q["sql"] for q in queries if re.match(r'(UPDATE|INSERT INTO) "django_session"', q["sql"])
    ]


def test_a_busy_session_is_written_once_a_minute_and_still_ends_two_idle_hours_on(
    client, admin_user
):
    moment = datetime.datetime(2026, 12, 4, 9, 0, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False) as clock:
        assert login(client, admin_user).status_code == 302
        session = Session.objects.get()
        # Pages and beacons within a minute of the last write leave the session alone.
        clock.shift(datetime.timedelta(seconds=30))
        assert session_writes(client, "/ru/admin/") == []
        clock.shift(datetime.timedelta(seconds=31))
        assert len(session_writes(client, "/ru/admin/")) == 1
        written = Session.objects.get().expire_date
        assert written - session.expire_date == datetime.timedelta(seconds=61)
        assert written == timezone.now() + datetime.timedelta(hours=2)
        # The cookie the browser keeps ends with it.
        clock.shift(datetime.timedelta(hours=1, minutes=59))
        assert client.get("/ru/admin/").status_code == 200
        clock.shift(datetime.timedelta(hours=2, seconds=1))
        assert client.get("/ru/admin/").status_code == 302


def test_a_cookie_of_an_ended_session_starts_no_new_one(client, admin_user):
    assert login(client, admin_user).status_code == 302
    Session.objects.all().delete()
    # A page that never reads the user (nor, but for this middleware, the session).
    assert client.get("/ru/alerts/").status_code == 200
    assert client.get("/ru/admin/").status_code == 302  # to the login page
    assert not Session.objects.exists()


def test_the_admin_address_is_a_setting():
    env = {
        **os.environ,
        "ADMIN_URL": "back-office/",
        "DJANGO_SETTINGS_MODULE": "ministry.settings.test",
    }
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=env,
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.stdout.strip().endswith("/uz/back-office/"), result.stderr


@pytest.mark.parametrize(
    "path",
    ["/uz/", "/ru/press/", "/uz/press/feed.rss", "/en/press/feed.atom", "/sitemap.xml"],
)
def test_a_host_outside_allowed_hosts_is_a_400_not_a_500(path, release_factory, settings):
    release_factory()
    settings.PRESS_PAGE_CACHE_SECONDS = 60  # the page cache reads the host for its key
    response = Client(raise_request_exception=False).get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.content == b"Bad Request (400)"
