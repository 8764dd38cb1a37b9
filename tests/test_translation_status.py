"""Per language: missing, up to date, outdated (the source changed after it), machine-made."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from press import services
from press.models import Release, TranslationState

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
MISSING, OUTDATED, UP, MACHINE = (
    TranslationState.MISSING,
    TranslationState.OUTDATED,
    TranslationState.UP_TO_DATE,
    TranslationState.MACHINE,
)


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def states(release):
    return Release.objects.get(pk=release.pk).translation_states()


@pytest.fixture
def uz_only(draft_factory, editor):
    release = draft_factory(
        title="Manba", title_ru="", body_ru="", title_en="", body_en="",
        title_uz_cyrl="", body_uz_cyrl="",
    )  # fmt: skip
    services.revision_create(release=release, user=editor)
    return release


def save(release, user, no_retranslation=False, **changes):
    return services.release_save(
        release=Release.objects.get(pk=release.pk),
        user=user,
        changes=changes,
        no_retranslation=no_retranslation,
    )


def test_missing_then_up_to_date_then_outdated(uz_only, editor, translator, _clock):
    assert states(uz_only) == {"uz": UP, "uz-cyrl": MISSING, "ru": MISSING, "en": MISSING}
    _clock.shift(60)
    save(uz_only, translator, title_ru="Источник", body_ru="<p>Текст</p>")
    assert states(uz_only)["ru"] == UP
    _clock.shift(60)
    save(uz_only, editor, body_uz="<p>Manba oʻzgardi</p>")
    assert states(uz_only) == {"uz": UP, "uz-cyrl": MISSING, "ru": OUTDATED, "en": MISSING}
    _clock.shift(60)
    save(uz_only, translator, body_ru="<p>Текст обновлён</p>")
    assert states(uz_only)["ru"] == UP


def test_minor_edit_needs_no_retranslation(uz_only, editor, translator, _clock):
    _clock.shift(60)
    save(uz_only, translator, title_en="Source", body_en="<p>Text</p>")
    _clock.shift(60)
    save(uz_only, editor, no_retranslation=True, body_uz="<p>Imlo tuzatildi</p>")
    assert states(uz_only)["en"] == UP
    assert Release.objects.get(pk=uz_only.pk).body_uz == "<p>Imlo tuzatildi</p>"


def test_source_is_the_first_written_language_without_uzbek_latin(draft_factory, editor, _clock):
    release = draft_factory(title="Source", title_uz="", body_uz="", title_uz_cyrl="",
                            body_uz_cyrl="", title_en="", body_en="")  # fmt: skip
    services.revision_create(release=release, user=editor)
    assert Release.objects.get(pk=release.pk).source_language() == "ru"
    _clock.shift(60)
    save(release, editor, title_en="English", body_en="<p>Text</p>")
    _clock.shift(60)
    save(release, editor, body_ru="<p>Новый текст</p>")
    assert states(release) == {"uz": MISSING, "uz-cyrl": MISSING, "ru": UP, "en": OUTDATED}


def test_machine_made_text_is_a_fourth_state(uz_only, editor):
    release = Release.objects.get(pk=uz_only.pk)
    release.title_uz_cyrl, release.body_uz_cyrl = "Манба", "<p>Матн</p>"
    release.machine_translated = ["uz-cyrl"]
    release.save()
    services.revision_create(release=release, user=editor)
    assert states(release)["uz-cyrl"] == MACHINE


def test_admin_list_shows_states_and_filters_needs_translation(
    translator_client, uz_only, editor, translator, release_factory, _clock
):
    complete = release_factory(title="Toʻliq")
    services.revision_create(release=complete, user=editor)
    _clock.shift(60)
    save(uz_only, translator, title_ru="Источник", body_ru="<p>Текст</p>")
    _clock.shift(60)
    save(uz_only, editor, body_uz="<p>Yangi</p>")
    changelist = reverse("admin:press_release_changelist")
    html = translator_client.get(changelist).content.decode()
    assert ">ru ⚠</span>" in html and ">en —</span>" in html and ">uz ✓</span>" in html
    # On hovering, in the editor's language, whichever language's list was drawn before.
    for code, missing, outdated in (
        ("ru", "Английский: нет", "Русский: устарел с "),
        ("uz", "Ingliz tili: yoʻq", "Rus tili: eskirgan, "),
    ):
        with translation.override(code):
            drawn = translator_client.get(reverse("admin:press_release_changelist")).content
        assert f'title="{missing}">en —</span>' in drawn.decode(), code
        assert f'title="{outdated}' in drawn.decode(), code
    for code, expected in (("ru", [uz_only]), ("en", [uz_only]), ("uz", [])):
        response = translator_client.get(changelist, {"needs_translation": code})
        assert list(response.context["cl"].result_list) == expected, code
    assert "needs_translation=uz-cyrl" in html
