"""Who else has a release open: a heartbeat, cleared on leaving, saving and every action."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import translation

from press import services
from press.models import EditingSession
from tests.support import make_user

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def url(name, release, code="en"):
    with translation.override(code):
        return reverse(f"admin:press_release_{name}", args=[release.pk])


def beat(client, release, code="en"):
    response = client.post(url("presence", release, code))
    assert response.status_code == 200
    return response.json()["present"]


@pytest.fixture
def two(client, editor, second_editor, draft_factory):
    """Editor one and editor two, each with the same draft open."""
    release = draft_factory(title="Band")
    one = Client()
    one.force_login(editor)
    assert one.get(url("change", release)).status_code == 200
    client.force_login(second_editor)
    return release, one, client


def test_the_beat_names_those_present_now_each_once(two, _clock):
    release, one, two_client = two
    assert beat(two_client, release) == ["editor has this release open now and may change it."]
    beat(one, release)  # a second tab of the same editor: still one name
    beat(one, release)
    assert len(beat(two_client, release)) == 1
    _clock.move_to(NOW + datetime.timedelta(seconds=61))
    assert beat(two_client, release) == []  # no beat from editor one for a minute


def test_the_warning_is_in_the_viewers_language(two):
    release, one, two_client = two
    assert beat(two_client, release, "ru") == [
        "editor сейчас открыл(а) этот релиз и может его изменить."
    ]
    html = one.get(url("change", release, "uz-cyrl")).content.decode()
    assert "editor2 ҳозир бу хабарни очиб турибди" in html


def test_leaving_the_page_ends_presence_at_once(two):
    release, one, two_client = two
    assert one.post(url("presence_left", release)).status_code == 204
    assert beat(two_client, release) == []
    assert not EditingSession.objects.filter(release=release, user__username="editor").exists()


def test_saving_and_every_workflow_action_end_presence(two, editor):
    release, one, two_client = two
    release.refresh_from_db()
    services.release_save(release=release, user=editor, version=release.version)
    assert beat(two_client, release) == []
    beat(one, release)
    release.refresh_from_db()
    services.release_submit(release=release, user=editor, version=release.version)
    assert beat(two_client, release) == []


def test_the_goodbye_needs_the_csrf_token(editor, draft_factory):
    release = draft_factory(title="Band")
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(editor)
    html = checked.get(url("change", release)).content.decode()
    assert checked.post(url("presence_left", release)).status_code == 403
    token = html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]
    left = checked.post(url("presence_left", release), {"csrfmiddlewaretoken": token})
    assert left.status_code == 204
    assert not EditingSession.objects.filter(release=release).exists()


def test_only_those_who_may_edit_can_beat(draft_factory):
    release = draft_factory(title="Band")
    outsider = Client()
    outsider.force_login(make_user("outsider"))
    assert outsider.post(url("presence", release)).status_code in (302, 403)
    assert not EditingSession.objects.filter(release=release).exists()
