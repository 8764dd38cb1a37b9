"""A release page's links and files kept in the cache (press.site.release_links): read once,
then shown as they are until the release, its links, its files or a name change."""

import datetime

import pytest
from django.core.files.base import ContentFile

from press import services
from press.models import Attachment, Occasion, Release
from tests.support import make_release, pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def summit(db):
    return Occasion.objects.create(
        slug="summit",
        name_uz="Sammit",
        name_uz_cyrl="Саммит",
        name_ru="Саммит",
        name_en="Summit",
        starts_on=datetime.date(2021, 5, 5),
        ends_on=datetime.date(2021, 5, 6),
    )


@pytest.fixture
def release(uzbekistan, trade, minister, summit):
    return make_release(
        title="Xabar",
        countries=[uzbekistan],
        topics=[trade],
        participants=[minister],
        occasions=[summit],
    )


def page(client, release, code="en") -> str:
    response = client.get(f"/{code}/press/{release.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_view_reads_the_row_and_the_related_ids_only(
    client, release, django_assert_max_num_queries
):
    first = page(client, release)
    for text in ("Demo Minister", "Uzbekistan", "Trade", "Summit"):
        assert text in first, text
    with django_assert_max_num_queries(2) as captured:
        again = page(client, release)
    assert again == first
    sql = " ".join(q["sql"] for q in captured.captured_queries)
    assert "press_country" not in sql and "press_photo" not in sql


def test_renamed_names_are_shown_at_once(client, release, uzbekistan, minister, summit):
    page(client, release)
    uzbekistan.name_en = "Republic of Uzbekistan"
    uzbekistan.save()
    minister.person.name_en = "Another Minister"
    minister.person.save()
    summit.name_en = "Big Summit"
    summit.save()
    html = page(client, release)
    for text in ("Republic of Uzbekistan", "Another Minister", "Big Summit"):
        assert text in html, text
    assert "Demo Minister" not in html


def test_changed_links_and_files_are_shown_at_once(client, editor, release, kyrgyzstan, trade):
    page(client, release)
    release.countries.add(kyrgyzstan)
    release.topics.remove(trade)
    attachment = Attachment(release=release, title_en="Joint statement", language="en")
    attachment.file.save("statement.pdf", ContentFile(pdf()), save=False)
    attachment.save()
    html = page(client, release)
    assert "Kyrgyzstan" in html
    assert "/en/topics/trade/" not in html
    assert "Joint statement" in html


def test_a_withdrawn_release_shows_only_events_public_through_other_releases(
    client, editor, release, summit
):
    page(client, release)
    services.release_withdraw(
        release=Release.objects.get(pk=release.pk),
        user=editor,
        reason={c: "xato" for c in ("uz", "uz-cyrl", "ru", "en")},
    )
    assert "Summit" not in page(client, release)
    # Another release of the event comes out: the withdrawn page names the event again,
    # though nothing about the withdrawn release itself changed.
    make_release(title="Boshqa", occasions=[summit])
    assert "Summit" in page(client, release)
