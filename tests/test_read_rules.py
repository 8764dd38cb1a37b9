"""The read rules: each ReleaseQuerySet verb returns exactly the releases it names, and the
model methods that mirror the verbs agree with them (press/models/querysets.py, rules.py)."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from press.models import Appointment, Country, Person, Post, Release, Status, Topic, rules

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


def titles(queryset) -> set[str]:
    return {release.title_en.removesuffix(" [en]") for release in queryset}


@pytest.fixture
def timeline(release_factory, draft_factory):
    """Releases on either side of now, titled by what they are."""
    return {
        "long ago": release_factory(title="long ago", published_at=NOW - 30 * DAY),
        "an hour ago": release_factory(title="an hour ago", published_at=NOW - HOUR),
        "now": release_factory(title="now", published_at=NOW),
        "in two hours": release_factory(title="in two hours", published_at=NOW + 2 * HOUR),
        "in ten days": release_factory(title="in ten days", published_at=NOW + 10 * DAY),
        "withdrawn": release_factory(
            title="withdrawn", status=Status.WITHDRAWN, published_at=NOW - DAY
        ),
        "withdrawn, was scheduled": release_factory(
            title="withdrawn, was scheduled", status=Status.WITHDRAWN, published_at=NOW + DAY
        ),
        "unpublished": release_factory(
            title="unpublished", status=Status.UNPUBLISHED, published_at=NOW - DAY
        ),
        "submitted": release_factory(title="submitted", status=Status.SUBMITTED),
        "draft": draft_factory(title="draft"),
    }


# --- Status and time ----------------------------------------------------------------------


def test_published_is_due_and_published(timeline):
    assert titles(Release.objects.published()) == {"long ago", "an hour ago", "now"}


def test_published_since_a_moment(timeline):
    since = NOW - 2 * HOUR
    assert titles(Release.objects.published(since=since)) == {"an hour ago", "now"}


def test_scheduled_is_published_but_not_yet_due(timeline):
    assert titles(Release.objects.scheduled()) == {"in two hours", "in ten days"}


def test_scheduled_within_a_time(timeline):
    assert titles(Release.objects.scheduled(within=7 * DAY)) == {"in two hours"}


def test_visible_adds_withdrawn_once_due(timeline):
    assert titles(Release.objects.visible()) == {"long ago", "an hour ago", "now", "withdrawn"}


def test_a_scheduled_release_becomes_published_when_its_time_comes(timeline):
    with time_machine.travel(NOW + 3 * HOUR, tick=False):
        assert "in two hours" in titles(Release.objects.published())
        assert titles(Release.objects.scheduled()) == {"in ten days"}


# --- Languages ----------------------------------------------------------------------------


@pytest.fixture
def bilingual(release_factory):
    """Published releases written in some languages only (an empty title or body is not)."""
    return {
        "all four": release_factory(title="all four"),
        "no English": release_factory(title="no English", title_en="", body_en=""),
        "no Russian body": release_factory(title="no Russian body", body_ru=""),
        "withdrawn, no English": release_factory(
            title="withdrawn, no English", status=Status.WITHDRAWN, body_en=""
        ),
    }


def names(queryset) -> set[str]:
    return {release.title_uz.removesuffix(" [uz]") for release in queryset}


def test_in_language_asks_title_and_body(bilingual):
    assert names(Release.objects.in_language("en")) == {"all four", "no Russian body"}
    # Any status: the language alone.
    expected = {"all four", "no English", "withdrawn, no English"}
    assert names(Release.objects.in_language("ru")) == expected


def test_public_is_published_and_written_in_the_language(bilingual, timeline):
    published = {"long ago", "an hour ago", "now"}  # written in all four languages
    assert names(Release.objects.public("en")) == {"all four", "no Russian body", *published}
    assert names(Release.objects.public("ru")) == {"all four", "no English", *published}


def test_public_defaults_to_the_active_language(bilingual):
    with translation.override("en"):
        assert names(Release.objects.public()) == {"all four", "no Russian body"}


def test_readable_adds_withdrawn_pages_in_the_language(bilingual):
    assert names(Release.objects.readable("uz")) == {
        "all four",
        "no English",
        "no Russian body",
        "withdrawn, no English",
    }
    assert names(Release.objects.readable("en")) == {"all four", "no Russian body"}


def test_needing_translation(release_factory):
    done = release_factory(title="done")
    no_english = release_factory(title="no English", title_en="", body_en="")
    machine = release_factory(title="machine")
    machine.machine_translated = ["uz-cyrl"]
    machine.save()
    assert names(Release.objects.needing_translation("en")) == {"no English"}
    assert names(Release.objects.needing_translation("uz-cyrl")) == {"machine"}
    assert names(Release.objects.needing_translation("ru")) == set()
    assert names(Release.objects.needing_translation()) == {"no English", "machine"}
    assert done not in Release.objects.needing_translation()
    assert no_english.translation_needed == "|en|"


# --- What a release names -----------------------------------------------------------------


@pytest.fixture
def water(db):
    return Topic.objects.create(slug="water", name_uz="Suv", name_en="Water")


@pytest.fixture
def successor(minister):
    """The minister's post, held by someone else after the demo minister left it."""
    person = Person.objects.create(slug="successor", name_uz="Voris", name_en="Successor")
    return Appointment.objects.create(
        person=person, post=minister.post, started_on=minister.ended_on
    )


@pytest.fixture
def later_post(minister):
    """The demo minister's next post: the same person in another appointment."""
    post = Post.objects.create(title_uz="Maslahatchi", title_en="Adviser", seniority=5)
    return Appointment.objects.create(
        person=minister.person, post=post, started_on=minister.ended_on
    )


@pytest.fixture
def tagged(release_factory, uzbekistan, kyrgyzstan, trade, water, minister, successor, later_post):
    return {
        "UZ trade": release_factory(title="UZ trade", countries=[uzbekistan], topics=[trade]),
        "KG water": release_factory(title="KG water", countries=[kyrgyzstan], topics=[water]),
        "UZ KG": release_factory(title="UZ KG", countries=[uzbekistan, kyrgyzstan]),
        "trade, water": release_factory(title="trade, water", topics=[trade, water]),
        "minister": release_factory(title="minister", participants=[minister]),
        "minister, later post": release_factory(
            title="minister, later post", participants=[later_post]
        ),
        "successor": release_factory(title="successor", participants=[successor]),
        "minister and successor": release_factory(
            title="minister and successor", participants=[minister, successor]
        ),
        "nothing": release_factory(title="nothing"),
    }


def listed(queryset) -> list[str]:
    """Titles in order, repeats kept: a release listed twice shows up twice."""
    return [release.title_en.removesuffix(" [en]") for release in queryset.latest()]


def test_about_a_country(tagged, uzbekistan):
    assert sorted(listed(Release.objects.about(country=uzbekistan))) == ["UZ KG", "UZ trade"]


def test_about_any_of_several_countries_lists_each_release_once(tagged, uzbekistan, kyrgyzstan):
    about = Release.objects.about(country=[uzbekistan, kyrgyzstan])
    assert sorted(listed(about)) == ["KG water", "UZ KG", "UZ trade"]
    assert "DISTINCT" not in str(about.query)


def test_about_countries_as_a_queryset(tagged):
    about = Release.objects.about(country=Country.objects.filter(code__in=["KG"]))
    assert sorted(listed(about)) == ["KG water", "UZ KG"]


def test_about_a_topic(tagged, trade, water):
    assert sorted(listed(Release.objects.about(topic=trade))) == ["UZ trade", "trade, water"]
    assert sorted(listed(Release.objects.about(topic=[trade, water]))) == [
        "KG water",
        "UZ trade",
        "trade, water",
    ]


def test_about_an_official_in_every_post_they_held(tagged, minister):
    assert sorted(listed(Release.objects.about(official=minister.person))) == [
        "minister",
        "minister and successor",
        "minister, later post",
    ]


def test_about_an_official_read_with_appointments_costs_no_extra_query(tagged, minister):
    person = Person.objects.prefetch_related("appointments").get(pk=minister.person.pk)
    with CaptureQueriesContext(connection) as queries:
        about = Release.objects.about(official=person)
    assert len(queries) == 0
    assert len(listed(about)) == 3


def test_about_an_official_with_no_appointment_is_nothing(tagged):
    nobody = Person.objects.create(slug="nobody", name_uz="Hech kim")
    assert listed(Release.objects.about(official=nobody)) == []


def test_about_several_subjects_means_all_of_them(tagged, uzbekistan, trade):
    assert listed(Release.objects.about(country=uzbekistan, topic=trade)) == ["UZ trade"]


def test_about_keeps_the_other_rules(tagged, uzbekistan, release_factory):
    release_factory(title="UZ draft", status=Status.DRAFT, countries=[uzbekistan])
    release_factory(title="UZ scheduled", published_at=NOW + DAY, countries=[uzbekistan])
    assert sorted(listed(Release.objects.public("en").about(country=uzbekistan))) == [
        "UZ KG",
        "UZ trade",
    ]
    assert listed(Release.objects.scheduled().about(country=uzbekistan)) == ["UZ scheduled"]


def test_related_shares_a_country_or_a_topic(tagged):
    release = tagged["UZ trade"]
    assert sorted(listed(Release.objects.related(release))) == ["UZ KG", "trade, water"]


def test_related_lists_each_release_once_and_not_the_release_itself(tagged):
    release = tagged["UZ KG"]  # shares both countries with itself and one with two others
    related = Release.objects.related(release)
    assert sorted(listed(related)) == ["KG water", "UZ trade"]
    assert "DISTINCT" not in str(related.query)


def test_related_by_topic_only(tagged):
    assert sorted(listed(Release.objects.related(tagged["trade, water"]))) == [
        "KG water",
        "UZ trade",
    ]


def test_related_to_a_release_naming_nothing_is_nothing(tagged):
    with CaptureQueriesContext(connection) as queries:
        assert listed(Release.objects.related(tagged["nothing"])) == []
    assert len(queries) == 2  # the release's countries and topics; none for the releases


def test_related_keeps_the_other_rules(tagged, uzbekistan, release_factory):
    release_factory(title="UZ draft", status=Status.DRAFT, countries=[uzbekistan])
    public = Release.objects.public("en").related(tagged["UZ trade"])
    assert sorted(listed(public)) == ["UZ KG", "trade, water"]


# --- One release: the model methods mirror the verbs ----------------------------------------


def test_the_model_methods_agree_with_the_verbs(timeline, bilingual):
    for release in Release.objects.all():
        assert release.is_published() == Release.objects.published().filter(pk=release.pk).exists()
        assert release.is_scheduled() == Release.objects.scheduled().filter(pk=release.pk).exists()
        for code in ("uz", "uz-cyrl", "ru", "en"):
            public = Release.objects.public(code).filter(pk=release.pk).exists()
            assert release.is_public(code) == public, (release, code)


def test_is_public_defaults_to_the_active_language(bilingual):
    release = bilingual["no English"]
    assert release.is_public()  # Uzbek, the tests' language
    with translation.override("en"):
        assert not release.is_public()


# --- The conditions, for the desk's one aggregate and the sitemaps ------------------------


def test_the_conditions_are_the_verbs(timeline):
    pairs = [
        (rules.published(NOW), Release.objects.published()),
        (
            rules.published(NOW, since=NOW - 2 * HOUR),
            Release.objects.published(since=NOW - 2 * HOUR),
        ),
        (rules.scheduled(NOW), Release.objects.scheduled()),
        (rules.scheduled(NOW, within=DAY), Release.objects.scheduled(within=DAY)),
        (rules.visible(NOW), Release.objects.visible()),
    ]
    for condition, verb in pairs:
        assert set(Release.objects.filter(condition)) == set(verb)


def test_published_through_a_relation(timeline, uzbekistan, minister):
    timeline["now"].countries.add(uzbekistan)
    timeline["in two hours"].participants.add(minister)
    assert list(Country.objects.filter(rules.published(path="releases"))) == [uzbekistan]
    assert not Person.objects.filter(rules.published(path="appointments__releases")).exists()
    with time_machine.travel(NOW + 3 * HOUR, tick=False):
        official = Person.objects.filter(rules.published(path="appointments__releases"))
        assert list(official) == [minister.person]


def test_among_names_its_own_rows_inside_a_subquery(release_factory, uzbekistan, kyrgyzstan):
    # On PostgreSQL one array parameter; the column must be named as the query at hand
    # aliases the table: inside a subquery of another model's query, not as the table.
    first = release_factory(title="First", countries=[uzbekistan])
    second = release_factory(title="Second", countries=[kyrgyzstan])
    assert list(Release.objects.among([second.pk, first.pk]).order_by("pk")) == [first, second]
    named = Release.objects.among([first.pk]).filter(countries=OuterRef("pk"))
    assert list(Country.objects.filter(Exists(named))) == [uzbekistan]
