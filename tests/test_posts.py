"""A post's public page (its holders, current first, with their dates, official pages and
releases) and an official's timeline of posts; only what is public."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from press.models import Appointment, Person, Post, Status
from tests.support import make_release

pytestmark = pytest.mark.django_db


@pytest.fixture
def holders(minister):
    """The minister's post held by three people: an earlier one (2017–2020), the minister
    (2020–2022), a successor in office now, and someone appointed from next month."""
    post = minister.post
    today = timezone.localdate()
    earlier = Person.objects.create(
        slug="earlier", name_uz="Avvalgi Vazir", name_uz_cyrl="Аввалги Вазир",
        name_ru="Прежний Министр", name_en="Earlier Minister",
    )  # fmt: skip
    # Written in Uzbek (Latin) only: other languages fall back to it, marked.
    successor = Person.objects.create(slug="successor", name_uz="Yangi Vazir")
    upcoming = Person.objects.create(slug="upcoming", name_uz="Kelajak", name_en="Upcoming")
    return {
        "post": post,
        "earlier": Appointment.objects.create(
            person=earlier, post=post, started_on=datetime.date(2017, 3, 1),
            ended_on=datetime.date(2020, 1, 1),
        ),
        "minister": minister,
        "successor": Appointment.objects.create(
            person=successor, post=post, started_on=datetime.date(2022, 7, 1),
            ended_on=today + datetime.timedelta(days=30),
        ),
        "upcoming": Appointment.objects.create(
            person=upcoming, post=post, started_on=today + datetime.timedelta(days=30)
        ),
    }  # fmt: skip


def holder_items(html):
    """Each holder's <li> on a post page, as its text with whitespace collapsed."""
    block = re.search(r'<ol class="holders">(.*?)</ol>', html, re.S)[1]
    items = re.findall(r"<li[^>]*>(.*?)</li>", block, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in items], items


def test_the_post_has_a_slug_from_its_english_title(holders):
    assert holders["post"].slug == "minister-of-foreign-affairs"
    other = Post.objects.create(title_en="Minister of Foreign Affairs", title_uz="Vazir")
    assert other.slug == "minister-of-foreign-affairs-2"
    other.title_en = "Renamed"
    other.save()
    other.refresh_from_db()
    assert other.slug == "minister-of-foreign-affairs-2"  # an address never changes


class TestPostPage:
    def test_holders_current_first_with_dates_and_links_in_english(self, client, holders):
        make_release(title="Talks", participants=[holders["minister"]])
        make_release(title="Visit", participants=[holders["successor"]])
        make_release(title="Visit 2", participants=[holders["successor"]])
        response = client.get("/en/posts/minister-of-foreign-affairs/")
        assert response.status_code == 200
        html = response.content.decode()
        assert re.search(r"<h1>Minister of Foreign Affairs<span[^>]*>Uzbekistan</span></h1>", html)
        texts, items = holder_items(html)
        assert len(texts) == 3  # not the one appointed from next month
        assert texts[0].startswith("Yangi Vazir In office 1 July 2022 –")
        assert "2 releases in this post" in texts[0]
        assert texts[1] == ("Demo Minister 1 January 2020 – 1 July 2022 1 release in this post")
        assert texts[2].startswith("Earlier Minister 1 March 2017 – 1 January 2020")
        assert "No releases in this post yet" in texts[2]
        assert '<a href="/en/officials/successor/">' in items[0]
        assert '<span lang="uz-Latn">Yangi Vazir</span>' in items[0]
        assert '<time datetime="2022-07-01">' in items[0]
        assert (
            '<a class="holders__releases" href="?official=demo-minister#results-heading">'
            in items[1]
        )
        holders_block = html.split('<ol class="holders">')[1].split("</ol>")[0]
        assert "Upcoming" not in holders_block and "Kelajak" not in holders_block
        # The list below holds the releases naming any holder in this post.
        assert "3 releases" in html and "Talks [en]" in html and "Visit [en]" in html

    def test_in_russian_and_uzbek_cyrillic(self, client, holders):
        html = client.get("/ru/posts/minister-of-foreign-affairs/").content.decode()
        texts, _items = holder_items(html)
        assert texts[0].startswith("Yangi Vazir В должности 1 июля 2022 г. –")
        assert texts[1].startswith("Демо Министр 1 января 2020 г. – 1 июля 2022 г.")
        html = client.get("/uz-cyrl/posts/minister-of-foreign-affairs/").content.decode()
        texts, items = holder_items(html)
        assert "Ташқи ишлар вазири" in html
        assert '<span lang="uz-Latn">Yangi Vazir</span>' in items[0]  # marked, never bare
        assert texts[2].startswith("Аввалги Вазир")

    def test_a_holder_filter_lists_their_releases_in_this_post(self, client, holders):
        make_release(title="Talks", participants=[holders["minister"]])
        make_release(title="Visit", participants=[holders["successor"]])
        html = client.get("/en/posts/minister-of-foreign-affairs/?official=demo-minister").content
        assert b"Talks [en]" in html and b"Visit [en]" not in html

    def test_drafts_and_scheduled_releases_never_show(self, client, holders):
        make_release(title="Secret draft", status=Status.DRAFT, participants=[holders["successor"]])
        make_release(
            title="Secret later", participants=[holders["successor"]],
            published_at=timezone.now() + datetime.timedelta(hours=2),
        )  # fmt: skip
        for code in ("en", "uz"):
            html = client.get(f"/{code}/posts/minister-of-foreign-affairs/").content.decode()
            assert "Secret" not in html
            texts, _items = holder_items(html)
            assert not re.search(r"\d+ (release|reliz)", texts[0]), texts[0]
        rss = client.get("/en/posts/minister-of-foreign-affairs/feed.rss").content.decode()
        assert "Secret" not in rss

    def test_a_post_nobody_has_held_yet_is_not_found(self, client, holders):
        vacant = Post.objects.create(title_en="Deputy Minister", title_uz="Vazir oʻrinbosari")
        assert client.get(f"/en/posts/{vacant.slug}/").status_code == 404
        assert client.get(f"/en/posts/{vacant.slug}/feed.rss").status_code == 404
        # Appointed from next month: still nobody, and not a word about who.
        future = Post.objects.create(title_en="Envoy", title_uz="Vakil")
        Appointment.objects.create(
            person=holders["upcoming"].person, post=future,
            started_on=timezone.localdate() + datetime.timedelta(days=3),
        )  # fmt: skip
        assert client.get(f"/en/posts/{future.slug}/").status_code == 404
        assert client.get("/en/posts/no-such-post/").status_code == 404

    def test_seo_metadata(self, client, holders):
        html = client.get("/en/posts/minister-of-foreign-affairs/").content.decode()
        head = html.split("</head>")[0]
        assert "<title>Minister of Foreign Affairs · " in head
        assert (
            '<link rel="canonical" href="http://testserver/en/posts/minister-of-foreign-affairs/">'
            in head
        )
        assert 'hreflang="uz-Cyrl" href="http://testserver/uz-cyrl/posts/' in head
        description = re.search(r'<meta name="description" content="([^"]*)"', head)[1]
        assert description.startswith(
            "Who has held the post of Minister of Foreign Affairs, Uzbekistan: Yangi Vazir (2022–"
        )
        assert "Demo Minister (2020–2022)" in description
        assert 'type="application/rss+xml"' in head


class TestOfficialTimeline:
    def test_posts_over_time_as_an_ordered_list_linking_to_each_post(self, client, holders):
        person = holders["minister"].person
        envoy = Post.objects.create(title_en="Special Envoy", title_ru="Специальный представитель")
        Appointment.objects.create(person=person, post=envoy, started_on=datetime.date(2022, 7, 1))
        Appointment.objects.create(
            person=person, post=Post.objects.create(title_en="Secret future post"),
            started_on=timezone.localdate() + datetime.timedelta(days=5),
        )  # fmt: skip
        html = client.get("/en/officials/demo-minister/").content.decode()
        block = re.search(r'<ol class="timeline">(.*?)</ol>', html, re.S)[1]
        items = re.findall(r"<li>(.*?)</li>", block, re.S)
        texts = [" ".join(re.sub(r"<[^>]+>", " ", i).split()) for i in items]
        assert texts == [
            "1 July 2022 – in office Special Envoy",
            "1 January 2020 – 1 July 2022 Minister of Foreign Affairs, Uzbekistan",
        ]
        assert f'<a href="/en/posts/{envoy.slug}/">' in items[0]
        assert '<a href="/en/posts/minister-of-foreign-affairs/">' in items[1]
        assert (
            '<time datetime="2020-01-01">' in items[1]
            and '<time datetime="2022-07-01">' in items[1]
        )
        assert "Secret future post" not in html
        ru = client.get("/ru/officials/demo-minister/").content.decode()
        assert "Специальный представитель" in ru
        assert f'<a href="/ru/posts/{envoy.slug}/">' in ru


class TestSitemap:
    def test_post_pages_are_listed_in_the_languages_they_have_releases_in(self, client, holders):
        make_release(title="Talks", participants=[holders["minister"]], title_ru="", body_ru="")
        Post.objects.create(title_en="Deputy Minister")  # no holder, no release: not listed
        index = client.get("/sitemap.xml").content.decode()
        assert "sitemap-posts.xml" in index
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        root = ET.fromstring(client.get("/sitemap-posts.xml").content)
        urls = sorted(loc.text for loc in root.findall("s:url/s:loc", ns))
        assert urls == sorted(
            f"http://testserver/{code}/posts/minister-of-foreign-affairs/"
            for code in ("en", "uz", "uz-cyrl")
        )
