"""Each published language has its own state, and corrections and reasons tell the truth.

A major correction asks for a note in each language whose text changed, marks the others
outdated, and only a corrected page says "Updated", with its own note. A withdrawal's or an
unpublishing's reason is asked for in every language and never borrowed from another.
"""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from press import services
from press.models import Release, Status, TranslationState
from tests.support import in_every_language, logged_in, release_form_data, stored

pytestmark = pytest.mark.django_db

# 18:10 in Tashkent, where the ministry writes.
NOW = datetime.datetime(2026, 12, 3, 13, 10, tzinfo=datetime.UTC)
OUTDATED, UP = TranslationState.OUTDATED, TranslationState.UP_TO_DATE

NOTES = {"uz": "Uchrashuv sanasi tuzatildi.", "ru": "Исправлена дата встречи."}


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW - datetime.timedelta(days=1), tick=False) as traveller:
        yield traveller


@pytest.fixture
def published(release_factory, editor, _clock):
    """Published yesterday in four languages, each written then (its first revision)."""
    release = release_factory(title="Vazirlar uchrashdi")
    services.revision_create(release=release, user=editor)
    _clock.move_to(NOW)
    return stored(release)


def correct(release, user, changes, notes, **kwargs):
    return services.release_correct(
        release=stored(release), user=user, changes=changes, major=True, change_note=notes,
        **kwargs,
    )  # fmt: skip


def page(client, release, code):
    response = client.get(f"/{code}/press/{release.slug}/")
    assert response.status_code == 200
    return response.content.decode()


UZ_AND_RU = {"body_uz": "<p>Tuzatilgan matn</p>", "body_ru": "<p>Исправленный текст</p>"}


# --- Services: what is stored -----------------------------------------------------------


def test_each_corrected_language_needs_its_own_note(published, editor):
    with pytest.raises(services.WorkflowError) as refused, translation.override("en"):
        correct(published, editor, UZ_AND_RU, {"uz": NOTES["uz"]})
    assert refused.value.field == "change_note_ru"
    assert "Russian" in str(refused.value.message)
    assert stored(published).body_ru == published.body_ru  # nothing saved


def test_a_major_correction_dates_only_the_corrected_languages(published, editor):
    correct(published, editor, UZ_AND_RU, NOTES)
    release = stored(published)
    assert release.change_note_uz == NOTES["uz"] and release.change_note_ru == NOTES["ru"]
    assert not release.change_note_en and not release.change_note_uz_cyrl
    assert set(release.language_changed_at) == {"uz", "ru"}
    assert release.translation_states() == {"uz": UP, "ru": UP, "uz-cyrl": OUTDATED, "en": OUTDATED}
    assert release.outdated_since() == {"uz-cyrl": NOW, "en": NOW}
    outdated_in_english = Release.objects.needing_translation("en")
    assert list(outdated_in_english) == [release]
    assert not Release.objects.needing_translation("ru").exists()


def test_a_note_for_a_language_whose_text_did_not_change_is_not_shown(published, editor):
    correct(published, editor, {"body_ru": "<p>Исправлено</p>"}, {**NOTES, "en": "Corrected."})
    release = stored(published)
    assert set(release.language_changed_at) == {"ru"}
    assert release.correction_in("en") is None and not release.change_note_en
    assert release.translation_states()["uz"] == OUTDATED  # the source follows Russian now


def test_correcting_one_language_needs_no_other_text(release_factory, editor, _clock):
    release = release_factory(title="Faqat ikki tilda", title_en="", body_en="",
                              title_uz_cyrl="", body_uz_cyrl="")  # fmt: skip
    services.revision_create(release=release, user=editor)
    _clock.move_to(NOW)
    correct(release, editor, {"body_ru": "<p>Исправлено</p>"}, {"ru": NOTES["ru"]})
    release = stored(release)
    assert release.body_ru == "<p>Исправлено</p>" and not release.body_en
    assert release.translation_states()["uz"] == OUTDATED
    assert release.translation_states()["en"] == TranslationState.MISSING


def test_a_minor_catch_up_of_an_outdated_language_leaves_the_corrected_one_up_to_date(
    published, editor, _clock
):
    correct(published, editor, {"body_ru": "<p>Исправлено</p>"}, {"ru": NOTES["ru"]})
    _clock.shift(3600)
    # Uzbek Latin is the source language: on a live release only an editor writes it
    # (tests/test_source_language.py).
    services.release_save(
        release=stored(published),
        user=editor,
        changes={"body_uz": "<p>Tuzatildi</p>"},
        no_retranslation=True,
    )
    states = stored(published).translation_states()
    assert states["uz"] == UP and states["ru"] == UP and states["en"] == OUTDATED


def test_a_second_correction_needs_a_new_note(published, editor, _clock):
    correct(published, editor, {"body_ru": "<p>Исправлено</p>"}, {"ru": NOTES["ru"]})
    _clock.shift(3600)
    with pytest.raises(services.WorkflowError) as refused:
        correct(published, editor, {"body_ru": "<p>Снова</p>"}, {"ru": NOTES["ru"]})
    assert refused.value.field == "change_note_ru"
    assert stored(published).correction_in("ru") == (NOW, NOTES["ru"])


def test_an_old_correction_keeps_its_language_s_own_note(published, editor, _clock):
    correct(published, editor, {"body_ru": "<p>Исправлено</p>"}, {"ru": NOTES["ru"]})
    _clock.shift(3600)
    correct(published, editor, {"body_en": "<p>Corrected</p>"}, {"en": "The date was corrected."})
    release = stored(published)
    assert release.correction_in("ru") == (NOW, NOTES["ru"])
    assert release.correction_in("en") == (
        NOW + datetime.timedelta(hours=1),
        release.change_note_en,
    )


# --- Pages: what a reader sees -------------------------------------------------------------


def test_only_corrected_pages_say_updated_and_the_others_say_outdated(client, published, editor):
    correct(published, editor, UZ_AND_RU, NOTES)
    russian = page(client, published, "ru")
    assert "Обновлено" in russian and NOTES["ru"] in russian
    assert "3 декабря 2026 г. в 18:10" in russian  # with "в", as Russian writes it
    assert NOTES["uz"] not in russian and "notice--outdated" not in russian
    latin = page(client, published, "uz")
    assert NOTES["uz"] in latin and NOTES["ru"] not in latin
    english = page(client, published, "en")
    assert 'class="change-note"' not in english and "Updated" not in english
    assert NOTES["uz"] not in english and NOTES["ru"] not in english
    assert "notice--outdated" in english and "3 December 2026, 18:10" in english
    cyrillic = page(client, published, "uz-cyrl")
    assert 'class="change-note"' not in cyrillic and NOTES["uz"] not in cyrillic
    assert "Бу матн ҳали янгиланмаган" in cyrillic


def test_a_withdrawal_reason_is_never_shown_in_another_language(client, release_factory):
    # Withdrawn before reasons were asked for in every language: in Uzbek only.
    release = release_factory(
        title="Eskirgan", status=Status.WITHDRAWN, withdrawn_at=NOW, withdrawal_reason_uz="Eskirdi"
    )
    assert "Eskirdi" in page(client, release, "uz")
    for code in ("uz-cyrl", "ru", "en"):
        html = page(client, release, code)
        assert "notice--withdrawn" in html and "Eskirdi" not in html, code


# --- Reasons for every language ---------------------------------------------------------------


@pytest.mark.parametrize("action", ["withdraw", "unpublish"])
def test_a_reason_is_needed_in_every_published_language(published, editor, action):
    service = getattr(services, f"release_{action}")
    reasons = in_every_language("Xato")
    del reasons["ru"]
    with pytest.raises(services.WorkflowError) as refused:
        service(release=stored(published), user=editor, reason=reasons)
    assert refused.value.field == "reason_ru"
    assert stored(published).status == Status.PUBLISHED
    release = service(release=stored(published), user=editor, reason=in_every_language("Xato"))
    assert release.status != Status.PUBLISHED


def workflow_url(release, action, code):
    with translation.override(code):
        return reverse("admin:press_release_workflow", args=[release.pk, action])


def test_the_withdraw_form_asks_each_language_in_the_editor_s_language(editor, published):
    editor_client = logged_in(editor)  # after the clock moved: a session of today
    html = editor_client.get(workflow_url(published, "withdraw", "ru")).content.decode()
    assert "Причина отзыва (Русский)" in html and "Reason for withdrawal" not in html
    html = editor_client.get(workflow_url(published, "unpublish", "uz-cyrl")).content.decode()
    assert "Сайтдан олиб ташлаш сабаби (Инглиз тили)" in html


def test_a_missing_reason_is_an_error_at_its_language_keeping_what_was_typed(editor, published):
    editor_client = logged_in(editor)
    data = {"version": published.version, "reason_uz": "Maʼlumot eskirdi", "reason_ru": "Устарело"}
    response = editor_client.post(workflow_url(published, "withdraw", "ru"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["reason_uz_cyrl"]
    assert "Узбекский (кириллица)" in form.errors["reason_uz_cyrl"][0]
    html = response.content.decode()
    assert "Maʼlumot eskirdi" in html and "Устарело" in html
    assert stored(published).status == Status.PUBLISHED


def test_the_cyrillic_reason_is_filled_from_the_latin_one(editor, published):
    editor_client = logged_in(editor)
    data = {"version": published.version, "reason_uz": "Maʼlumot eskirdi", "_fill_cyrillic": "1"}
    response = editor_client.post(workflow_url(published, "withdraw", "uz"), data)
    assert response.status_code == 200
    assert response.context["form"]["reason_uz_cyrl"].value() == "Маълумот эскирди"
    assert "Maʼlumot eskirdi" in response.content.decode()
    assert stored(published).status == Status.PUBLISHED  # only filled, nothing run


# --- The admin shows each language's state ----------------------------------------------------


def test_the_list_and_the_desk_say_since_when_a_language_is_outdated(published, editor, translator):
    editor_client, translator_client = logged_in(editor), logged_in(translator)
    services.release_correct(
        release=stored(published), user=editor, changes={"body_uz": "<p>Yangi</p>"},
        major=True, change_note={"uz": NOTES["uz"]},
    )  # fmt: skip
    with translation.override("en"):
        changelist = reverse("admin:press_release_changelist")
    html = editor_client.get(changelist).content.decode()
    assert 'title="English: outdated since 3 December 2026, 18:10 (Tashkent time)"' in html
    with translation.override("en"):
        desk = translator_client.get(reverse("admin:index")).content.decode()
    assert "en ⚠ 03/12/2026" in desk


# --- A release that was never submitted -------------------------------------------------------


def test_unscheduling_a_forced_draft_makes_it_a_draft_again(editor_client, draft_factory, editor):
    release = draft_factory(title="Shoshilinch")
    services.release_publish(
        release=release, user=editor, at=NOW + datetime.timedelta(days=1), force_reason="Tez"
    )
    release = services.release_unschedule(release=stored(release), user=editor)
    assert release.status == Status.DRAFT and not release.force_published
    with translation.override("en"):
        html = editor_client.get(reverse("admin:press_release_change", args=[release.pk]))
    html = html.content.decode()
    assert "published without review" not in html and "Submitted for review" not in html


def test_a_major_correction_in_the_admin_asks_the_note_of_the_corrected_language(editor, published):
    editor_client = logged_in(editor)
    data = release_form_data(
        published, body_en="<p>Corrected</p>", major_change="on", edit_version=published.version
    )
    with translation.override("ru"):
        url = reverse("admin:press_release_change", args=[published.pk])
    response = editor_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "Английский" in errors["change_note_en"][0]
    assert "&lt;p&gt;Corrected&lt;/p&gt;" in response.content.decode()  # kept as typed
    assert stored(published).body_en == published.body_en
