"""What a page tells search engines and other sites: canonical, hreflang, Open Graph,
Twitter cards, JSON-LD NewsArticle; share links; related releases; 410 Gone."""

import datetime
import json
import re

import pytest

from press.models import Release, Status
from press.site import page_cache

pytestmark = pytest.mark.django_db


def head(html):
    return html.split("</head>")[0]


def json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


@pytest.fixture
def release(release_factory, uzbekistan, trade, minister):
    return release_factory(
        title="Talks", countries=[uzbekistan], topics=[trade], participants=[minister],
        lead_en="Ministers met.", place_en="Tashkent", title_uz="", body_uz="",
    )  # fmt: skip


class TestHead:
    def test_canonical_and_hreflang_for_exactly_the_languages_of_the_release(self, client, release):
        html = head(client.get(f"/en/press/{release.slug}/").content.decode())
        base = "http://testserver"
        assert f'<link rel="canonical" href="{base}/en/press/{release.slug}/">' in html
        pattern = r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"'
        hreflangs = dict(re.findall(pattern, html))
        assert hreflangs == {
            "uz-Cyrl": f"{base}/uz-cyrl/press/{release.slug}/",
            "ru": f"{base}/ru/press/{release.slug}/",
            "en": f"{base}/en/press/{release.slug}/",
            "x-default": f"{base}/uz-cyrl/press/{release.slug}/",
        }

    def test_x_default_is_the_unprefixed_address_when_there_is_uzbek(self, client, db):
        html = head(client.get("/ru/").content.decode())
        assert '<link rel="alternate" hreflang="x-default" href="http://testserver/">' in html
        assert '<link rel="alternate" hreflang="uz-Latn" href="http://testserver/uz/">' in html

    def test_canonical_of_a_list_keeps_only_its_filters(self, client, release):
        html = head(client.get("/en/press/?utm_source=x&country=UZ&page=1").content.decode())
        assert '<link rel="canonical" href="http://testserver/en/press/?country=UZ">' in html

    def test_open_graph_and_twitter(self, client, release):
        html = head(client.get(f"/en/press/{release.slug}/").content.decode())
        for tag in (
            '<meta property="og:type" content="article">',
            '<meta property="og:title" content="Talks [en]">',
            '<meta property="og:description" content="Ministers met.">',
            f'<meta property="og:url" content="http://testserver/en/press/{release.slug}/">',
            '<meta property="og:locale" content="en_GB">',
            # Every public release has a share card (tests/test_share_cards.py).
            '<meta name="twitter:card" content="summary_large_image">',
            '<meta name="twitter:title" content="Talks [en]">',
            '<meta name="description" content="Ministers met.">',
        ):
            assert tag in html, tag

    @pytest.mark.parametrize(
        "code, lang", [("uz", "uz-Latn"), ("uz-cyrl", "uz-Cyrl"), ("ru", "ru"), ("en", "en")]
    )
    def test_html_lang(self, client, db, code, lang):
        assert f'<html lang="{lang}">' in client.get(f"/{code}/press/").content.decode()


class TestNewsArticle:
    def test_structured_data(self, client, release):
        data = json_ld(client.get(f"/ru/press/{release.slug}/").content.decode())
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == "Talks [ru]"
        assert data["inLanguage"] == "ru"
        assert data["url"] == f"http://testserver/ru/press/{release.slug}/"
        assert datetime.datetime.fromisoformat(data["datePublished"]) == release.published_at
        assert data["dateModified"]
        assert data["publisher"]["@type"] == "GovernmentOrganization"
        assert "Министерство иностранных дел" in data["publisher"]["name"]
        assert {"@type": "Country", "name": "Узбекистан"}.items() <= data["about"][0].items()
        assert data["about"][1]["name"] == "Торговля"
        person = data["mentions"][0]
        assert person["@type"] == "Person" and person["name"] == "Демо Министр"
        assert person["url"] == "http://testserver/ru/officials/demo-minister/"

    def test_markup_in_text_cannot_close_the_script(self, client, release_factory):
        release = release_factory(title="</script><script>alert(1)</script>")
        html = client.get(f"/en/press/{release.slug}/").content.decode()
        assert "<script>alert(1)" not in html
        assert json_ld(html)["headline"].startswith("</script>")


class TestReleasePageExtras:
    def test_plain_share_links_and_the_address_to_copy(self, client, release):
        html = client.get(f"/en/press/{release.slug}/").content.decode()
        url = f"http://testserver/en/press/{release.slug}/"
        quoted = url.replace(":", "%3A").replace("/", "%2F")
        assert f'href="https://t.me/share/url?url={quoted}&amp;text=Talks+%5Ben%5D"' in html
        assert f"https://www.facebook.com/sharer/sharer.php?u={quoted}" in html
        assert f"https://x.com/intent/post?url={quoted}" in html
        assert 'href="mailto:?subject=Talks%20%5Ben%5D' in html
        assert f'value="{url}" readonly' in html
        # No script from another site.
        assert not re.search(r'<script[^>]+src="https?://', html)

    def test_related_releases_share_a_country_or_topic(
        self, client, release, release_factory, uzbekistan, kyrgyzstan, trade,
        django_assert_max_num_queries,
    ):  # fmt: skip
        same_country = release_factory(title="Same country", countries=[uzbekistan])
        same_topic = release_factory(title="Same topic", topics=[trade])
        release_factory(title="Unrelated", countries=[kyrgyzstan])
        release_factory(title="Hidden", countries=[uzbekistan], status=Status.DRAFT)
        release_factory(title="Not in English", countries=[uzbekistan], body_en="")
        for n in range(5):
            earlier = release.published_at - datetime.timedelta(days=n + 1)
            release_factory(title=f"Old {n}", topics=[trade], published_at=earlier)
        response = client.get(f"/en/press/{release.slug}/")
        # The related releases' ids (their cards are kept in the cache: press.site.cards).
        related = list(Release.objects.filter(pk__in=response.context["related"]))
        assert len(related) == 4
        shown = response.content.decode().split('id="related-heading"', 1)[1]
        assert all(f"{r.title_en}" in shown for r in related)
        assert {same_country, same_topic} <= set(related)
        assert release not in related
        titles = " ".join(r.title_en for r in related)
        assert "Unrelated" not in titles and "Hidden" not in titles and "Not in" not in titles
        with django_assert_max_num_queries(12):
            client.get(f"/en/press/{release.slug}/")

    def test_updated_date_only_after_a_major_correction(self, client, release):
        # A save (or a minor correction) is no public update; a major correction is, with
        # its change note (press/services/saving.py release_save).
        releases = type(release).objects.filter(pk=release.pk)
        releases.update(updated_at=release.published_at + datetime.timedelta(days=1))
        html = client.get(f"/en/press/{release.slug}/").content.decode()
        assert "Updated" not in html
        corrected = release.published_at + datetime.timedelta(days=1)
        releases.update(
            changed_at=corrected,
            language_changed_at={"en": corrected.isoformat()},
            change_note_en="The date was corrected.",
        )
        # update() sends no signal: drop what a save would (the kept article, its links).
        page_cache.bump(*page_cache.linked_tags(release.pk))
        html = client.get(f"/en/press/{release.slug}/").content.decode()
        assert "Updated" in html and "The date was corrected." in html


class TestGone:
    def test_unpublished_release_is_410_in_the_visitors_language(self, client, release_factory):
        release = release_factory(title="Taken down", status=Status.UNPUBLISHED)
        response = client.get(f"/ru/press/{release.slug}/")
        assert response.status_code == 410
        html = response.content.decode()
        assert '<html lang="ru">' in html and 'class="skip-link"' in html
        assert "Taken down" not in html

    def test_withdrawn_release_stays_readable_with_its_notice(self, client, release_factory):
        release = release_factory(
            title="Withdrawn", status=Status.WITHDRAWN, withdrawal_reason_en="Out of date"
        )
        response = client.get(f"/en/press/{release.slug}/")
        assert response.status_code == 200
        assert "notice--withdrawn" in response.content.decode()
        assert "Out of date" in response.content.decode()


@pytest.mark.parametrize("code", ["uz", "uz-cyrl", "ru", "en"])
def test_error_pages_in_the_layout_and_language(client, db, code):
    from django.test import RequestFactory
    from django.utils import translation

    from press.site import views

    request = RequestFactory().get(f"/{code}/x/")
    with translation.override(code):
        for view, status in (
            (views.bad_request, 400),
            (views.permission_denied, 403),
            (views.page_not_found, 404),
            (views.gone, 410),
        ):
            response = view(request)
            assert response.status_code == status
            html = response.content.decode()
            assert 'class="skip-link"' in html and 'class="site-header"' in html
        response = views.server_error(request)
        assert response.status_code == 500
        assert 'class="site-header"' in response.content.decode()
