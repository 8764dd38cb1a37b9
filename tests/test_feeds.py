"""RSS and Atom feeds: per language, per subject, per filter; only what is public there."""

import datetime
import html
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from press.models import Status

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_items(response):
    root = ET.fromstring(response.content)
    return root.find("channel"), root.find("channel").findall("item")


def atom_entries(response):
    root = ET.fromstring(response.content)
    return root, root.findall(f"{ATOM}entry")


@pytest.fixture
def releases(release_factory, uzbekistan, kyrgyzstan, trade, minister):
    return {
        "uz": release_factory(
            title="Toshkent", countries=[uzbekistan], topics=[trade], participants=[minister],
            lead_en="The lead.", event_date=datetime.date(2021, 3, 1),
        ),
        "kg": release_factory(title="Bishkek", countries=[kyrgyzstan], kind="visit"),
        "no-en": release_factory(
            title="No English", countries=[kyrgyzstan], title_en="", body_en=""
        ),
        "draft": release_factory(title="Secret draft", status=Status.DRAFT, countries=[uzbekistan]),
        "later": release_factory(
            title="Secret later", countries=[uzbekistan],
            published_at=timezone.now() + datetime.timedelta(hours=1),
        ),
    }  # fmt: skip


class TestRss:
    def test_content_type_and_absolute_links(self, client, releases):
        response = client.get("/en/press/feed.rss")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
        channel, items = rss_items(response)
        assert channel.findtext("link") == "http://testserver/en/press/"
        assert channel.findtext("language") == "en"
        self_link = channel.find("{http://www.w3.org/2005/Atom}link")
        assert self_link.get("href") == "http://testserver/en/press/feed.rss"
        links = [item.findtext("link") for item in items]
        assert links and all(link.startswith("http://testserver/en/press/") for link in links)

    def test_only_public_releases_written_in_the_language(self, client, releases):
        _channel, items = rss_items(client.get("/en/press/feed.rss"))
        titles = {item.findtext("title") for item in items}
        assert titles == {"Toshkent [en]", "Bishkek [en]"}
        _channel, items = rss_items(client.get("/ru/press/feed.rss"))
        assert {item.findtext("title") for item in items} == {
            "Toshkent [ru]",
            "Bishkek [ru]",
            "No English [ru]",
        }

    def test_items_have_stable_ids_dates_and_categories(self, client, releases):
        _channel, items = rss_items(client.get("/en/press/feed.rss"))
        item = next(i for i in items if i.findtext("title") == "Toshkent [en]")
        url = f"http://testserver/en/press/{releases['uz'].slug}/"
        assert item.findtext("guid") == url
        assert item.find("guid").get("isPermaLink", "true") == "true"
        assert item.findtext("pubDate")
        assert item.findtext("description") == "The lead."
        categories = {c.text for c in item.findall("category")}
        assert {"Uzbekistan", "Trade", "Demo Minister"} <= categories
        # The id is the same tomorrow: fetching again changes nothing.
        _channel, again = rss_items(client.get("/en/press/feed.rss"))
        assert url in {i.findtext("guid") for i in again}

    def test_newest_first(self, client, release_factory):
        now = timezone.now()
        for n in range(3):
            release_factory(title=f"N{n}", published_at=now - datetime.timedelta(hours=3 - n))
        _channel, items = rss_items(client.get("/en/press/feed.rss"))
        assert [i.findtext("title") for i in items] == ["N2 [en]", "N1 [en]", "N0 [en]"]

    def test_size_is_a_setting(self, client, release_factory, settings):
        settings.PRESS_FEED_SIZE = 2
        for n in range(3):
            release_factory(title=f"N{n}")
        assert len(rss_items(client.get("/uz/press/feed.rss"))[1]) == 2


class TestAtom:
    def test_content_type_ids_and_language(self, client, releases):
        response = client.get("/uz-cyrl/press/feed.atom")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
        root, entries = atom_entries(response)
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "uz-Cyrl"
        assert {e.findtext(f"{ATOM}title") for e in entries} == {
            "Toshkent [uz_cyrl]",
            "Bishkek [uz_cyrl]",
            "No English [uz_cyrl]",
        }
        for entry in entries:
            assert entry.findtext(f"{ATOM}id").startswith("http://testserver/uz-cyrl/press/")
            assert entry.findtext(f"{ATOM}updated")
            assert entry.findtext(f"{ATOM}published")
        assert root.findtext(f"{ATOM}author/{ATOM}name")


class TestSubjects:
    @pytest.mark.parametrize("fmt", ["rss", "atom"])
    def test_country_feed(self, client, releases, fmt):
        response = client.get(f"/en/countries/kyrgyzstan/feed.{fmt}")
        assert response.status_code == 200
        body = response.content.decode()
        assert "Bishkek [en]" in body and "Toshkent" not in body
        assert "Kyrgyzstan" in body

    def test_topic_feed(self, client, releases):
        body = client.get("/ru/topics/trade/feed.rss").content.decode()
        assert "Toshkent [ru]" in body and "Bishkek" not in body

    def test_official_feed(self, client, releases, minister):
        body = client.get(f"/en/officials/{minister.person.slug}/feed.atom").content.decode()
        assert "Toshkent [en]" in body and "Bishkek" not in body

    def test_unknown_subject_is_404(self, client, db):
        assert client.get("/en/countries/atlantis/feed.rss").status_code == 404

    def test_drafts_and_scheduled_releases_never_appear(self, client, releases, minister):
        for path in (
            "/uz/press/feed.rss",
            "/uz/press/feed.atom",
            "/uz/countries/uzbekistan/feed.rss",
            "/uz/topics/trade/feed.atom",
        ):
            assert "Secret" not in client.get(path).content.decode()


class TestFilteredFeed:
    def test_feed_of_the_filtered_list(self, client, releases):
        body = client.get("/en/press/feed.rss?country=KG&kind=visit").content.decode()
        assert "Bishkek [en]" in body and "Toshkent" not in body
        assert "http://testserver/en/press/?country=KG&amp;kind=visit" in body

    def test_search_feed_is_newest_first(self, client, releases):
        assert "Toshkent [en]" in client.get("/en/press/feed.rss?q=Toshkent").content.decode()

    @pytest.mark.parametrize("query", ["country=XX", "date_from=2024-02-30", "kind=a&kind=b"])
    def test_invalid_filter_is_400(self, client, releases, query):
        response = client.get(f"/ru/press/feed.atom?{query}")
        assert response.status_code == 400
        assert '<html lang="ru">' in response.content.decode()

    def test_list_page_links_the_feed_of_what_it_shows(self, client, releases):
        html = client.get("/en/press/?country=KG&page=1").content.decode()
        assert (
            '<link rel="alternate" type="application/rss+xml" title="Press releases" '
            'href="/en/press/feed.rss?country=KG">' in html
        )
        assert 'type="application/atom+xml"' in html
        assert 'href="/en/press/feed.atom?country=KG"' in html

    def test_subject_pages_link_their_feeds(self, client, releases, minister):
        html = client.get("/en/countries/kyrgyzstan/?kind=visit").content.decode()
        assert 'href="/en/countries/kyrgyzstan/feed.rss?kind=visit"' in html
        html = client.get(f"/en/officials/{minister.person.slug}/").content.decode()
        assert f'href="/en/officials/{minister.person.slug}/feed.atom"' in html

    def test_query_count_is_fixed(self, client, releases, release_factory, uzbekistan, trade,
                                  django_assert_max_num_queries):  # fmt: skip
        with django_assert_max_num_queries(6) as few:
            client.get("/en/press/feed.rss")
        for n in range(10):
            release_factory(title=f"More {n}", countries=[uzbekistan], topics=[trade])
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get("/en/press/feed.rss")


# --- Plain text stays text ------------------------------------------------------------------

HOSTILE = '<img src=x onerror="alert(1)"> Tashkent & Bishkek'


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)


def tags_in(markup: str) -> list[str]:
    parser = _Tags()
    parser.feed(markup)
    return parser.tags


def test_atom_summary_is_text_not_markup(client, release_factory):
    release_factory(title="Lead", lead_en=HOSTILE)
    _root, entries = atom_entries(client.get("/en/press/feed.atom"))
    summary = entries[0].find(f"{ATOM}summary")
    assert summary.get("type", "text") == "text"
    assert summary.text == HOSTILE


def test_rss_description_is_escaped_html(client, release_factory):
    release_factory(title="Lead", lead_en=HOSTILE)
    _channel, items = rss_items(client.get("/en/press/feed.rss"))
    description = items[0].findtext("description")  # HTML, as RSS readers take it
    assert tags_in(description) == []
    assert html.unescape(description) == HOSTILE


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_a_body_without_lead_gives_its_text_once_unescaped(client, release_factory, fmt):
    release_factory(title="Body", lead_en="", body_en="<p>Trade &amp; transit &lt;b&gt;</p>")
    response = client.get(f"/en/press/feed.{fmt}")
    if fmt == "rss":
        text = html.unescape(rss_items(response)[1][0].findtext("description"))
    else:
        text = atom_entries(response)[1][0].find(f"{ATOM}summary").text
    assert text == "Trade & transit <b>"
