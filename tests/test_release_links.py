"""A release page's links and files kept in the cache (press.site.release_links): read once,
then shown as they are until the release, its links, its files or a name change."""

import datetime

import pytest
from django.core.files.base import ContentFile

from press import services
from press.models import Attachment, Occasion, Photo, Release
from tests.support import committed, jpeg, make_release, pdf

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
    """A release with a participant, a country, a topic, an event, a photo and a document."""
    release = make_release(
        title="Xabar",
        countries=[uzbekistan],
        topics=[trade],
        participants=[minister],
        occasions=[summit],
    )
    photo = Photo(release=release, alt_en="The two delegations", credit_en="MFA", is_lead=True)
    photo.image.save("talks.jpg", ContentFile(jpeg()), save=False)
    photo.save()
    attach_document(release, "Joint statement")
    return release


def attach_document(release, title):
    document = Attachment(release=release, title_en=title, language="en")
    document.file.save("statement.pdf", ContentFile(pdf()), save=False)
    document.save()


def page(client, release, code="en") -> str:
    response = client.get(f"/{code}/press/{release.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_view_reads_the_row_only(client, release, uzbekistan, django_assert_num_queries):
    make_release(title="Qoshni", countries=[uzbekistan])
    first = page(client, release)
    texts = ("Demo Minister", "Uzbekistan", "Trade", "Summit", "MFA", "Joint statement")
    for text in (*texts, "Related press releases", "Qoshni [en]"):
        assert text in first, text
    with django_assert_num_queries(1) as captured:
        again = page(client, release)
    assert again == first
    sql = captured.captured_queries[0]["sql"]
    for table in ("press_country", "press_photo", "press_attachment", "press_appointment"):
        assert table not in sql, table
    assert "press_release_countries" not in sql  # the related releases' ids are kept


def test_the_related_releases_follow_publications_and_withdrawals(
    client, editor, release, uzbekistan, trade
):
    assert "Related press releases" not in page(client, release)
    about_the_country = make_release(title="Qoshni", countries=[uzbekistan])
    # Not written in Russian: related on the other pages, not on the Russian one.
    make_release(title="Savdo", topics=[trade], title_ru="", body_ru="")
    html = page(client, release)
    assert "Qoshni [en]" in html and "Savdo [en]" in html
    with committed():
        services.release_withdraw(
            release=Release.objects.get(pk=about_the_country.pk),
            user=editor,
            reason={c: "xato" for c in ("uz", "uz-cyrl", "ru", "en")},
        )
    html = page(client, release)
    assert "Qoshni [en]" not in html and "Savdo [en]" in html
    assert "Savdo" not in page(client, release, "ru")  # kept per language


def test_renamed_names_are_shown_at_once(client, release, uzbekistan, minister, summit):
    page(client, release)
    uzbekistan.name_en = "Republic of Uzbekistan"
    minister.person.name_en = "Another Minister"
    summit.name_en = "Big Summit"
    with committed():
        uzbekistan.save()
        minister.person.save()
        summit.save()
    html = page(client, release)
    for text in ("Republic of Uzbekistan", "Another Minister", "Big Summit"):
        assert text in html, text
    assert "Demo Minister" not in html


def test_changed_links_and_files_are_shown_at_once(client, editor, release, kyrgyzstan, trade):
    page(client, release)
    with committed():
        release.countries.add(kyrgyzstan)
        release.topics.remove(trade)
        attach_document(release, "Final communiqué")
        Photo.objects.filter(release=release).get().delete()
    html = page(client, release)
    assert "Kyrgyzstan" in html
    assert "/en/topics/trade/" not in html
    assert "Final communiqué" in html
    assert "MFA" not in html


def test_a_withdrawn_release_shows_only_events_public_through_other_releases(
    client, editor, release, summit
):
    page(client, release)
    with committed():
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
