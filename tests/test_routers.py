"""The read replica (ministry/routers.py): public reads go to it; the admin, editors and
every write stay on the primary. The test settings make "replica" a mirror of the test
database, so both aliases reach the same rows through connections of their own."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from press.models import Release

# Committed rows: the replica's connection cannot see another connection's open transaction.
pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


@pytest.fixture(autouse=True)
def replica_on(settings):
    settings.PRESS_READ_REPLICA = "replica"


def queries(client, path, **kwargs):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(path, **kwargs)
    return response, len(primary), len(replica)


@pytest.mark.parametrize(
    "path", ["/uz/", "/uz/press/", "/uz/press/{slug}/", "/uz/countries/uzbekistan/",
             "/uz/search/?q=Uchrashuv", "/uz/press/feed.rss", "/sitemap-releases.xml"],
)  # fmt: skip
def test_public_pages_read_from_the_replica(client, release_factory, uzbekistan, path):
    release = release_factory(countries=[uzbekistan])
    response, on_primary, on_replica = queries(client, path.format(slug=release.slug))
    assert response.status_code == 200
    assert on_replica > 0
    assert on_primary == 0


def test_a_junk_session_cookie_reads_from_the_replica(client, release_factory):
    release_factory()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get("/uz/press/", HTTP_COOKIE="sessionid=" + "0" * 32)
    assert response.status_code == 200
    assert len(replica) > 0
    # The primary is only asked whose session this is (nobody's), and nothing is written.
    sql = [q["sql"] for q in primary.captured_queries]
    assert sql and all(q.startswith("SELECT") and 'FROM "django_session"' in q for q in sql), sql


def test_the_admin_uses_the_primary(admin_client, release_factory):
    release = release_factory()
    for path in ("/uz/admin/press/release/", f"/uz/admin/press/release/{release.pk}/change/"):
        response, on_primary, on_replica = queries(admin_client, path)
        assert response.status_code == 200, path
        assert on_primary > 0 and on_replica == 0, path


def test_an_editor_on_a_public_page_reads_the_primary(editor_client, release_factory):
    release_factory()
    response, on_primary, on_replica = queries(editor_client, "/uz/press/")
    assert response.status_code == 200
    assert on_primary > 0 and on_replica == 0


def test_writes_and_posts_use_the_primary(client, release_factory):
    with CaptureQueriesContext(connections["replica"]) as replica:
        release = release_factory()
        release.title_uz = "Yangi"
        release.save()
        client.post("/uz/press/")
    assert len(replica) == 0
    assert Release.objects.using("default").get(pk=release.pk).title_uz == "Yangi"


def test_scripts_and_shells_use_the_primary(release_factory):
    release_factory()
    with CaptureQueriesContext(connections["replica"]) as replica:
        assert Release.objects.public().count() == 1
    assert len(replica) == 0


def test_previews_use_the_primary(client, admin_user, release_factory):
    from press import services

    link = services.preview_link_create(release=release_factory(), user=admin_user)
    response, on_primary, on_replica = queries(client, link.get_absolute_url("uz"))
    assert response.status_code == 200
    assert on_primary > 0 and on_replica == 0


def test_without_a_replica_everything_uses_the_primary(client, release_factory, settings):
    settings.PRESS_READ_REPLICA = None
    release_factory()
    response, on_primary, on_replica = queries(client, "/uz/press/")
    assert response.status_code == 200
    assert on_primary > 0 and on_replica == 0


def test_migrations_run_only_on_the_primary():
    from ministry.routers import PrimaryReplicaRouter

    router = PrimaryReplicaRouter()
    assert router.allow_migrate("default", "press")
    assert not router.allow_migrate("replica", "press")


@pytest.fixture
def replica_down(monkeypatch):
    """The replica alias pointed at a database that cannot be reached (its own settings dict:
    a test mirror shares the primary's), and the pause after a failure reset afterwards."""
    from ministry import routers

    replica = connections["replica"]
    replica.close()
    broken = dict(replica.settings_dict)
    if replica.vendor == "sqlite":
        broken["NAME"] = "/nonexistent/directory/replica.sqlite3"
    else:
        broken["PORT"] = "1"  # nothing listens: refused at once
    monkeypatch.setattr(replica, "settings_dict", broken)
    # SQLite's in-memory test database ignores close(): drop the kept connection by hand.
    monkeypatch.setattr(replica, "connection", None)
    monkeypatch.setattr(routers, "_replica_down_until", 0.0, raising=False)
    yield
    replica.close()


def test_a_replica_that_is_down_sends_public_reads_to_the_primary(
    client, release_factory, replica_down
):
    release = release_factory(title="Zaxira")
    with CaptureQueriesContext(connections["default"]) as primary:
        response = client.get(f"/uz/press/{release.slug}/")
    assert response.status_code == 200 and "Zaxira" in response.content.decode()
    assert len(primary) > 0 and connections["replica"].connection is None
    # The next visitors do not try the replica again at once.
    from ministry import routers

    assert not routers.replica_available("replica")
