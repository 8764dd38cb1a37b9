"""Event hubs: an event made in the admin in four languages, releases tagged with it, and its
public page, list, feeds, sitemap entries and filter (site and API); only what is public."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from press.models import Occasion, Photo, Release, Status
from tests.support import jpeg, make_release, stored

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def text_of(html: str) -> str:
    """The words a reader sees, tags dropped and whitespace collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def block(html: str, start: str, end: str) -> str:
    return html.split(start, 1)[1].split(end, 1)[0]


@pytest.fixture
def summit(db):
    return Occasion.objects.create(
        slug="tashkent-summit",
        name_uz="Toshkent sammiti", name_uz_cyrl="Тошкент саммити",
        name_ru="Ташкентский саммит", name_en="Tashkent Summit",
        description_en="<p>Leaders of Central Asia meet in Tashkent.</p>",
        description_uz_cyrl="<p>Марказий Осиё етакчилари Тошкентда учрашади.</p>",
        place_uz="Toshkent", place_uz_cyrl="Тошкент", place_ru="Ташкент", place_en="Tashkent",
        starts_on=datetime.date(2026, 11, 3), ends_on=datetime.date(2026, 11, 5),
    )  # fmt: skip


@pytest.fixture
def week(summit, uzbekistan, kyrgyzstan, minister):
    """The summit's releases: two public (told out of order), a draft, one still to come,
    one withdrawn, and an untagged one."""
    later = make_release(
        title="Closing", occasions=[summit], countries=[kyrgyzstan],
        event_date=datetime.date(2026, 11, 5),
        published_at=timezone.now() - datetime.timedelta(hours=2),
    )  # fmt: skip
    first = make_release(
        title="Opening", occasions=[summit], countries=[uzbekistan], participants=[minister],
        event_date=datetime.date(2026, 11, 3),
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )  # fmt: skip
    Photo.objects.create(
        release=first, image=_upload("opening.jpg"), alt_en="Delegations at the table",
        alt_uz="Delegatsiyalar", alt_uz_cyrl="Делегациялар", alt_ru="Делегации",
    )  # fmt: skip
    make_release(title="Secret draft", occasions=[summit], status=Status.DRAFT)
    make_release(
        title="Secret later", occasions=[summit],
        published_at=timezone.now() + datetime.timedelta(hours=3),
    )  # fmt: skip
    make_release(
        title="Secret withdrawn", occasions=[summit], status=Status.WITHDRAWN,
        withdrawn_at=timezone.now(),
    )  # fmt: skip
    make_release(title="Elsewhere")
    return {"first": first, "later": later}


def _upload(name):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, jpeg(), content_type="image/jpeg")


# --- Editors ----------------------------------------------------------------------------------


class TestAdmin:
    def test_an_editor_creates_an_event_in_four_languages(self, editor_client):
        with translation.override("en"):
            url = reverse("admin:press_occasion_add")
        response = editor_client.post(
            url,
            {
                "name_uz": "Prezident tashrifi", "name_uz_cyrl": "Президент ташрифи",
                "name_ru": "Визит президента", "name_en": "State visit to Kazakhstan",
                "slug": "state-visit-kazakhstan",
                "description_en": "Three days in Astana.",
                "description_ru": "Три дня в Астане.",
                "place_uz": "Ostona", "place_uz_cyrl": "Остона", "place_ru": "Астана",
                "place_en": "Astana",
                "starts_on": "2026-10-01", "ends_on": "2026-10-03",
            },
        )  # fmt: skip
        assert response.status_code == 302, response.content.decode()[-3000:]
        event = Occasion.objects.get(slug="state-visit-kazakhstan")
        assert (event.name_uz, event.name_uz_cyrl, event.name_ru, event.name_en) == (
            "Prezident tashrifi", "Президент ташрифи", "Визит президента",
            "State visit to Kazakhstan",
        )  # fmt: skip
        assert event.place_ru == "Астана" and event.place_en == "Astana"
        assert event.description_en == "<p>Three days in Astana.</p>"  # plain text: paragraphs
        assert (event.starts_on, event.ends_on) == (
            datetime.date(2026, 10, 1), datetime.date(2026, 10, 3)
        )  # fmt: skip

    def test_the_last_day_before_the_first_is_refused(self, editor_client):
        with translation.override("en"):
            url = reverse("admin:press_occasion_add")
        response = editor_client.post(
            url,
            {"name_uz": "Sammit", "slug": "s", "starts_on": "2026-10-03", "ends_on": "2026-10-01"},
        )
        assert response.status_code == 200
        assert "The last day cannot be before the first day." in response.content.decode()
        assert not Occasion.objects.exists()

    def test_a_release_is_tagged_from_its_form_with_the_picker(self, editor_client, summit):
        with translation.override("en"):
            add = reverse("admin:press_release_add")
            picker = reverse("admin:autocomplete")
        found = editor_client.get(
            picker,
            {"app_label": "press", "model_name": "release", "field_name": "occasions",
             "term": "тошкент"},
        ).json()  # fmt: skip
        assert [r["id"] for r in found["results"]] == [str(summit.pk)]
        response = editor_client.post(
            add,
            {
                "title_uz": "Sammit ochildi", "body_uz": "<p>Matn</p>", "kind": "meeting",
                "event_date": "2026-11-03", "status": "draft", "occasions": [summit.pk],
                "photos-TOTAL_FORMS": "0", "photos-INITIAL_FORMS": "0",
                "attachments-TOTAL_FORMS": "0", "attachments-INITIAL_FORMS": "0",
            },
        )  # fmt: skip
        assert response.status_code == 302
        release = Release.objects.get(slug="sammit-ochildi")
        assert list(release.occasions.all()) == [summit]
        # The revision keeps the tag, so that a revert restores it.
        assert release.revisions.latest("pk").data["occasions"] == [summit.pk]

    def test_a_translator_spells_the_name_but_cannot_add_events(self, translator_client, summit):
        with translation.override("en"):
            change = reverse("admin:press_occasion_change", args=[summit.pk])
            add = reverse("admin:press_occasion_add")
        assert translator_client.get(add).status_code == 403
        html = translator_client.get(change).content.decode()
        assert 'name="name_ru"' in html and 'name="slug"' not in html


# --- Visitors ---------------------------------------------------------------------------------


class TestHub:
    def test_the_page_in_english(self, client, week, summit, django_assert_max_num_queries):
        with django_assert_max_num_queries(12):
            response = client.get("/en/events/tashkent-summit/")
        assert response.status_code == 200
        html = response.content.decode()
        assert "<h1>Tashkent Summit</h1>" in html
        assert "<title>Tashkent Summit · " in html
        header = text_of(block(html, '<header class="page-heading">', "</header>"))
        assert header.startswith("Event · 3 November 2026 – 5 November 2026 · Tashkent")
        assert "Leaders of Central Asia meet in Tashkent." in header
        # In the order things happened, whatever the order of publication.
        timeline = block(html, '<ol class="event-timeline">', "</ol>")
        titles = re.findall(r'<h3 class="card__title"><a [^>]*>([^<]+)</a>', timeline)
        assert titles == ["Opening [en]", "Closing [en]"]
        assert "2 releases" in text_of(block(html, 'id="results-heading">', "</h2>"))
        facts = text_of(block(html, '<aside class="event__facts"', "</aside>"))
        assert "Uzbekistan" in facts and "Kyrgyzstan" in facts
        assert "Demo Minister Minister of Foreign Affairs, Uzbekistan" in facts
        gallery = block(html, 'id="gallery-heading"', "</section>")
        assert 'alt="Delegations at the table"' in gallery
        assert f'href="{week["first"].get_absolute_url().replace("/uz/", "/en/")}"' in gallery
        assert 'href="/en/events/tashkent-summit/feed.rss"' in html
        assert 'href="/en/events/tashkent-summit/feed.atom"' in html

    def test_the_page_in_uzbek_cyrillic(self, client, week, summit):
        html = client.get("/uz-cyrl/events/tashkent-summit/").content.decode()
        assert "<h1>Тошкент саммити</h1>" in html
        header = text_of(block(html, '<header class="page-heading">', "</header>"))
        assert "Марказий Осиё етакчилари Тошкентда учрашади." in header
        assert "Тошкент" in header and "2026" in header
        titles = re.findall(r'<h3 class="card__title"><a [^>]*>([^<]+)</a>', html)
        assert titles == ["Opening [uz_cyrl]", "Closing [uz_cyrl]"]
        assert "Ўзбекистон" in html and "Қирғизистон" in html

    def test_drafts_scheduled_and_withdrawn_releases_never_show(self, client, week, summit):
        for code in ("en", "ru"):
            html = client.get(f"/{code}/events/tashkent-summit/").content.decode()
            assert "Secret" not in html
            heading = text_of(block(html, 'id="results-heading">', "</h2>"))
            assert heading.startswith("2 "), heading
        listing = client.get("/en/events/").content.decode()
        assert "Tashkent Summit" in text_of(listing) and "2 releases" in text_of(listing)
        for fmt in ("rss", "atom"):
            assert b"Secret" not in client.get(f"/en/events/tashkent-summit/feed.{fmt}").content

    def test_an_event_with_nothing_public_is_not_found(self, client, summit):
        make_release(title="Draft only", occasions=[summit], status=Status.DRAFT)
        make_release(
            title="Tomorrow", occasions=[summit],
            published_at=timezone.now() + datetime.timedelta(days=1),
        )  # fmt: skip
        assert client.get("/en/events/tashkent-summit/").status_code == 404
        assert client.get("/en/events/tashkent-summit/feed.rss").status_code == 404
        listing = client.get("/en/events/").content.decode()
        assert "Tashkent" not in listing and "No events yet." in listing
        # Nor is it offered, or accepted, as a filter.
        press = client.get("/en/press/").content.decode()
        assert "tashkent-summit" not in press
        assert client.get("/en/press/?event=tashkent-summit").status_code == 400

    def test_only_in_the_languages_it_has_public_releases_in(self, client, summit):
        make_release(title="Latin only", occasions=[summit], title_ru="", body_ru="")
        assert client.get("/ru/events/tashkent-summit/").status_code == 404
        html = client.get("/en/events/tashkent-summit/").content.decode()
        head = html.split("</head>")[0]
        assert 'hreflang="uz-Cyrl"' in head and 'hreflang="ru"' not in head

    def test_json_ld_event(self, client, week, summit):
        html = client.get("/en/events/tashkent-summit/").content.decode()
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])
        assert data["@type"] == "Event" and data["name"] == "Tashkent Summit"
        assert (data["startDate"], data["endDate"]) == ("2026-11-03", "2026-11-05")
        assert data["location"] == {"@type": "Place", "name": "Tashkent"}
        assert data["url"] == "http://testserver/en/events/tashkent-summit/"

    def test_a_release_page_links_to_its_event(self, client, week, summit):
        html = client.get(week["first"].get_absolute_url().replace("/uz/", "/ru/")).content
        facts = block(html.decode(), '<aside class="release__facts"', "</aside>")
        assert '<a href="/ru/events/tashkent-summit/">Ташкентский саммит</a>' in facts
        assert "События" in text_of(facts)


class TestFeedsAndSitemap:
    def test_rss_and_atom_list_the_events_releases(self, client, week, summit):
        rss = ET.fromstring(client.get("/en/events/tashkent-summit/feed.rss").content)
        channel = rss.find("channel")
        assert channel.findtext("title").startswith("Tashkent Summit · ")
        assert channel.findtext("link") == "http://testserver/en/events/tashkent-summit/"
        # Newest first, as every feed.
        assert [i.findtext("title") for i in channel.findall("item")] == [
            "Opening [en]", "Closing [en]",
        ]  # fmt: skip
        atom = ET.fromstring(client.get("/uz-cyrl/events/tashkent-summit/feed.atom").content)
        assert atom.findtext(f"{ATOM}title").startswith("Тошкент саммити · ")
        titles = [e.findtext(f"{ATOM}title") for e in atom.findall(f"{ATOM}entry")]
        assert titles == ["Opening [uz_cyrl]", "Closing [uz_cyrl]"]

    def test_the_sitemap_lists_the_hub_in_each_language_it_has(self, client, summit):
        make_release(title="No Russian", occasions=[summit], title_ru="", body_ru="")
        Occasion.objects.create(
            slug="secret-visit", name_en="Secret visit", starts_on=datetime.date(2027, 1, 1),
            ends_on=datetime.date(2027, 1, 2),
        )  # fmt: skip
        assert "sitemap-events.xml" in client.get("/sitemap.xml").content.decode()
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        root = ET.fromstring(client.get("/sitemap-events.xml").content)
        urls = sorted(loc.text for loc in root.findall("s:url/s:loc", ns))
        assert urls == sorted(
            f"http://testserver/{code}/events/tashkent-summit/" for code in ("en", "uz", "uz-cyrl")
        )


class TestFilter:
    def test_the_press_list_filtered_by_event(self, client, week, summit):
        html = client.get("/en/press/?event=tashkent-summit").content.decode()
        assert "Opening [en]" in html and "Closing [en]" in html
        assert "Elsewhere" not in html and "Secret" not in html
        heading = text_of(re.search(r'<h2 id="results-heading"[^>]*>(.*?)</h2>', html, re.S)[1])
        assert heading == "2 releases, Event: Tashkent Summit"
        # A chip names the event and removes it.
        chips = block(html, '<div class="chips">', "</div>")
        assert 'href="/en/press/"' in chips and "Tashkent Summit" in text_of(chips)
        # Offered in the form, by its name in the page's language.
        form = block(html, '<form class="filters"', "</form>")
        chosen = r'value="tashkent-summit"[^>]*checked>\s*<label[^>]*>Tashkent Summit'
        assert re.search(chosen, form)
        assert client.get("/en/press/?event=no-such-event").status_code == 400

    def test_the_api_filtered_by_event(self, client, week, summit):
        response = client.get("/api/v1/releases", {"lang": "ru", "event": "tashkent-summit"})
        assert response.status_code == 200
        titles = [item["title"] for item in response.json()["items"]]
        assert titles == ["Opening [ru]", "Closing [ru]"]  # newest first, as every list
        bad = client.get("/api/v1/releases", {"event": "no-such-event"})
        assert bad.status_code == 400 and "event" in bad.json()["errors"]


def test_duplicating_a_release_keeps_its_events(editor, summit):
    from press import services

    release = make_release(title="Weekly briefing", occasions=[summit])
    copy = services.release_duplicate(release=release, user=editor)
    assert list(stored(copy).occasions.all()) == [summit]
