"""The demo content: what `make demo` loads for a newcomer (devdata/demo/)."""

import datetime
import io
import re
import zoneinfo
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django.utils.html import strip_tags

from devdata.demo import content as demo_content
from press.models import (
    Appointment,
    Attachment,
    Country,
    Kind,
    Person,
    Photo,
    Post,
    Release,
    Status,
    Topic,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ["uz", "uz-cyrl", "ru", "en"]
SAMPLES = Path(__file__).resolve().parent.parent / "devdata" / "samples"
SAMPLE_FILE = SAMPLES / "uz-latn-minister-meeting-2020-11-05.txt"
TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


def load(*args) -> str:
    out = io.StringIO()
    call_command("load_demo_data", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data, loaded once for this module and rolled back after it.

    Each test runs in a savepoint inside this transaction, as in any pytest-django test.
    Yields the media directory the photos and the attachment were written to.
    """
    media = tmp_path_factory.mktemp("demo-media")
    # The photo pipeline is tested on its own; encoding 30 photos at every width (AVIF
    # included) would take longer than everything else the command does.
    small = {"PRESS_RENDITION_WIDTHS": (480,), "PRESS_CARD_WIDTHS": (480,)}
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media, **small):
        with transaction.atomic():
            load()
            yield media
            transaction.set_rollback(True)


def public_everywhere():
    """Releases public in at least one language."""
    ids = set()
    for code in LANGUAGES:
        ids |= set(Release.objects.public(code).values_list("pk", flat=True))
    return Release.objects.filter(pk__in=ids)


def test_published_releases_fill_every_listing(demo):
    public = Release.objects.public("uz")
    assert public.count() >= 41
    assert set(public.values_list("kind", flat=True)) == set(Kind.values)

    days = sorted(
        public.exclude(slug=demo_content.SAMPLE.slug).values_list("event_date", flat=True)
    )
    assert days[-1] - days[0] >= datetime.timedelta(days=730)

    for release in public:
        # Published the afternoon of the event, Tashkent time.
        assert release.published_at.astimezone(TASHKENT).date() == release.event_date
        assert 2 <= release.body.count("<p>") <= 6, release.slug
        assert release.lead and release.place


def test_drafts_and_one_scheduled_release(demo):
    drafts = Release.objects.filter(status=Status.DRAFT)
    assert drafts.count() >= 3
    assert any(len(d.languages_filled()) == 1 for d in drafts)

    scheduled = Release.objects.filter(status=Status.PUBLISHED, published_at__gt=timezone.now())
    assert scheduled.count() == 1
    assert scheduled.get().published_at > timezone.now() + datetime.timedelta(days=6)
    assert not public_everywhere().filter(pk=scheduled.get().pk).exists()
    assert not public_everywhere().filter(status=Status.DRAFT).exists()


def test_some_published_releases_are_not_in_every_language(demo):
    published = Release.objects.published()
    partial = [r for r in published if len(r.languages_filled()) < 4]
    assert len(partial) >= 2
    for release in partial:
        assert release in Release.objects.public("uz")
        assert release not in Release.objects.public("en")


def test_participants_held_their_posts_on_the_event_date(demo):
    for release in Release.objects.prefetch_related("participants"):
        for appointment in release.participants.all():
            assert appointment.is_current_on(release.event_date), (release.slug, appointment)


def test_posts_change_holder_and_releases_name_the_holder_of_the_day(demo):
    handovers = [
        (before, after)
        for before in Appointment.objects.exclude(ended_on=None)
        for after in Appointment.objects.filter(post=before.post, started_on=before.ended_on)
    ]
    named_on_both_sides = [
        (before, after)
        for before, after in handovers
        if before.releases.filter(event_date__lt=before.ended_on).exists()
        and after.releases.filter(event_date__gte=after.started_on).exists()
    ]
    assert len(named_on_both_sides) >= 2
    for before, after in named_on_both_sides:
        day = after.started_on
        assert not before.releases.filter(event_date__gte=day).exists()
        assert not after.releases.filter(event_date__lt=day).exists()
        # The text names the holder too, not just the participant list.
        for release in after.releases.all():
            for lang in {"uz", "en"} & set(release.languages_filled()):
                name = getattr(after.person, f"name_{lang}")
                assert name in getattr(release, f"lead_{lang}") + getattr(release, f"body_{lang}")


def test_the_sample_release_in_four_languages(demo, settings):
    settings.MEDIA_ROOT = demo  # where the command wrote the files
    sample = Release.objects.get(slug=demo_content.SAMPLE.slug)
    assert sample.languages_filled() == LANGUAGES
    assert sample.kind == Kind.MEETING
    assert sample.event_date == datetime.date(2020, 11, 5)
    assert sample.place_en == "Tashkent" and sample.place_uz == "Toshkent"
    assert set(sample.countries.values_list("code", flat=True)) == {"UZ", "KG"}
    ministers = {a.person.slug: a for a in sample.participants.all()}
    assert set(ministers) == {"abdulaziz-kamilov", "ruslan-kazakbaev"}
    assert ministers["abdulaziz-kamilov"].post.country.code == "UZ"
    assert ministers["ruslan-kazakbaev"].post.country.code == "KG"
    assert ministers["ruslan-kazakbaev"].person.name_uz_cyrl == "Руслан Қазақбаев"
    assert {"water", "health", "transport"} <= set(sample.topics.values_list("slug", flat=True))
    assert "Қирғиз Республикаси" in sample.title_uz_cyrl
    assert "саъй-ҳаракатлар тўғрисида" in sample.body_uz_cyrl

    attachment = Attachment.objects.get(release=sample)
    assert attachment.title_en == "Joint statement" and attachment.language == "uz"
    with attachment.file.open("rb") as f:
        assert f.read(5) == b"%PDF-"
    photos = list(sample.photos.all())
    assert len(photos) == 2 and sum(p.is_lead for p in photos) == 1


def test_the_uzbek_latin_text_is_the_sample_as_published(demo):
    lines = [line.strip() for line in SAMPLE_FILE.read_text(encoding="utf-8").splitlines()]
    title, *paragraphs = [line for line in lines if line and line != "Manba"]
    sample = Release.objects.get(slug=demo_content.SAMPLE.slug)
    assert sample.title_uz == title
    assert [sample.lead_uz, *re.findall(r"<p>(.*?)</p>", sample.body_uz)] == paragraphs


def test_each_language_is_written_in_its_own_script(demo):
    latin, cyrillic = re.compile(r"[A-Za-z]"), re.compile(r"[А-Яа-яЁёЎўҚқҒғҲҳ]")
    for release in Release.objects.all():
        for field in ("title", "lead", "body", "place"):
            uz, uz_cyrl, ru = (
                strip_tags(getattr(release, f"{field}_{s}") or "") for s in ("uz", "uz_cyrl", "ru")
            )
            assert not cyrillic.search(uz), (release.slug, field)
            assert not latin.search(uz_cyrl), (release.slug, field, uz_cyrl)
            assert not latin.search(ru), (release.slug, field, ru)
            for lang in demo_content.LANGS:
                assert "{" not in (getattr(release, f"{field}_{lang}") or "")


def test_only_the_sample_names_real_officials_and_demo_ones_say_they_are_fictitious(demo):
    real = {slug for slug, person in demo_content.PEOPLE.items() if person.real}
    for person in Person.objects.exclude(slug__in=real):
        for lang in demo_content.LANGS:
            assert getattr(person, f"biography_{lang}"), (person.slug, lang)
    named = Release.objects.filter(participants__person__slug__in=real).distinct()
    assert list(named.values_list("slug", flat=True)) == [demo_content.SAMPLE.slug]


def test_photos_are_few_described_and_on_most_published_releases(demo):
    assert 20 <= Photo.objects.count() <= 30
    for photo in Photo.objects.all():
        assert photo.missing_alt(LANGUAGES) == []
        assert photo.caption_en and photo.credit_uz
    public = Release.objects.public("uz")
    with_lead = public.filter(photos__is_lead=True).distinct().count()
    assert with_lead > public.count() / 2
    assert not Photo.objects.filter(release__status=Status.DRAFT).exists()


def test_topics_are_named_in_every_language(demo):
    assert Topic.objects.count() >= 10
    for topic in Topic.objects.all():
        assert topic.slug.isascii()
        for lang in demo_content.LANGS:
            assert getattr(topic, f"name_{lang}") and getattr(topic, f"description_{lang}")


def snapshot():
    models = [Country, Topic, Person, Post, Appointment, Release, Photo, Attachment]
    return {
        "counts": {m.__name__: m.objects.count() for m in models},
        "releases": sorted(Release.objects.values_list("pk", "updated_at", "published_at")),
        "photos": sorted(Photo.objects.values_list("pk", "image")),
        "m2m": sorted(Release.participants.through.objects.values_list("release", "appointment")),
    }


def test_loading_again_changes_nothing(demo):
    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "Releases: 0 created" in output


def test_the_superuser_option_creates_one_development_user_once(demo):
    User = get_user_model()
    assert not User.objects.exists()
    first = load("--with-superuser")
    assert "development only" in first
    second = load("--with-superuser")
    assert "already exists" in second
    user = User.objects.get()
    assert user.username == "demo" and user.is_superuser and user.check_password("demo")


def test_both_sides_of_the_sample_have_a_current_foreign_minister(demo):
    """The admin's examples work: a release today can name both ministers in office."""
    today = timezone.localdate()
    for country, holder in (("UZ", "nodir-misolov"), ("KG", "nurlan-nuskaev")):
        current = Appointment.objects.current_on(today).filter(
            post__country__code=country, post__seniority=1
        )
        assert [a.person.slug for a in current] == [holder], country
        assert "demo" in current[0].person.biography_en  # fictitious, and says so


def test_the_demo_has_an_event_hub_with_its_releases(demo, client):
    from press.models import Occasion

    event = Occasion.objects.get(slug="sco-foreign-ministers")
    assert event.name_uz_cyrl == "ШҲТ ташқи ишлар вазирлари кенгаши"
    assert sorted(event.releases.values_list("slug", flat=True)) == [
        "comment-sco-2025-11-18",
        "sco-meeting-beijing-2026-07-14",
        "statement-sco-ministerial-2025-04-22",
    ]
    html = client.get("/en/events/sco-foreign-ministers/").content.decode()
    assert "<h1>SCO Council of Foreign Ministers</h1>" in html
    assert "3 releases" in html


def test_demo_entities_carry_aliases_that_search_follows(demo, client):
    from press.search import search_releases

    un = Country.objects.get(code="UN")
    assert "ООН" in un.aliases.splitlines() and "BMT" in un.aliases.splitlines()
    kamilov = Person.objects.get(slug="abdulaziz-kamilov")
    assert "Komilov" in kamilov.aliases.splitlines()
    # Every release tagged with him is found by the other spelling, in either script.
    public = Release.objects.public("ru")
    tagged = set(public.about(official=kamilov).values_list("slug", flat=True))
    assert tagged
    for query in ("Komilov", "Комилов"):
        found = set(search_releases(public, query).values_list("slug", flat=True))
        assert tagged <= found, query
    html = client.get("/en/search/", {"q": "Komilov"}).content.decode()
    assert 'href="/en/officials/abdulaziz-kamilov/"' in html
