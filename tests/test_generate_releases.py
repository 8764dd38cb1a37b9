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


def index_rows(ids):
    """What the search index holds for these releases, as the database stores it."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT id, search_vector::text FROM press_release WHERE id = ANY(%s)", [ids]
            )
            return dict(cursor.fetchall())
        marks = ", ".join(["%s"] * len(ids))
        cursor.execute(
            "SELECT f.rowid, f.*, t.title FROM press_release_fts f"
            f" JOIN press_release_trgm t ON t.rowid = f.rowid WHERE f.rowid IN ({marks})",
            ids,
        )
        return {row[0]: row[1:] for row in cursor.fetchall()}


def test_index_rows_equal_what_index_releases_writes():
    """The generator's index, built from sentences analyzed once, is the search's own."""
    from press.search import index_releases, search_releases

    generate(300, seed=11)
    releases = list(Release.objects.filter(slug__startswith="gen-11-").order_by("pk"))
    ids = [r.pk for r in releases]
    queries = ["Oʻzbekiston", "Mongolia", "Узбекистан", '"tashqi ishlar"', "savdo -Mongoliya"]
    public = Release.objects.filter(pk__in=ids).public("uz")
    found = {q: sorted(search_releases(public, q).values_list("pk", flat=True)) for q in queries}
    generated = index_rows(ids)
    assert len(generated) == 300 and all(generated.values())

    index_releases(releases)  # the search's own analysis of every word

    assert index_rows(ids) == generated
    again = {q: sorted(search_releases(public, q).values_list("pk", flat=True)) for q in queries}
    assert again == found
    assert len(found["Oʻzbekiston"]) > 50


def test_rows_hold_what_the_orm_would_write():
    """Written past the ORM, a release still reads as one saved through it."""
    generate(20, seed=12)
    release = Release.objects.filter(slug__startswith="gen-12-").first()
    assert release.title == release.title_uz and release.body == release.body_uz
    assert release.change_note == "" and release.withdrawal_reason == ""
    assert release.created_at and release.updated_at and release.version >= 0
    assert Release.objects.filter(pk=release.pk).public("en").exists() == (
        release.status == Status.PUBLISHED
    )
    photo = Photo.objects.filter(release=release).order_by("order").first()
    if photo:
        assert photo.is_lead and photo.alt_en == "During the meeting" and photo.width == 1600


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes")
def test_deferred_indexes_are_built_again():
    def indexes():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'press_release'"
            )
            return dict(cursor.fetchall())

    before = indexes()
    output = generate(50, seed=13, indexes="defer")
    assert "indexes built again" in output
    assert indexes() == before
