"""Each workflow state on every public surface, with the clock moved for scheduling.

Drafts, submitted, scheduled, withdrawn and unpublished releases are made by the services
(as editors make them), then looked for on the lists, the detail page, the country, topic
and official pages, the feeds, the sitemaps and search, in every language.
"""

import datetime

import pytest
import time_machine
from django.utils import translation

from press import services
from press.models import Release, Status
from tests.support import in_every_language

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
CODES = ["uz", "uz-cyrl", "ru", "en"]

LISTS = [
    "/{code}/",
    "/{code}/press/",
    "/{code}/press/?country=UZ",
    "/{code}/countries/uzbekistan/",
    "/{code}/topics/trade/",
    "/{code}/officials/demo-minister/",
    "/{code}/search/?q=Maxfiy",
    "/{code}/press/feed.rss",
    "/{code}/press/feed.atom",
    "/{code}/countries/uzbekistan/feed.rss",
    "/{code}/topics/trade/feed.atom",
    "/{code}/officials/demo-minister/feed.rss",
    "/sitemap-releases.xml",
    "/sitemap.xml",
]


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def common(uzbekistan, trade, minister):
    return {"countries": [uzbekistan], "topics": [trade], "participants": [minister]}


@pytest.fixture
def states(draft_factory, common, author, editor):
    """One release in each state, all titled "Maxfiy …" (secret) in every language."""

    def submitted(title):
        release = draft_factory(title=title, **common)
        return services.release_submit(release=release, user=author)

    def published(title, **kwargs):
        return services.release_publish(release=submitted(title), user=editor, **kwargs)

    withdrawn = services.release_withdraw(
        release=published("Maxfiy withdrawn"),
        user=editor,
        reason={"uz": "Eskirgan", "uz-cyrl": "Эскирган", "ru": "Устарело", "en": "Out of date"},
    )
    return {
        "draft": draft_factory(title="Maxfiy draft", **common),
        "submitted": submitted("Maxfiy submitted"),
        "scheduled": published("Maxfiy scheduled", at=NOW + datetime.timedelta(hours=2)),
        "withdrawn": withdrawn,
        "unpublished": services.release_unpublish(
            release=published("Maxfiy unpublished"), user=editor, reason=in_every_language("Xato")
        ),
    }


def page(client, path, code="uz"):
    response = client.get(path.format(code=code))
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("path", LISTS)
def test_no_state_but_published_is_listed_anywhere(client, states, path, code):
    html = page(client, path, code)
    for name, release in states.items():
        assert f"Maxfiy {name}" not in html  # the search page repeats the query "Maxfiy"
        assert f"/press/{release.slug}/" not in html


@pytest.mark.parametrize("code", CODES)
def test_detail_pages_answer_by_state(client, states, code):
    for name in ("draft", "submitted", "scheduled"):
        response = client.get(f"/{code}/press/{states[name].slug}/")
        assert response.status_code == 404, name
        assert "Maxfiy" not in response.content.decode()
    response = client.get(f"/{code}/press/{states['unpublished'].slug}/")
    assert response.status_code == 410
    assert "Maxfiy" not in response.content.decode()


@pytest.mark.parametrize(
    "code, reason", [("uz", "Eskirgan"), ("uz-cyrl", "Эскирган"), ("ru", "Устарело"),
                     ("en", "Out of date")],
)  # fmt: skip
def test_withdrawn_page_stays_readable_with_a_dated_notice(client, states, code, reason):
    withdrawn = states["withdrawn"]
    response = client.get(f"/{code}/press/{withdrawn.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "notice--withdrawn" in html
    assert reason in html
    assert f'datetime="{withdrawn.withdrawn_at.astimezone(datetime.UTC):%Y-%m-%d}' in html or (
        "2026-11-25T14:00:00+05:00" in html
    )


def test_unpublished_release_redirects_to_a_public_replacement(
    client, release_factory, draft_factory, editor
):
    replacement = release_factory(title="Toʻgʻri", published_at=NOW - datetime.timedelta(hours=1))
    wrong = release_factory(title="Notoʻgʻri", published_at=NOW - datetime.timedelta(hours=1))
    services.release_unpublish(
        release=wrong, user=editor, replacement=replacement, reason=in_every_language("Xato")
    )
    response = client.get(f"/en/press/{wrong.slug}/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/press/{replacement.slug}/"
    # A replacement that is not public itself is no way out: 410.
    draft = draft_factory(title="Hali emas")
    other = release_factory(title="Boshqa", published_at=NOW - datetime.timedelta(hours=1))
    services.release_unpublish(
        release=other, user=editor, replacement=draft, reason=in_every_language("Xato")
    )
    assert client.get(f"/en/press/{other.slug}/").status_code == 410


def test_scheduled_release_reaches_every_surface_at_its_time(client, states, _clock):
    scheduled = states["scheduled"]
    assert client.get(f"/uz/press/{scheduled.slug}/").status_code == 404
    _clock.move_to(NOW + datetime.timedelta(hours=2))
    assert client.get(f"/uz/press/{scheduled.slug}/").status_code == 200
    for path in LISTS[:-1]:
        if "search" in path:
            continue  # the query word is in every title: checked below
        assert f"/press/{scheduled.slug}/" in page(client, path), path
    assert scheduled.slug in page(client, "/uz/search/?q=scheduled")


def test_attachment_of_a_withdrawn_release_stays_downloadable_but_not_of_a_draft(client, states):
    # No attachments here: the view answers 404 for the attachment, not for the release.
    assert client.get(f"/uz/press/{states['draft'].slug}/files/1/").status_code == 404


def test_querysets_say_the_same(states):
    public = set(Release.objects.public().values_list("pk", flat=True))
    readable = set(Release.objects.readable().values_list("pk", flat=True))
    assert public == set()
    assert readable == {states["withdrawn"].pk}
    with translation.override("en"):
        assert set(Release.objects.readable("en").values_list("pk", flat=True)) == readable
    assert states["scheduled"].status == Status.PUBLISHED
