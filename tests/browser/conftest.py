"""Chromium through Playwright against pytest-django's live server.

Debian's /usr/bin/chromium is used (``playwright install`` downloads are not available);
without it, or without the playwright package, these tests skip and say why. Screenshots
go to test-artifacts/ (git-ignored) when PRESS_SCREENSHOTS is set, as make test-browser does.
"""

import datetime
import io
import os
import shutil
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.signals import request_finished, request_started
from django.utils import timezone
from PIL import Image, ImageDraw

from press.models import Attachment, Photo, Status
from tests.support import make_release, pdf

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def unavailable(reason):
    """Skip for want of a tool, except in CI (.ci/run), where every tool must be present."""
    if os.environ.get("PRESS_REQUIRE_BROWSER_TESTS"):
        pytest.fail(f"{reason} (PRESS_REQUIRE_BROWSER_TESTS is set)")
    pytest.skip(reason)


def one_request_at_a_time(handler_class):
    """A static_handler for Django's LiveServerThread that lets one request in at a time.

    Hazard: on in-memory SQLite, every request thread of the live server shares the test's
    one connection. Two requests at once (a presence beat while a save is under way) then
    meet inside one transaction, and SQLite answers "cannot start a transaction within a
    transaction": a page that fails for the test, never for a reader. The response is read
    to its end inside the lock, because its body may still query the database.
    """
    lock = threading.Lock()

    def make(app):
        handler = handler_class(app)

        def serve(environ, start_response):
            with lock:
                response = handler(environ, start_response)
                try:
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()

        return serve

    return make


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, with requests taken one at a time on in-memory SQLite.

    On PostgreSQL (or a SQLite file) each request thread has its own connection and the
    server stays as concurrent as a real one.
    """
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer(
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost",
        start=False,
    )
    if server.thread.connections_override:
        server.thread.static_handler = one_request_at_a_time(server.thread.static_handler)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    """Chromium for one test module.

    Playwright's sync API runs an event loop in this thread, while the fixtures that write
    to the database (and the flush after each test) are ordinary synchronous Django code:
    DJANGO_ALLOW_ASYNC_UNSAFE is set for as long as the browser runs, and no longer, so
    that nothing else (a `check --deploy` subprocess) inherits it.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed: pip install -r requirements-dev.txt")
    if not Path(CHROMIUM).exists():
        unavailable(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


class ServerRequests:
    """When the live server (a thread of this process) last began or finished a request.

    Not a count of requests in progress: a request whose client went away (a page sent to
    about:blank while its fetch was under way) may never send request_finished, and a
    count would stay above zero for good.
    """

    def __init__(self):
        self.last = time.monotonic()
        request_started.connect(self.seen, dispatch_uid="browser-tests-started")
        request_finished.connect(self.seen, dispatch_uid="browser-tests-finished")

    def seen(self, **kwargs):
        self.last = time.monotonic()

    def wait_until_idle(self, page, quiet=0.3, limit=5.0):
        """Wait until the server has seen no request begin or end for ``quiet`` seconds: a
        beacon sent by a page being left is still on its way for a moment."""
        start = time.monotonic()
        while time.monotonic() - max(self.last, start) < quiet and time.monotonic() - start < limit:
            page.wait_for_timeout(50)


SERVER = ServerRequests()


def leave_quietly(context):
    """Leave every page of a context and wait until the server has answered what that sent.

    Hazard: the test database is flushed right after the test. A page's presence beat or
    the beacon it sends on leaving (static/js/admin-presence.js) that reaches the live
    server during the flush writes to a table being emptied, which SQLite refuses
    ("database table is locked"), or reaches it once database access is blocked between
    tests: an error in a test that has passed. So the pages go to about:blank first, and
    the context is closed only once the server has been idle for a moment.
    """
    for page in context.pages:
        if not page.is_closed():
            page.goto("about:blank")
    pump = context.pages[0] if context.pages else context.new_page()
    SERVER.wait_until_idle(pump)


@pytest.fixture
def open_page(browser):
    """new page at a viewport; every page opened is left and closed after the test."""
    contexts = []

    def open_(viewport=PHONE, **options):
        context = browser.new_context(viewport=viewport, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        leave_quietly(context)
        context.close()


@pytest.fixture
def shot(request):
    """shot(page, "name"): a full-page screenshot in test-artifacts/<test name>/, taken when
    PRESS_SCREENSHOTS is set (make test-browser sets it): they are for people to look at,
    and encoding ~170 full pages as PNG is a sixth of the browser tests' time in make test."""
    if not os.environ.get("PRESS_SCREENSHOTS"):
        return lambda page, name: None
    folder = ARTIFACTS / request.node.name.replace("/", "_")[:120]
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)

    return take


def photo_bytes(colour, label):
    image = Image.new("RGB", (1200, 800), colour)
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 80, 1120, 720), outline="white", width=12)
    draw.text((120, 120), label, fill="white")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def add_photo(release, n, colour, *, lead=False):
    photo = Photo(
        release=release,
        is_lead=lead,
        order=n,
        credit="MFA",
        **{f"alt_{c}": f"Photo {n} [{c}]" for c in ("uz", "uz_cyrl", "ru", "en")},
        **{f"caption_{c}": f"Caption {n} [{c}]" for c in ("uz", "uz_cyrl", "ru", "en")},
    )
    photo.image.save(f"photo{n}.jpg", ContentFile(photo_bytes(colour, f"{n}")), save=False)
    photo.save()
    return photo


@pytest.fixture
def site(transactional_db, uzbekistan, kyrgyzstan, trade, minister):
    """A small public site: a full release with photos and a document, 25 releases about
    Kyrgyzstan in 2022 (two pages), a few others, and an unpublished one (410)."""
    from press.models import Country

    Country.objects.create(
        code="SCO", slug="sco", kind="organisation",
        name_uz="Shanxay hamkorlik tashkiloti", name_uz_cyrl="Шанхай ҳамкорлик ташкилоти",
        name_ru="Шанхайская организация сотрудничества",
        name_en="Shanghai Cooperation Organisation",
    )  # fmt: skip
    now = timezone.now()
    full = make_release(
        title="Tashkent talks",
        countries=[uzbekistan, kyrgyzstan],
        topics=[trade],
        participants=[minister],
        event_date=datetime.date(2021, 5, 5),
        published_at=now - datetime.timedelta(minutes=5),
        place_uz="Toshkent", place_uz_cyrl="Тошкент", place_ru="Ташкент", place_en="Tashkent",
        lead_uz="Vazirlar uchrashdi.", lead_uz_cyrl="Вазирлар учрашди.",
        lead_ru="Министры встретились.", lead_en="The ministers met.",
    )  # fmt: skip
    for n, colour in enumerate(("#0b4f8a", "#1c7c54", "#8a3b0b")):
        add_photo(full, n, colour, lead=n == 0)
    attachment = Attachment(release=full, language="en", title_en="Joint statement")
    attachment.file.save("statement.pdf", ContentFile(pdf()), save=False)
    attachment.save()
    kyrgyz = [
        make_release(
            title=f"Bishkek {n:02d}",
            countries=[kyrgyzstan],
            kind="visit" if n % 2 else "meeting",
            event_date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n * 7),
            published_at=now - datetime.timedelta(hours=n + 1),
        )
        for n in range(25)
    ]
    for n in range(3):
        make_release(
            title=f"Elsewhere {n}",
            countries=[uzbekistan],
            event_date=datetime.date(2023, 3, 1 + n),
            published_at=now - datetime.timedelta(days=2, hours=n),
        )
    gone = make_release(title="Taken down", status=Status.UNPUBLISHED)
    return {"full": full, "kyrgyz": kyrgyz, "gone": gone, "minister": minister}
