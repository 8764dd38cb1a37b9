"""Feeds explained to a person: an XSL stylesheet (static/feeds/feed.xsl) that a browser
applies when the feed is opened, in the feed's language, and a "Follow" block on every
list page saying in words what the RSS and Atom links are for."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings

from tests.support import make_release

pytestmark = pytest.mark.django_db

XSL = Path(settings.BASE_DIR) / "static" / "feeds" / "feed.xsl"
XSLT = "{http://www.w3.org/1999/XSL/Transform}"
PI = '<?xml-stylesheet href="/static/feeds/feed.xsl" type="text/xsl"?>'


@pytest.mark.parametrize("fmt", ["rss", "atom"])
@pytest.mark.parametrize(
    "path",
    ["/ru/press/feed.{}", "/uz-cyrl/countries/kyrgyzstan/feed.{}", "/en/topics/trade/feed.{}"],
)
def test_every_feed_names_the_stylesheet_and_still_parses(client, kyrgyzstan, trade, path, fmt):
    make_release(title="Talks", countries=[kyrgyzstan], topics=[trade])
    response = client.get(path.format(fmt))
    assert response.status_code == 200
    text = response.content.decode()
    # Right after the XML declaration, before the root element.
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n' + PI)
    root = ET.fromstring(response.content)
    assert root.tag in ("rss", "{http://www.w3.org/2005/Atom}feed")
    assert "Talks" in text


def test_the_stylesheet_is_served_as_a_static_file(client):
    from django.contrib.staticfiles import finders

    assert finders.find("feeds/feed.xsl") == str(XSL)


def test_every_sentence_of_the_stylesheet_is_written_in_all_four_languages():
    root = ET.parse(XSL).getroot()
    calls = [c for c in root.iter(f"{XSLT}call-template") if c.get("name") == "say"]
    assert len(calls) >= 6
    for call in calls:
        said = {
            p.get("name"): "".join(p.itertext()).strip() for p in call.iter(f"{XSLT}with-param")
        }
        assert set(said) == {"uz", "cyrl", "ru", "en"}
        assert all(said.values()), said
        assert not re.search(r"[A-Za-z]{3,}", said["cyrl"].replace("RSSAtom", "")), said["cyrl"]
        assert not re.search(r"[A-Za-z]{3,}", said["ru"].replace("RSSAtom", "")), said["ru"]
        assert "'" not in said["uz"]  # ʻ and ʼ, never the typewriter apostrophe


FOLLOW = {
    "en": "To hear of new releases listed on this page",
    "ru": "Чтобы узнавать о новых пресс-релизах с этой страницы",
    "uz": "Ushbu sahifadagi yangi matbuot xabarlaridan xabardor boʻlish uchun",
    "uz-cyrl": "Ушбу саҳифадаги янги матбуот хабарларидан хабардор бўлиш учун",
}


@pytest.mark.parametrize("code", ["en", "ru", "uz", "uz-cyrl"])
def test_one_follow_block_in_words_on_every_list_page(client, kyrgyzstan, trade, minister, code):
    make_release(title="Talks", countries=[kyrgyzstan], topics=[trade], participants=[minister])
    post = minister.post.slug
    for path in ("press/", "countries/kyrgyzstan/", "topics/trade/", "officials/demo-minister/",
                 f"posts/{post}/"):  # fmt: skip
        html = client.get(f"/{code}/{path}").content.decode()
        assert html.count('<section class="follow"') == 1, path
        block = html.split('<section class="follow"')[1].split("</section>")[0]
        assert FOLLOW[code] in block, (path, block)
        feed = path + "feed"
        assert (
            f'href="/{code}/{feed}.rss" type="application/rss+xml"><span lang="en">RSS</span>'
            in block
        )
        assert (
            f'href="/{code}/{feed}.atom" type="application/atom+xml"><span lang="en">Atom</span>'
            in block
        )


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
READER_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"


@pytest.mark.parametrize("fmt, own_type", [("rss", "rss"), ("atom", "atom")])
def test_a_browser_gets_xml_it_renders_a_reader_the_feeds_own_type(client, settings, fmt, own_type):
    """Chromium and Firefox show application/rss+xml as text or a download, never through
    the stylesheet; as application/xml they apply it. The page cache keeps the two apart."""
    settings.PRESS_PAGE_CACHE_SECONDS = 60
    make_release(title="Talks")
    for _ in range(2):  # the second time from the page cache
        browser = client.get(f"/ru/press/feed.{fmt}", headers={"Accept": BROWSER_ACCEPT})
        assert browser["Content-Type"] == "application/xml; charset=utf-8"
        assert "Accept" in browser["Vary"]
        reader = client.get(f"/ru/press/feed.{fmt}", headers={"Accept": READER_ACCEPT})
        assert reader["Content-Type"] == f"application/{own_type}+xml; charset=utf-8"
        assert reader.content == browser.content
    assert reader["X-Page-Cache"] == "hit" and browser["X-Page-Cache"] == "hit"
