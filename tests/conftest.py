"""The fixtures any test may ask for: a clean start, places and an official, the cast (people
of the press office, each with a logged-in client) and releases. What they are built from is
in tests/support.py, which tests import when they need more than a fixture gives."""

import datetime
import logging
import shutil
import tempfile
from pathlib import Path

import pytest
from django.utils import translation

from press.models import Appointment, Country, Person, Post, Status, Topic
from tests.support import logged_in, make_release, make_user


@pytest.fixture(autouse=True)
def _default_language():
    # Each test starts in the default language, whatever the previous one activated.
    with translation.override("uz"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    # The local-memory cache outlives each test's rolled-back database: what one test's
    # rows put there (press.site.page_cache.remember) must not answer the next.
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def _media_base(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture
def page_caching(settings):
    """The page cache on, as in production, and empty before and after (the test settings
    turn it off for everyone else: the local-memory cache outlives each test's rows)."""
    from django.core.cache import cache

    settings.PRESS_PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_root(settings, _media_base):
    # Each test its own empty media folder, so that a test can tell which files a save left.
    # Not tmp_path: pytest re-points a "current" symlink for each one, which costs more than
    # many a test; mkdtemp is one system call.
    folder = Path(tempfile.mkdtemp(dir=_media_base))
    settings.MEDIA_ROOT = folder / "media"
    yield
    shutil.rmtree(folder, ignore_errors=True)


# --- Places, a topic and an official ----------------------------------------------------------


@pytest.fixture
def uzbekistan(db):
    return Country.objects.create(
        code="UZ",
        iso3="UZB",
        slug="uzbekistan",
        name_uz="Oʻzbekiston",
        name_uz_cyrl="Ўзбекистон",
        name_ru="Узбекистан",
        name_en="Uzbekistan",
    )


@pytest.fixture
def kyrgyzstan(db):
    return Country.objects.create(
        code="KG",
        iso3="KGZ",
        slug="kyrgyzstan",
        name_uz="Qirgʻiziston",
        name_uz_cyrl="Қирғизистон",
        name_ru="Кыргызстан",
        name_en="Kyrgyzstan",
    )


@pytest.fixture
def trade(db):
    return Topic.objects.create(
        slug="trade", name_uz="Savdo", name_uz_cyrl="Савдо", name_ru="Торговля", name_en="Trade"
    )


@pytest.fixture
def minister(db, uzbekistan):
    """A demo minister in office from 2020 to 2022, then a successor."""
    post = Post.objects.create(
        title_uz="Tashqi ishlar vaziri",
        title_uz_cyrl="Ташқи ишлар вазири",
        title_ru="Министр иностранных дел",
        title_en="Minister of Foreign Affairs",
        country=uzbekistan,
        seniority=1,
    )
    person = Person.objects.create(
        slug="demo-minister",
        name_uz="Demo Vazir",
        name_uz_cyrl="Демо Вазир",
        name_ru="Демо Министр",
        name_en="Demo Minister",
    )
    return Appointment.objects.create(
        person=person,
        post=post,
        started_on=datetime.date(2020, 1, 1),
        ended_on=datetime.date(2022, 7, 1),
    )


# --- The cast: every test speaks of these people, each with a client of their own ------------
# Roles are the groups made by migration press/0006_roles (press/roles.py says what each may do).


@pytest.fixture
def author(db):
    """Drafts and submits releases; cannot publish, nor edit one that is out."""
    return make_user("author", "author")


@pytest.fixture
def translator(db):
    """Writes the text of any release in any language; never its status, dates or relations."""
    return make_user("translator", "translator")


@pytest.fixture
def editor(db):
    """Everything an author and a translator do, and every workflow step."""
    return make_user("editor", "editor")


@pytest.fixture
def second_editor(db):
    """Another editor: for conflicts and "someone else is editing"."""
    return make_user("editor2", "editor")


@pytest.fixture
def outsider(db):
    """A staff account in no role: may log in, may see and do nothing."""
    return make_user("outsider")


@pytest.fixture
def admin_user(db):
    """The administrator: a superuser (replaces pytest-django's, so the cast is made here)."""
    return make_user("admin", is_superuser=True)


@pytest.fixture
def author_client(author):
    return logged_in(author)


@pytest.fixture
def translator_client(translator):
    return logged_in(translator)


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def second_editor_client(second_editor):
    return logged_in(second_editor)


@pytest.fixture
def outsider_client(outsider):
    return logged_in(outsider)


@pytest.fixture
def admin_client(admin_user):
    return logged_in(admin_user)


# --- Releases ---------------------------------------------------------------------------------


@pytest.fixture
def release_factory(db):
    """make_release (tests/support.py): published an hour ago, in every language."""
    return make_release


@pytest.fixture
def draft_factory(db):
    """make_release, as a draft nobody has published."""

    def make(**fields):
        fields.setdefault("status", Status.DRAFT)
        fields.setdefault("published_at", None)
        return make_release(**fields)

    return make


# --- Mail through a real SMTP server ----------------------------------------------------------


@pytest.fixture
def smtp_server(settings):
    """An aiosmtpd server on a free loopback port, and Django's SMTP backend sending to it;
    yields its SmtpSink (tests/support.py)."""
    from aiosmtpd.controller import Controller

    from tests.support import SmtpSink, free_port

    sink = SmtpSink()
    # aiosmtpd logs every SMTP command at INFO: a page of it per message in any failure.
    logging.getLogger("mail.log").setLevel(logging.WARNING)
    controller = Controller(sink, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    try:
        yield sink
    finally:
        controller.stop()
