"""Transliteration where the work is: the change form's button (a JSON endpoint the form's
script calls), photos' descriptions and captions included; and the publish check that names
each photo's missing languages with links to their inputs (issue 16)."""

import json

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from press import services
from press.models import Photo, Release, Status
from tests.support import jpeg, make_user, stored

pytestmark = pytest.mark.django_db


def endpoint(code="uz-cyrl"):
    with translation.override(code):
        return reverse("admin:press_release_transliterate")


def convert(client, direction, texts, code="uz-cyrl"):
    return client.post(
        endpoint(code),
        json.dumps({"direction": direction, "texts": texts}),
        content_type="application/json",
    )


def test_the_endpoint_converts_text_and_html_without_saving_anything(author_client):
    texts = {
        "title_uz_cyrl": "Oʻzbekiston va Qirgʻiziston vazirlari uchrashdi",
        "body_uz_cyrl": '<p>Batafsil: <a href="https://mfa.uz/uz/">sayt</a></p>',
        "photos-0-alt_uz_cyrl": "Vazirlar qoʻl berib koʻrishmoqda",
        "photos-0-caption_uz_cyrl": "Toshkent, 5-may",
    }
    before = Release.objects.count()
    response = convert(author_client, "lat-cyr", texts)
    assert response.status_code == 200
    converted = response.json()["texts"]
    assert converted == {
        "title_uz_cyrl": "Ўзбекистон ва Қирғизистон вазирлари учрашди",
        "body_uz_cyrl": '<p>Батафсил: <a href="https://mfa.uz/uz/">сайт</a></p>',
        "photos-0-alt_uz_cyrl": "Вазирлар қўл бериб кўришмоқда",
        "photos-0-caption_uz_cyrl": "Тошкент, 5 май",
    }
    assert Release.objects.count() == before
    back = convert(author_client, "cyr-lat", {"title_uz": converted["title_uz_cyrl"]}).json()
    assert back["texts"]["title_uz"] == "Oʻzbekiston va Qirgʻiziston vazirlari uchrashdi"


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        json.dumps({"direction": "sideways", "texts": {}}),
        json.dumps({"direction": "lat-cyr", "texts": ["a"]}),
        json.dumps({"direction": "lat-cyr", "texts": {"a": 5}}),
        json.dumps({"direction": "lat-cyr", "texts": {"a": "x" * 300_000}}),
    ],
)
def test_bad_requests_are_400_in_the_editor_s_language(author_client, body):
    response = author_client.post(endpoint("ru"), body, content_type="application/json")
    assert response.status_code == 400
    assert "транслитерац" in response.json()["error"].lower()


def test_only_people_who_write_releases_may_use_it(client, outsider_client):
    assert client.post(endpoint(), "{}", content_type="application/json").status_code == 302
    assert (
        outsider_client.post(endpoint(), "{}", content_type="application/json").status_code == 403
    )
    assert outsider_client.get(endpoint()).status_code in (403, 405)


@pytest.mark.parametrize("code", ["uz", "uz-cyrl", "ru", "en"])
def test_the_form_has_the_buttons_and_their_translated_strings(author_client, code):
    with translation.override(code):
        html = author_client.get(reverse("admin:press_release_add")).content.decode()
    assert 'id="press-transliterate"' in html
    assert 'data-direction="lat-cyr"' in html and 'data-direction="cyr-lat"' in html
    assert "js/admin-transliterate.js" in html
    if code == "uz-cyrl":
        assert "Лотиндан" in html or "лотин" in html.lower()


# --- The changelist action fills photos too ---------------------------------------------------


@pytest.fixture
def latin_with_photo(draft_factory):
    release = draft_factory(
        title="Uchrashuv",
        **{f"{f}_uz_cyrl": "" for f in ("title", "body")},
        **{f"{f}_{c}": "" for f in ("title", "body") for c in ("ru", "en")},
    )
    photo = Photo(release=release, image=SimpleUploadedFile("a.jpg", jpeg()), order=1)
    photo.alt_uz, photo.caption_uz = "Vazirlar uchrashuvi", "Toshkent shahri"
    photo.save()
    return release


def test_the_action_fills_photo_descriptions_so_the_release_can_be_published(
    editor_client, editor, latin_with_photo
):
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    url = reverse("admin:press_release_changelist")
    data = {"action": "fill_cyrillic", ACTION_CHECKBOX_NAME: [latin_with_photo.pk], "index": 0}
    editor_client.post(url, data)
    release = stored(latin_with_photo)
    photo = release.photos.get()
    assert (photo.alt_uz_cyrl, photo.caption_uz_cyrl) == ("Вазирлар учрашуви", "Тошкент шаҳри")
    assert release.title_uz_cyrl and "uz-cyrl" in release.machine_translated
    services.release_publish(release=release, user=editor, force_reason="Test")
    assert stored(release).status == Status.PUBLISHED


# --- The publish check names the languages and links to the inputs ---------------------------


@pytest.fixture
def two_photos(draft_factory):
    """Written in Uzbek Latin, Russian and English; photo 2 described in Uzbek only."""
    release = draft_factory(title="Uchrashuv", title_uz_cyrl="", body_uz_cyrl="")
    for order, alts in ((1, ("uz", "ru", "en")), (2, ("uz",))):
        photo = Photo(release=release, image=SimpleUploadedFile("a.jpg", jpeg()), order=order)
        for code in alts:
            setattr(photo, f"alt_{code}", f"Surat {order} [{code}]")
        photo.save()
    return release


def test_the_refusal_names_the_photo_and_each_missing_language(two_photos, editor):
    with translation.override("en"), pytest.raises(services.WorkflowError) as refusal:
        services.release_publish(release=two_photos, user=editor, force_reason="Test")
    assert "Photo 2: write the alternative text in Russian, English." in str(refusal.value)
    assert "Photo 1" not in str(refusal.value)
    assert stored(two_photos).status == Status.DRAFT


def test_the_publish_page_links_to_each_missing_input(editor_client, two_photos):
    with translation.override("ru"):
        url = reverse("admin:press_release_workflow", args=[two_photos.pk, "publish"])
        change = reverse("admin:press_release_change", args=[two_photos.pk])
    html = editor_client.get(url).content.decode()
    assert "Фото 2" in html
    assert f'href="{change}#id_photos-1-alt_ru"' in html
    assert f'href="{change}#id_photos-1-alt_en"' in html
    response = editor_client.post(url, {"version": two_photos.version, "when": "now",
                                        "force_reason": "Test"})  # fmt: skip
    assert response.status_code == 200
    assert "Фото 2" in response.content.decode()
    assert stored(two_photos).status == Status.DRAFT


def test_the_change_form_says_it_next_to_the_photo(editor_client, two_photos):
    with translation.override("uz-cyrl"):
        url = reverse("admin:press_release_change", args=[two_photos.pk])
    html = editor_client.get(url).content.decode()
    assert 'href="#id_photos-1-alt_ru"' in html and 'href="#id_photos-1-alt_en"' in html
    assert 'href="#id_photos-0-alt_ru"' not in html


def test_no_buttons_for_someone_who_may_only_read_the_release(client, release_factory):
    reader = make_user("reader")
    reader.user_permissions.add(Permission.objects.get(codename="view_release"))
    client.force_login(reader)
    release = release_factory(title="Chiqqan")
    with translation.override("en"):
        html = client.get(reverse("admin:press_release_change", args=[release.pk])).content
    assert b'id="press-transliterate"' not in html
    assert b"Chiqqan [uz]" in html  # the page itself is there
