"""The data migrations 0014 and 0015 on rows written before them, on SQLite and PostgreSQL."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("press", "0013_notifications")]
AFTER = [("press", "0015_country_fixture_values")]
CORRECTED = datetime.datetime(2026, 11, 30, 10, 0, tzinfo=datetime.UTC)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    """Every app's last migration: where the other tests expect the database to be."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def test_past_corrections_and_loaded_names_are_carried_over():
    old = migrate(BEFORE)
    Release = old.get_model("press", "Release")
    Country = old.get_model("press", "Country")
    release = Release.objects.create(
        slug="eski", kind="meeting", event_date=datetime.date(2026, 11, 29), status="published",
        published_at=CORRECTED - datetime.timedelta(days=1), changed_at=CORRECTED,
        title_uz="Eski", body_uz="<p>Matn</p>", title_ru="Старый", body_ru="<p>Текст</p>",
        change_note_uz="Sana tuzatildi", version=1,
    )  # fmt: skip
    Country.objects.create(code="KG", slug="kyrgyzstan", name="Qirgʻiziston",
                           name_uz="Qirgʻiziston", name_ru="Киргизия")  # fmt: skip
    try:
        new = migrate(AFTER)
        release = new.get_model("press", "Release").objects.get(pk=release.pk)
        # Only the language that had a note was corrected then.
        assert set(release.language_changed_at) == {"uz"}
        assert datetime.datetime.fromisoformat(release.language_changed_at["uz"]) == CORRECTED
        country = new.get_model("press", "Country").objects.get(code="KG")
        assert country.fixture["name_ru"] == "Киргизия" and country.fixture["slug"] == "kyrgyzstan"
    finally:
        migrate(latest())


def test_posts_written_before_slugs_get_unique_ones_from_their_english_title():
    old = migrate([("press", "0017_portrait_reencoded")])
    Post = old.get_model("press", "Post")
    Country = old.get_model("press", "Country")
    kg = Country.objects.create(code="KG", slug="kyrgyzstan", name="Qirgʻiziston")
    kz = Country.objects.create(code="KZ", slug="kazakhstan", name="Qozogʻiston")
    minister = Post.objects.create(title="Vazir", title_uz="Vazir", title_en="Minister")
    first = Post.objects.create(title="Elchi", title_uz="Elchi", title_en="Ambassador", country=kg)
    second = Post.objects.create(title="Elchi", title_uz="Elchi", title_en="Ambassador", country=kz)
    uzbek_only = Post.objects.create(title="Maslahatchi", title_uz="Maslahatchi")
    try:
        new = migrate([("press", "0018_finder_post_slug")])
        slugs = dict(new.get_model("press", "Post").objects.values_list("pk", "slug"))
        assert slugs == {
            minister.pk: "minister",
            first.pk: "ambassador",
            second.pk: "ambassador-kazakhstan",
            uzbek_only.pk: "maslahatchi",
        }
    finally:
        migrate(latest())
