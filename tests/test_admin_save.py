"""The release's change form saves in one go, or gives everything typed back with the reason.

Each test posts what the page offers, as a browser does, then reads what was stored: a
status code alone cannot tell a saved form from one that was thrown away.
"""

import io
import re
from urllib.parse import urlencode

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from press.models import Photo, Release, Revision
from tests.support import form_data

pytestmark = pytest.mark.django_db

RUSSIAN = {
    "title_ru": "Министры встретились в Ташкенте",
    "lead_ru": "Стороны обсудили торговлю.",
    "body_ru": "<p>Переговоры прошли в Ташкенте.</p>",
    "place_ru": "Ташкент",
}
ENGLISH = {
    "title_en": "The ministers met in Tashkent",
    "lead_en": "The sides discussed trade.",
    "body_en": "<p>The talks were held in Tashkent.</p>",
    "place_en": "Tashkent",
}


def jpeg() -> bytes:
    image = Image.new("RGB", (1200, 800), "steelblue")
    image.paste(Image.new("RGB", (600, 800), "gold"), (600, 0))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


@pytest.fixture
def uzbek_only(release_factory):
    """Published in Uzbek (both scripts) with a photo described in them; no Russian, no English."""
    release = release_factory(
        title="Vazirlar uchrashdi",
        **{f"{name}_{code}": "" for name in ("title", "body") for code in ("ru", "en")},
    )
    photo = Photo(release=release, image=SimpleUploadedFile("a.jpg", jpeg()), order=1)
    photo.alt_uz, photo.alt_uz_cyrl = "Vazirlar uchrashuvi", "Вазирлар учрашуви"
    photo.save()
    return release


def change_url(release, code):
    with translation.override(code):
        return reverse("admin:press_release_change", args=[release.pk])


def page_data(client, release, code):
    """What the change form sends back unchanged, as the user sees it in ``code``."""
    data = form_data(client.get(change_url(release, code)).content.decode())
    data["_continue"] = ["Save and continue editing"]
    return data


def test_a_translator_adds_two_languages_and_the_photo_alt_in_one_save(
    client, translator, uzbek_only
):
    client.force_login(translator)
    data = page_data(client, uzbek_only, "ru")
    data.update({name: [value] for name, value in {**RUSSIAN, **ENGLISH}.items()})
    data["photos-0-alt_ru"] = ["Встреча министров"]
    data["photos-0-alt_en"] = ["The ministers meet"]
    revisions = Revision.objects.count()

    response = client.post(change_url(uzbek_only, "ru"), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert response["Location"] == change_url(uzbek_only, "ru")
    release = Release.objects.get(pk=uzbek_only.pk)
    assert release.title_ru == RUSSIAN["title_ru"] and release.place_en == "Tashkent"
    photo = release.photos.get()
    assert (photo.alt_ru, photo.alt_en) == ("Встреча министров", "The ministers meet")
    assert Revision.objects.count() == revisions + 1  # one save, one revision
    revision = Revision.objects.for_release(release).first()
    assert revision.data["photos"][0]["alt_ru"] == "Встреча министров"


def test_a_refused_save_comes_back_with_everything_typed(client, translator, uzbek_only):
    client.force_login(translator)
    data = page_data(client, uzbek_only, "ru")
    data.update({name: [value] for name, value in {**RUSSIAN, **ENGLISH}.items()})
    data["photos-0-alt_ru"] = ["Встреча министров"]  # no English description

    response = client.post(change_url(uzbek_only, "ru"), data)

    assert response.status_code == 200  # the form again, not a redirect that drops the POST
    errors = response.context["inline_admin_formsets"][0].formset.errors[0]
    assert list(errors) == ["alt_en"]
    assert "английский" in errors["alt_en"][0].lower()  # in the translator's language
    html = response.content.decode()
    for value in ("Министры встретились в Ташкенте", "The ministers met in Tashkent"):
        assert value in html
    assert "Встреча министров" in html
    release = Release.objects.get(pk=uzbek_only.pk)
    assert not release.title_ru and not release.photos.get().alt_ru


def test_a_major_correction_without_a_note_is_an_error_at_the_note(client, editor, uzbek_only):
    client.force_login(editor)
    data = page_data(client, uzbek_only, "ru")
    data["body_uz"] = ["<p>Tuzatilgan matn</p>"]
    data["major_change"] = ["on"]

    response = client.post(change_url(uzbek_only, "ru"), data)

    assert response.status_code == 200
    form = response.context["adminform"].form
    # The Uzbek text was corrected: its note is asked for, at its field, in Russian.
    assert form.errors["change_note_uz"] == [
        "Узбекский (латиница): текст исправлен, напишите заметку об изменении."
    ]
    assert "Tuzatilgan matn" in response.content.decode()
    assert Release.objects.get(pk=uzbek_only.pk).body_uz != "<p>Tuzatilgan matn</p>"


# --- Uploads survive a page that comes back -------------------------------------------------


NEW_PHOTO = {
    "photos-TOTAL_FORMS": ["1"],
    "photos-0-order": ["0"],
    "photos-0-focal_x": ["0.5"],
    "photos-0-focal_y": ["0.5"],
}


@pytest.fixture
def draft(draft_factory, minister):
    return draft_factory(title="Rasmli", participants=[minister])


def test_a_photo_chosen_before_an_error_is_kept_for_the_next_submit(client, editor, draft):
    client.force_login(editor)
    data = page_data(client, draft, "en")
    data.update(NEW_PHOTO, event_date=["2023-03-01"])  # the minister was out of office
    data["photos-0-image"] = [SimpleUploadedFile("a.jpg", jpeg())]

    response = client.post(change_url(draft, "en"), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="photos-0-image-kept"' in html and "Kept from the last attempt: a.jpg" in html
    assert not Photo.objects.exists()

    again = form_data(html)  # no file chosen this time
    again.update(event_date=["2021-05-05"], _continue=["Save and continue editing"])
    response = client.post(change_url(draft, "en"), again)

    assert response.status_code == 302, response.context and response.context["errors"]
    photo = Photo.objects.get(release=draft)
    assert photo.renditions and (photo.width, photo.height) == (1200, 800)


def test_a_made_up_key_keeps_nothing(client, editor, draft):
    client.force_login(editor)
    data = page_data(client, draft, "en")
    data["new_photos-kept"] = ["A" * 32, "../../etc/passwd"]
    assert client.post(change_url(draft, "en"), data).status_code == 302
    assert not Photo.objects.exists()


def test_several_photos_are_kept(client, editor, draft):
    client.force_login(editor)
    data = page_data(client, draft, "en")
    data["event_date"] = ["2023-03-01"]
    data["new_photos"] = [SimpleUploadedFile(n, jpeg()) for n in ("a.jpg", "b.jpg")]
    html = client.post(change_url(draft, "en"), data).content.decode()
    assert html.count('name="new_photos-kept"') == 2

    again = form_data(html)
    again["event_date"] = ["2021-05-05"]
    assert client.post(change_url(draft, "en"), again).status_code == 302
    assert Photo.objects.filter(release=draft).count() == 2


def test_a_refused_file_is_not_kept(client, editor, draft):
    client.force_login(editor)
    data = page_data(client, draft, "en")
    data.update(NEW_PHOTO)
    data["photos-0-image"] = [SimpleUploadedFile("a.jpg", jpeg() + b"<script>x</script>")]
    response = client.post(change_url(draft, "en"), data)
    assert response.status_code == 200
    assert "photos-0-image-kept" not in response.content.decode()


def test_a_refused_form_brings_the_script_that_shows_its_first_error(client, editor, draft):
    # The error note is at the top, the field may be a screen below it: admin-errors.js
    # scrolls to the first error (its effect is checked in Chromium, test_editorial_loop.py).
    client.force_login(editor)
    data = page_data(client, draft, "uz-cyrl")
    data["event_date"] = ["31.02.2026"]

    html = client.post(change_url(draft, "uz-cyrl"), data).content.decode()

    assert 'class="errornote"' in html and "js/admin-errors.js" in html
    assert Release.objects.get(pk=draft.pk).event_date == draft.event_date


# --- Back to the list it came from ------------------------------------------------------------


def test_saving_from_a_filtered_list_comes_back_to_that_list(
    client, editor, uzbek_only, uzbekistan
):
    uzbek_only.countries.set([uzbekistan])
    client.force_login(editor)
    with translation.override("ru"):
        listed = reverse("admin:press_release_changelist")
    filters = f"countries__id__exact={uzbekistan.pk}&status__exact=published"
    html = client.get(f"{listed}?{filters}").content.decode()
    # The row's link to the release carries the list's filters.
    (link,) = re.findall(rf'<a href="({re.escape(change_url(uzbek_only, "ru"))}[^"]*)"', html)
    link = link.replace("&amp;", "&")
    assert link == f"{change_url(uzbek_only, 'ru')}?{urlencode({'_changelist_filters': filters})}"
    data = form_data(client.get(link).content.decode())
    data["lead_uz"] = ["Tomonlar savdoni muhokama qildi."]
    data["_save"] = ["Сохранить"]

    response = client.post(link, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert response["Location"] == f"{listed}?{filters}"
    assert Release.objects.get(pk=uzbek_only.pk).lead_uz == "Tomonlar savdoni muhokama qildi."
