"""A translator writes the other languages of a release that is out, never its source
language: that change is a correction, made by an editor (issue 16, roles)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from press import services
from press.models import Photo, Release, Revision
from tests.support import form_data, jpeg, stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(release_factory):
    """Published, written in Uzbek Latin (its source language) and Russian only."""
    return release_factory(
        title="Vazirlar uchrashdi",
        **{f"{name}_{code}": "" for name in ("title", "body") for code in ("uz_cyrl", "en")},
    )


def change_url(release, code):
    with translation.override(code):
        return reverse("admin:press_release_change", args=[release.pk])


def test_the_service_refuses_a_translator_s_change_of_the_source_text(live, translator):
    live.title_uz = "Boshqa sarlavha"
    with pytest.raises(services.WorkflowError) as refusal:
        services.release_save(release=live, user=translator, version=live.version)
    assert refusal.value.field == "title_uz"
    assert stored(live).title_uz == "Vazirlar uchrashdi [uz]"
    assert not Revision.objects.filter(release=live).exists()


def test_the_service_takes_a_translator_s_other_languages(live, translator):
    live.title_en = "Ministers met"
    live.body_en = "<p>In Tashkent.</p>"
    services.release_save(release=live, user=translator, version=live.version)
    assert stored(live).title_en == "Ministers met"


def test_an_editor_corrects_the_source_text_as_a_recorded_correction(live, editor):
    live.title_uz = "Tuzatilgan sarlavha"
    services.release_save(release=live, user=editor, version=live.version)
    assert stored(live).title_uz == "Tuzatilgan sarlavha"
    assert Revision.objects.for_release(live).first().action == "correct-minor"


def test_a_translator_may_still_write_the_source_of_a_draft(draft_factory, translator):
    draft = draft_factory(title="Loyiha")
    draft.title_uz = "Yangi loyiha"
    services.release_save(release=draft, user=translator, version=draft.version)
    assert stored(draft).title_uz == "Yangi loyiha"


def test_the_form_shows_the_source_text_read_only_to_a_translator(client, translator, live):
    client.force_login(translator)
    html = client.get(change_url(live, "ru")).content.decode()
    fields = form_data(html)
    assert "title_uz" not in fields and "body_uz" not in fields
    assert "title_en" in fields and "title_ru" in fields
    assert "Vazirlar uchrashdi [uz]" in html  # shown, not editable

    # A POST that sends the source text anyway changes nothing of it.
    fields.update({"title_uz": ["Boshqa"], "title_en": ["Ministers met"], "_continue": ["1"]})
    fields["body_en"] = ["<p>In Tashkent.</p>"]
    response = client.post(change_url(live, "ru"), fields)
    assert response.status_code == 302
    release = Release.objects.get(pk=live.pk)
    assert release.title_uz == "Vazirlar uchrashdi [uz]" and release.title_en == "Ministers met"


def test_the_form_leaves_the_source_text_editable_for_an_editor(client, editor, live):
    client.force_login(editor)
    assert "title_uz" in form_data(client.get(change_url(live, "en")).content.decode())


def test_no_permission_no_save(live, outsider):
    live.title_en = "x"
    with pytest.raises(PermissionDenied):
        services.release_save(release=live, user=outsider, version=live.version)


@pytest.fixture
def live_photo(live):
    photo = Photo(release=live, image=SimpleUploadedFile("a.jpg", jpeg()), order=1)
    photo.alt_uz, photo.alt_ru = "Vazirlar", "Министры"
    photo.save()
    return photo


def test_the_service_refuses_a_translator_s_change_of_a_photo_s_source_text(
    live, live_photo, translator
):
    def rewrite_the_description():
        Photo.objects.filter(pk=live_photo.pk).update(alt_uz="Boshqa tavsif")

    with pytest.raises(services.WorkflowError):
        services.release_save(
            release=live,
            user=translator,
            version=live.version,
            save_related=rewrite_the_description,
        )
    assert stored(live_photo).alt_uz == "Vazirlar"


def test_the_photo_s_source_text_is_read_only_for_a_translator(client, translator, live_photo):
    client.force_login(translator)
    fields = form_data(client.get(change_url(live_photo.release, "ru")).content.decode())
    assert "photos-0-alt_uz" not in fields and "photos-0-caption_uz" not in fields
    assert "photos-0-alt_en" in fields and "photos-0-alt_uz_cyrl" in fields
