"""Wherever a lead or body is shortened (cards, search results, meta descriptions, feeds),
it is cut after the last whole word that fits and ends in "…", never inside a word or an
entity: one helper, press.text.shorten."""

import html
import re
import xml.etree.ElementTree as ET

import pytest

from press.text import plain_text, shorten, words_from

UZ = "Oʻzbekiston Respublikasi Tashqi ishlar vazirligi matbuot xizmati maʼlum qiladiki"
CYRL = "Ўзбекистон Республикаси Ташқи ишлар вазирлиги матбуот хизмати маълум қилади"
EN = "The Minister of Foreign Affairs received the Ambassador of the Kyrgyz Republic"


def whole_words(cut: str, text: str) -> bool:
    """Every word of ``cut`` (its ellipsis aside) is a whole word of ``text``, in order."""
    words = cut.removesuffix("…").split()
    return words == text.split()[: len(words)]


class TestShorten:
    @pytest.mark.parametrize("text", [UZ, CYRL, EN])
    @pytest.mark.parametrize("limit", range(12, 72, 3))
    def test_cuts_after_a_whole_word_within_the_limit(self, text, limit):
        cut = shorten(text, limit)
        assert len(cut) <= limit
        assert cut.endswith("…")
        assert whole_words(cut, text), cut

    def test_uzbek_apostrophes_belong_to_their_word(self):
        # "Oʻzbekiston" is 11 characters with its ʻ; 14 leaves no room for "Respublikasi".
        assert shorten(UZ, 14) == "Oʻzbekiston…"
        assert shorten("maʼlum qiladiki", 8) == "maʼlum…"
        assert shorten("maʼlum qiladiki", 5) == "maʼl…"  # one word longer than the limit

    def test_the_last_word_that_fits_exactly_is_kept(self):
        # "The Minister" is 12 characters: with the ellipsis, 13.
        assert shorten(EN, 13) == "The Minister…"
        assert shorten(EN, 12) == "The…"

    def test_no_punctuation_left_dangling_before_the_ellipsis(self):
        assert shorten("Talks in Tashkent, then in Bishkek", 20) == "Talks in Tashkent…"
        assert shorten("Министры встретились — и договорились", 24) == "Министры встретились…"

    def test_a_text_that_fits_is_left_alone(self):
        assert shorten("  The   ministers met. ", 20) == "The ministers met."
        assert shorten(EN, len(EN)) == EN

    def test_plain_text_decodes_entities_before_any_cut(self):
        text = plain_text("<p>Trade &amp; transit</p><p>&laquo;Silk&raquo; road</p>")
        assert text == "Trade & transit «Silk» road"
        assert shorten(text, 10) == "Trade &…"

    def test_words_from_moves_to_the_next_word(self):
        text = "Oʻzbekiston Respublikasi Tashqi"
        assert words_from(text, 0) == 0
        assert words_from(text, 3) == text.index("Respublikasi")
        assert words_from(text, text.index("Tashqi")) == text.index("Tashqi")
        assert words_from(text, len(text) - 2) == len(text)


def words_of(text):
    return re.findall(r"[\wʻʼ]+", text)


LONG_BODY_EN = "<p>" + " ".join(["Negotiations &amp; agreements"] * 60) + "</p>"
LONG_LEAD_RU = " ".join(["Переговоры и соглашения о сотрудничестве"] * 20)
LONG_LEAD_UZ = " ".join(["Oʻzbekiston va Qirgʻiziston oʻrtasidagi hamkorlik"] * 20)


@pytest.fixture
def long_release(release_factory):
    return release_factory(
        title="Long", lead_en="", body_en=LONG_BODY_EN, lead_ru=LONG_LEAD_RU, lead_uz=LONG_LEAD_UZ
    )


def assert_whole_words(shown: str, source: str):
    """``shown`` is a run of whole words of ``source`` ending in "…"."""
    shown = shown.strip()
    assert shown.endswith("…"), shown
    source_words = set(source.split())
    for word in shown.removeprefix("…").removesuffix("…").split():
        assert word in source_words, (word, shown)


def meta_description(page: str) -> str:
    return html.unescape(re.search(r'<meta name="description" content="([^"]*)"', page)[1])


@pytest.mark.django_db
class TestEverywhere:
    def test_meta_description_in_english_from_the_body(self, client, long_release):
        page = client.get(f"/en/press/{long_release.slug}/").content.decode()
        description = meta_description(page)
        assert len(description) <= 200
        assert "&amp" not in description and "&" in description
        assert_whole_words(description, plain_text(LONG_BODY_EN))

    def test_meta_description_in_russian_and_uzbek_from_the_lead(self, client, long_release):
        for code, lead in (("ru", LONG_LEAD_RU), ("uz", LONG_LEAD_UZ)):
            page = client.get(f"/{code}/press/{long_release.slug}/").content.decode()
            assert_whole_words(meta_description(page), lead)

    def test_card_lead_on_the_list_is_cut_at_a_word(self, client, long_release):
        page = client.get("/uz/press/").content.decode()
        lead = re.search(r'<p class="card__lead">([^<]*)</p>', page)[1]
        assert len(lead) <= 280
        assert_whole_words(html.unescape(lead), LONG_LEAD_UZ)

    def test_search_snippet_starts_and_ends_at_words(self, client, release_factory):
        body = " ".join(f"Soʻz{n}" for n in range(200)) + " hamkorlik " + "oxiri " * 100
        release_factory(title="Qidiruv", body_uz=f"<p>{body}</p>")
        page = client.get("/uz/search/?q=hamkorlik").content.decode()
        snippet = re.search(r'<p class="card__lead">(.*?)</p>', page, re.S)[1]
        text = html.unescape(re.sub(r"</?mark>", "", snippet))
        assert text.startswith("… ") and text.endswith("…")
        assert "<mark>hamkorlik</mark>" in snippet
        assert_whole_words(text.removeprefix("… "), body)

    @pytest.mark.parametrize("fmt", ["rss", "atom"])
    def test_feed_summary_from_a_long_body_is_cut_at_a_word(self, client, long_release, fmt):
        root = ET.fromstring(client.get(f"/en/press/feed.{fmt}").content)
        if fmt == "rss":
            text = html.unescape(root.find("channel/item/description").text)
        else:
            text = root.find(
                "{http://www.w3.org/2005/Atom}entry/{http://www.w3.org/2005/Atom}summary"
            ).text
        assert len(text) <= 600
        assert_whole_words(text, plain_text(LONG_BODY_EN))
