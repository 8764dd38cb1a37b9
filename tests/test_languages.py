"""A Cyrillic page never shows Latin-script Uzbek (or any Latin text) unmarked."""

import re

import pytest
from django.conf import settings
from django.urls import set_script_prefix

from tests.support import latin_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def cyrillic_site(release_factory, uzbekistan, trade, minister):
    release = release_factory(
        title="Ташқи ишлар вазирлари учрашуви",
        countries=[uzbekistan],
        topics=[trade],
        participants=[minister],
        place_uz_cyrl="Тошкент",
        lead_uz_cyrl="Музокаралар бўлиб ўтди.",
    )
    release.title_uz_cyrl = "Ташқи ишлар вазирлари учрашуви"
    release.body_uz_cyrl = "<p>Томонлар ҳамкорликни муҳокама қилдилар.</p>"
    release.save()
    return release


@pytest.mark.parametrize(
    "path",
    [
        "/uz-cyrl/",
        "/uz-cyrl/press/",
        "/uz-cyrl/press/?country=UZ&kind=meeting",
        "/uz-cyrl/press/?date_from=2024-02-30&country=99",
        "/uz-cyrl/press/{slug}/",
        "/uz-cyrl/countries/uzbekistan/",
        "/uz-cyrl/topics/trade/",
        "/uz-cyrl/officials/demo-minister/",
        "/uz-cyrl/no-such-page/",
    ],
)
def test_cyrillic_pages_show_no_unmarked_latin(client, cyrillic_site, path):
    response = client.get(path.format(slug=cyrillic_site.slug))
    assert response.status_code in (200, 400, 404)
    assert latin_words(response.content.decode()) == []


def test_the_checker_finds_latin_text():
    html = '<p>Салом <span lang="uz-Latn">Oʻzbekcha</span> Saqlash</p><img alt="Rasm">'
    assert latin_words(html) == ["Saqlash", "Rasm"]


SWITCHER_LINK = re.compile(r"<a ([^>]*hreflang[^>]*)>")


@pytest.mark.parametrize("path", ["/uz/", "/uz-cyrl/press/", "/ru/press/{slug}/"])
def test_switcher_links_name_the_language_that_site_js_remembers(client, cyrillic_site, path):
    """static/js/site.js sets the language cookie from data-lang when a switcher link is
    clicked; each link must carry the Django code of the language it leads to."""
    html = client.get(path.format(slug=cyrillic_site.slug)).content.decode()
    switcher = html[html.index('class="lang-switcher"') :].split("</nav>", 1)[0]
    links = [dict(re.findall(r'([\w-]+)="([^"]*)"', a)) for a in SWITCHER_LINK.findall(switcher)]
    current = path.split("/")[1]
    assert sorted(link["data-lang"] for link in links) == sorted(
        code for code, _name in settings.LANGUAGES if code != current
    )
    for link in links:
        assert link["href"].startswith(f"/{link['data-lang']}/")
    script = (settings.BASE_DIR / "static/js/site.js").read_text()
    assert 'getAttribute("data-lang")' in script and "django_language=" in script
    assert settings.LANGUAGE_COOKIE_NAME == "django_language"


def test_the_switcher_and_alternates_keep_the_page_and_its_query(client, cyrillic_site):
    """The other languages' addresses of this page: its own arguments (a release's slug)
    and its query kept, in the switcher (what was typed) and the alternates (canonical)."""
    html = client.get("/uz/search/?q=Toshkent&sort=date").content.decode()
    switcher = html[html.index('class="lang-switcher"') :].split("</nav>", 1)[0]
    hrefs = sorted(
        dict(re.findall(r'([\w-]+)="([^"]*)"', a))["href"] for a in SWITCHER_LINK.findall(switcher)
    )
    assert hrefs == [
        "/en/search/?q=Toshkent&amp;sort=date",
        "/ru/search/?q=Toshkent&amp;sort=date",
        "/uz-cyrl/search/?q=Toshkent&amp;sort=date",
    ]
    assert (
        '<link rel="alternate" hreflang="ru" href="http://testserver/ru/search/?q=Toshkent&amp;sort=date">'
        in html
    )
    page = client.get(f"/ru/press/{cyrillic_site.slug}/").content.decode()
    assert (
        f'hreflang="uz-Cyrl" href="http://testserver/uz-cyrl/press/{cyrillic_site.slug}/"' in page
    )


def test_a_site_under_a_path_prefix_links_within_it_and_no_other_site_gets_the_prefix(
    client, cyrillic_site
):
    """The chrome's fixed addresses and each page's own in other languages are reversed once
    a process and kept (press_tags.reversed_in): kept by script prefix too, so a site
    mounted at /mfa (SCRIPT_NAME) and one at the root, in one process, each keep theirs."""
    release_path = f"/ru/press/{cyrillic_site.slug}/"

    def addresses(prefix):
        # The WSGI handler sets the prefix from SCRIPT_NAME; the test client's does not.
        set_script_prefix(prefix + "/")
        try:
            page = client.get(release_path, SCRIPT_NAME=prefix).content.decode()
        finally:
            set_script_prefix("/")
        nav = page[page.index('class="site-nav"') :].split("</nav>", 1)[0]
        switcher = page[page.index('class="lang-switcher"') :].split("</nav>", 1)[0]
        return (
            re.findall(r'href="([^"]*)"', nav),
            sorted(re.findall(r'href="([^"]*)"', switcher)),
            re.search(r'hreflang="en" href="([^"]*)"', page).group(1),
        )

    for _ in range(2):  # the second time from what was kept
        nav, switcher, english = addresses("/mfa")
        assert nav == ["/mfa/ru/", "/mfa/ru/press/", "/mfa/ru/events/"]
        assert switcher == [
            f"/mfa/en/press/{cyrillic_site.slug}/",
            f"/mfa/uz-cyrl/press/{cyrillic_site.slug}/",
            f"/mfa/uz/press/{cyrillic_site.slug}/",
        ]
        assert english == f"http://testserver/mfa/en/press/{cyrillic_site.slug}/"
        nav, switcher, english = addresses("")
        assert nav == ["/ru/", "/ru/press/", "/ru/events/"]
        assert switcher[0] == f"/en/press/{cyrillic_site.slug}/"
        assert english == f"http://testserver/en/press/{cyrillic_site.slug}/"
