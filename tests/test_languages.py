"""A Cyrillic page never shows Latin-script Uzbek (or any Latin text) unmarked."""

import re
from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

LATIN_WORD = re.compile(r"[A-Za-zʻʼ'’]*[A-Za-z][A-Za-zʻʼ'’]+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class InterfaceText(HTMLParser):
    """Collects visible text (and alt/title/aria-label/placeholder) not marked with another lang."""

    def __init__(self, page_lang):
        super().__init__()
        self.stack = [page_lang]
        self.skip = 0
        self.words = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang", self.stack[-1])
        if tag not in VOID:
            self.stack.append(lang)
            if tag in ("script", "style"):
                self.skip += 1
        if lang == self.stack[0]:
            for name in ("alt", "title", "aria-label", "placeholder"):
                self.collect(attrs.get(name) or "")

    def handle_endtag(self, tag):
        if tag not in VOID and len(self.stack) > 1:
            self.stack.pop()
            if tag in ("script", "style"):
                self.skip -= 1

    def handle_data(self, data):
        if not self.skip and self.stack[-1] == self.stack[0]:
            self.collect(data)

    def collect(self, text):
        self.words += LATIN_WORD.findall(text)


def latin_words(html, page_lang="uz-Cyrl"):
    parser = InterfaceText(page_lang)
    parser.feed(html)
    return parser.words


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
