import datetime

import pytest
from django.utils import timezone, translation

from press.models import Appointment, Country, Person, Post, Release, Status, Topic


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


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


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
        name_ru="Киргизия",
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


def make_release(**fields):
    """A release written in every language unless told otherwise, published an hour ago."""
    defaults = {
        "kind": "meeting",
        "event_date": datetime.date(2021, 5, 5),
        "status": Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=1),
    }
    title = fields.pop("title", "Uchrashuv")
    for code in ("uz", "uz_cyrl", "ru", "en"):
        defaults[f"title_{code}"] = f"{title} [{code}]"
        defaults[f"body_{code}"] = f"<p>{title} body [{code}]</p>"
    countries = fields.pop("countries", ())
    topics = fields.pop("topics", ())
    participants = fields.pop("participants", ())
    defaults.update(fields)
    release = Release.objects.create(**defaults)
    release.countries.set(countries)
    release.topics.set(topics)
    release.participants.set(participants)
    return release


@pytest.fixture
def release_factory(db):
    return make_release


# --- People in the press office's roles (groups made by migration press/0006_roles) ---------


def make_user(username: str, *groups: str, **fields):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "pw", is_staff=True, **fields
    )
    user.groups.set(Group.objects.filter(name__in=groups))
    return get_user_model().objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def author(db):
    return make_user("author", "author")


@pytest.fixture
def translator(db):
    return make_user("translator", "translator")


@pytest.fixture
def editor(db):
    return make_user("editor", "editor")


@pytest.fixture
def second_editor(db):
    return make_user("editor2", "editor")


@pytest.fixture
def draft_factory(db):
    def make(**fields):
        fields.setdefault("status", Status.DRAFT)
        fields.setdefault("published_at", None)
        return make_release(**fields)

    return make
