"""The benchmark's volume generator: realistic, consistent rows, on SQLite and PostgreSQL."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from press.models import Photo, Release, Status
from press.search import fold

pytestmark = pytest.mark.django_db
LANGS = ("uz", "uz_cyrl", "ru", "en")


def generate(count, seed=3, **options):
    out = StringIO()
    # One connection: the test's transaction is invisible to a second one.
    call_command("generate_releases", count=count, seed=seed, jobs=1, stdout=out, **options)
    return out.getvalue()


def test_generates_consistent_releases():
    output = generate(1000)
    assert "1000 releases generated" in output and "rows/s" in output
    releases = Release.objects.filter(slug__startswith="gen-3-")
    assert releases.count() == 1000

    rows = list(releases.prefetch_related("participants", "countries", "topics"))
    for release in rows:
        # Every language written, bodies as paragraphs, titles of 8-14 words.
        for code in LANGS:
            assert getattr(release, f"title_{code}")
            assert getattr(release, f"lead_{code}")
            assert getattr(release, f"body_{code}").startswith("<p>")
        assert 8 <= len(release.title_en.split()) <= 16
        assert release.slug.isascii()
        if release.status == Status.DRAFT:
            assert release.published_at is None
        else:
            assert release.published_at is not None
            assert release.published_at.date() >= release.event_date
        # Participants in office on the event date.
        participants = list(release.participants.all())
        assert 1 <= len(participants) <= 3
        assert all(a.is_current_on(release.event_date) for a in participants)
        assert release.countries.all()
        assert release.topics.all()

    kinds = {r.kind for r in rows}
    assert len(kinds) == 8
    drafts = sum(r.status == Status.DRAFT for r in rows)
    assert 5 <= drafts <= 80
    years = {r.event_date.year for r in rows}
    assert len(years) >= 10
    assert Photo.objects.filter(release__in=releases).exists()

    # Markers: exactly 0.1 % rare, ~30 % common, in the same rows in every language.
    rare = {r.pk for r in rows if "mongoliya" in fold(r.title_uz)}
    assert len(rare) == 1
    for r in rows:
        if r.pk in rare:
            assert "mongoliya" in fold(r.body_uz) and "mongoliya" in fold(r.body_uz_cyrl)
            assert "Монгол" in r.title_ru and "Монгол" in r.body_ru
            assert "Mongolia" in r.title_en and "Mongolia" in r.body_en
    common = {r.pk for r in rows if "ozbekiston" in fold(r.body_uz)}
    assert len(common) == 300
    assert common == {r.pk for r in rows if "ozbekiston" in fold(r.body_uz_cyrl)}
    assert common == {r.pk for r in rows if "Узбекистан" in r.body_ru}
    assert common == {r.pk for r in rows if "Uzbekistan" in r.body_en}
    # The Latin spelling varies: ʻ ' ’.
    spellings = {s for r in rows for s in ("Oʻzbekiston", "O'zbekiston", "O’zbekiston")
                 if s in r.body_uz}  # fmt: skip
    assert len(spellings) == 3


def test_count_adds_rows_and_a_seed_repeats_itself():
    generate(20, seed=9)
    first = list(
        Release.objects.filter(slug__startswith="gen-9-")
        .order_by("slug")
        .values_list("title_uz", "body_ru")
    )
    generate(5, seed=9)
    assert Release.objects.filter(slug__startswith="gen-9-").count() == 25
    Release.objects.filter(slug__startswith="gen-9-").delete()
    generate(20, seed=9)
    again = list(
        Release.objects.filter(slug__startswith="gen-9-")
        .order_by("slug")
        .values_list("title_uz", "body_ru")
    )
    assert again == first


def test_generated_releases_are_indexed_for_search():
    from press.search import search_releases

    generate(300, seed=5)
    releases = Release.objects.filter(slug__startswith="gen-5-")
    if connection.vendor == "postgresql":
        assert not releases.filter(search_vector__isnull=True).exists()
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM press_release_fts")
            assert cursor.fetchone()[0] == releases.count()
    broad = search_releases(releases.public("uz"), "Oʻzbekiston").count()
    assert 60 <= broad <= 95  # 90 rows minus drafts and withdrawn ones
