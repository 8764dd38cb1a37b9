"""A Cyrillic page never shows Latin-script Uzbek (or any Latin text) unmarked."""

import pytest

from tests.helpers import latin_words

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
