"""Share cards: a 1200×630 PNG per public release and language, drawn with the font we ship,
kept in storage until the release changes, named by og:image; never for a draft."""

import datetime
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from PIL import Image

from press.files.share_cards import FOLDER
from press.models import Status
from tests.support import make_release

pytestmark = pytest.mark.django_db

# Where the title is drawn (press/files/share_cards.py: TITLE_TOP to TITLE_BOTTOM).
TITLE_AREA = (72, 230, 1128, 574)


def card(client, release, code):
    response = client.get(f"/{code}/press/{release.slug}/card.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    return response.content


def stored_cards(release):
    _dirs, files = default_storage.listdir(f"{FOLDER}/{release.pk}")
    return sorted(files)


def ink(png: bytes, box=TITLE_AREA) -> int:
    """How many pixels in ``box`` are dark: text drawn there."""
    region = Image.open(io.BytesIO(png)).convert("L").crop(box)
    return sum(1 for value in region.tobytes() if value < 100)


def test_a_png_of_the_size_every_network_asks_for(client):
    release = make_release(title="Talks in Tashkent")
    image = Image.open(io.BytesIO(card(client, release, "en")))
    assert image.format == "PNG" and image.size == (1200, 630)
    assert ink(card(client, release, "en")) > 2000


def test_a_cyrillic_title_is_drawn_in_its_own_letters(client):
    one = make_release(title="Ўзбекистон ва Қирғизистон", title_uz_cyrl="Ўзбекистон ва Қирғизистон")
    two = make_release(title="Ташқи ишлар вазирлиги", title_uz_cyrl="Тошкентда музокаралар бўлди")
    first, second = card(client, one, "uz-cyrl"), card(client, two, "uz-cyrl")
    assert ink(first) > 2000 and ink(second) > 2000
    # A font without Cyrillic draws every letter as the same empty box: two titles would
    # then differ only in their length. Compare the first word's place, pixel by pixel.
    word = (72, 230, 400, 300)
    a = Image.open(io.BytesIO(first)).convert("L").crop(word)
    b = Image.open(io.BytesIO(second)).convert("L").crop(word)
    differing = sum(1 for p, q in zip(a.tobytes(), b.tobytes(), strict=True) if abs(p - q) > 60)
    assert differing > 1000


def test_each_language_has_its_own_card(client):
    release = make_release(title="Talks")
    assert card(client, release, "en") != card(client, release, "ru")
    assert len(stored_cards(release)) == 2


def test_the_stored_card_is_served_again_without_drawing(client):
    release = make_release(title="Talks")
    card(client, release, "en")
    [name] = stored_cards(release)
    path = f"{FOLDER}/{release.pk}/{name}"
    # Replace what is stored: the next answer must be those very bytes.
    default_storage.delete(path)
    default_storage.save(path, ContentFile(b"kept card"))
    assert card(client, release, "en") == b"kept card"
    assert stored_cards(release) == [name]


def test_a_correction_draws_a_new_card_and_drops_the_old(client):
    release = make_release(title="Talks")
    before = card(client, release, "en")
    [old] = stored_cards(release)
    release.title_en = "Talks in Tashkent on trade, transport and the border"
    release.save()
    after = card(client, release, "en")
    assert after != before
    [new] = stored_cards(release)
    assert new != old


def test_deleting_the_release_deletes_its_cards(client, django_capture_on_commit_callbacks):
    release = make_release(title="Talks")
    card(client, release, "en")
    card(client, release, "uz")
    assert len(stored_cards(release)) == 2
    pk = release.pk
    with django_capture_on_commit_callbacks(execute=True):
        release.delete()
    assert default_storage.listdir(f"{FOLDER}/{pk}") == ([], [])


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(hours=2)},
        {"status": Status.WITHDRAWN, "withdrawn_at": timezone.now()},
        {"title_en": "", "body_en": ""},
    ],
    ids=["draft", "scheduled", "withdrawn", "not-in-english"],
)
def test_no_card_for_what_is_not_public_in_the_language(client, fields):
    release = make_release(title="Secret", **fields)
    response = client.get(f"/en/press/{release.slug}/card.png")
    assert response.status_code == 404
    assert not default_storage.exists(f"{FOLDER}/{release.pk}")


def test_the_release_page_names_its_card(client):
    release = make_release(title="Talks", kind="visit")
    html = client.get(f"/ru/press/{release.slug}/").content.decode()
    head = html.split("</head>")[0]
    url = f"http://testserver/ru/press/{release.slug}/card.png"
    assert f'<meta property="og:image" content="{url}">' in head
    assert '<meta property="og:image:width" content="1200">' in head
    assert '<meta property="og:image:height" content="630">' in head
    assert '<meta property="og:image:type" content="image/png">' in head
    assert '<meta property="og:image:alt" content="Визит: Talks [ru]">' in head
    assert '<meta name="twitter:card" content="summary_large_image">' in head
    assert f'<meta name="twitter:image" content="{url}">' in head
    # The address answers with the card.
    path = re.search(r'og:image" content="http://testserver([^"]+)"', head)[1]
    assert client.get(path)["Content-Type"] == "image/png"
