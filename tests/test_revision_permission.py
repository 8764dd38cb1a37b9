"""The revision pages (list, differences, revert) need the ``view_revision`` permission on
top of seeing the release (press/admin/revisions.py)."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from press import services
from tests.support import logged_in, make_user, stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def release(draft_factory, editor):
    release = draft_factory(title="Tarix")
    for title in ("Tarix 1", "Tarix 2"):  # two revisions to compare
        release = stored(release)
        release.title_uz = title
        services.release_save(release=release, user=editor, version=release.version)
    return stored(release)


def writer(name, *, with_revisions):
    """An account that may see and change releases, not in any role group."""
    user = make_user(name)
    codenames = ["view_release", "change_release", "add_release"]
    if with_revisions:
        codenames.append("view_revision")
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return logged_in(stored(user))


def urls(release):
    return [
        reverse("admin:press_release_revisions", args=[release.pk]),
        reverse("admin:press_release_compare", args=[release.pk]) + "?a=1&b=2",
        reverse("admin:press_release_revert", args=[release.pk, 1]),
    ]


def test_without_view_revision_every_revision_page_is_refused(release):
    client = writer("no_history", with_revisions=False)
    for url in urls(release):
        assert client.get(url).status_code == 403, url
    response = client.post(urls(release)[2], {"version": release.version})
    assert response.status_code == 403
    assert not stored(release).revisions.filter(action="revert").exists()
    change = client.get(reverse("admin:press_release_change", args=[release.pk]))
    assert urls(release)[0] not in change.content.decode()


def test_with_view_revision_they_open(release):
    client = writer("with_history", with_revisions=True)
    pages = [client.get(url) for url in urls(release)]
    assert [p.status_code for p in pages] == [200, 200, 200]
    assert "Tarix 2" in pages[1].content.decode()
    change = client.get(reverse("admin:press_release_change", args=[release.pk]))
    assert urls(release)[0] in change.content.decode()
