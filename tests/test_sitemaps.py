"""Sitemap index, per-section sitemaps with hreflang alternates, and robots.txt."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from press.models import Status
from press.site.sitemaps import ReleaseSitemap

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def urls(response):
    """{loc: {hreflang: href}} of a sitemap."""
    root = ET.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


@pytest.fixture
def content(release_factory, uzbekistan, kyrgyzstan, trade, minister):
    return {
        "all": release_factory(
            title="All four", countries=[uzbekistan], topics=[trade], participants=[minister]
        ),
        "ru-en": release_factory(
            title="Two", countries=[kyrgyzstan], title_uz="", body_uz="", body_uz_cyrl=""
        ),
        "draft": release_factory(title="Secret", status=Status.DRAFT, countries=[uzbekistan]),
        "later": release_factory(
            title="Secret later", published_at=timezone.now() + datetime.timedelta(days=1)
        ),
    }


def test_index_lists_every_section(client, content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    locations = [s.findtext("s:loc", namespaces=NS) for s in root.findall("s:sitemap", NS)]
    assert locations == [
        f"http://testserver/sitemap-{section}.xml"
        for section in ("releases", "countries", "topics", "officials", "posts", "events")
    ]


def test_release_urls_with_alternates_for_exactly_their_languages(client, content):
    found = urls(client.get("/sitemap-releases.xml"))
    slug = content["all"].slug
    base = "http://testserver"
    assert found[f"{base}/uz/press/{slug}/"] == {
        "uz-Latn": f"{base}/uz/press/{slug}/",
        "uz-Cyrl": f"{base}/uz-cyrl/press/{slug}/",
        "ru": f"{base}/ru/press/{slug}/",
        "en": f"{base}/en/press/{slug}/",
        "x-default": f"{base}/press/{slug}/",
    }
    assert f"{base}/uz-cyrl/press/{slug}/" in found
    two = content["ru-en"].slug
    assert found[f"{base}/ru/press/{two}/"] == {
        "ru": f"{base}/ru/press/{two}/",
        "en": f"{base}/en/press/{two}/",
        "x-default": f"{base}/ru/press/{two}/",
    }
    assert f"{base}/uz/press/{two}/" not in found
    assert len(found) == 6
    assert "Secret" not in client.get("/sitemap-releases.xml").content.decode()
    assert content["draft"].slug not in client.get("/sitemap-releases.xml").content.decode()


def test_lastmod_on_every_url(client, content):
    root = ET.fromstring(client.get("/sitemap-releases.xml").content)
    assert all(url.findtext("s:lastmod", namespaces=NS) for url in root.findall("s:url", NS))


def test_subject_pages_listed_in_the_languages_they_have_releases_in(client, content, minister):
    countries = urls(client.get("/sitemap-countries.xml"))
    base = "http://testserver"
    assert set(countries[f"{base}/en/countries/kyrgyzstan/"]) == {"ru", "en", "x-default"}
    assert set(countries[f"{base}/uz/countries/uzbekistan/"]) == {
        "uz-Latn",
        "uz-Cyrl",
        "ru",
        "en",
        "x-default",
    }
    topics = urls(client.get("/sitemap-topics.xml"))
    assert f"{base}/ru/topics/trade/" in topics
    officials = urls(client.get("/sitemap-officials.xml"))
    assert f"{base}/en/officials/{minister.person.slug}/" in officials


def test_subject_with_only_hidden_releases_is_not_listed(client, release_factory, uzbekistan):
    release_factory(title="Secret", status=Status.DRAFT, countries=[uzbekistan])
    assert "uzbekistan" not in client.get("/sitemap-countries.xml").content.decode()


def test_at_most_50000_urls_per_file(settings):
    # A page lists `limit` releases, each in up to every language.
    assert ReleaseSitemap.limit * len(settings.LANGUAGES) <= 50_000


def test_pages_are_split_by_the_limit(client, content, monkeypatch):
    monkeypatch.setattr(ReleaseSitemap, "limit", 1)  # releases per page
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-releases.xml?p=2" in index
    assert "sitemap-releases.xml?p=3" not in index
    assert len(urls(client.get("/sitemap-releases.xml?p=1"))) == 2  # ru and en
    assert len(urls(client.get("/sitemap-releases.xml?p=2"))) == 4  # all four languages
    assert client.get("/sitemap-releases.xml?p=3").status_code == 404


def test_query_count_is_fixed(client, content, release_factory, django_assert_max_num_queries):
    for section in ("releases", "countries", "topics", "officials"):
        with django_assert_max_num_queries(3):
            assert client.get(f"/sitemap-{section}.xml").status_code == 200


def test_robots_txt_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /uz/admin/" in text
