"""A release's history is said in its reader's language, whoever acted and in which.

The services store each action as an event (press/services/base.py ``audit``), and the
admin's history page says it through gettext when it is read (press/admin/history.py).
"""

import datetime
import json

import pytest
import time_machine
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from press import services
from press.models import Release
from tests.support import in_every_language, logged_in, stored

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 12, 3, 13, 10, tzinfo=datetime.UTC)  # 18:10 in Tashkent


@pytest.fixture(autouse=True)
def _clock():
    with time_machine.travel(NOW, tick=False):
        yield


def history(user, release, code) -> str:
    with translation.override(code):
        url = reverse("admin:press_release_history", args=[release.pk])
    response = logged_in(user).get(url)
    assert response.status_code == 200
    return response.content.decode()


def events(release) -> list[dict]:
    entries = LogEntry.objects.filter(object_id=str(release.pk)).order_by("id")
    return [json.loads(entry.change_message) for entry in entries]


def test_an_action_is_stored_as_an_event_not_as_a_sentence(draft_factory, author, editor):
    release = draft_factory(title="Uchrashuv")
    with translation.override("ru"):  # the author works in the Russian admin
        services.release_submit(release=release, user=author, note="Готово")
        services.release_publish(
            release=stored(release), user=editor, at=NOW + datetime.timedelta(hours=2)
        )
    assert events(release) == [
        [{"press": {"action": "submit", "note": "Готово"}}],
        [{"press": {"action": "schedule", "time": "2026-12-03T15:10:00Z"}}],
    ]


def test_the_history_page_speaks_its_reader_s_language(draft_factory, author, editor):
    release = draft_factory(title="Uchrashuv")
    with translation.override("ru"):
        services.release_submit(release=release, user=author)
        services.release_publish(
            release=stored(release), user=editor, at=NOW + datetime.timedelta(hours=2)
        )
    english = history(editor, release, "en")
    assert "Submitted for review" in english
    assert "Scheduled for 3 December 2026, 20:10 (Tashkent time)" in english
    assert "Направлено" not in english
    cyrillic = history(editor, release, "uz-cyrl")
    assert "Кўриб чиқишга юборилган" in cyrillic and "Направлено" not in cyrillic


def test_a_reason_is_shown_in_the_reader_s_language(release_factory, editor):
    release = release_factory(title="Eskirgan")
    reasons = {"uz": "Maʼlumot eskirdi", "uz-cyrl": "Маълумот эскирди", "ru": "Устарело",
               "en": "Out of date"}  # fmt: skip
    with translation.override("uz"):
        services.release_withdraw(release=release, user=editor, reason=reasons)
    english = history(editor, release, "en")
    assert "Withdrawn. Reason: Out of date" in english and "Maʼlumot" not in english
    russian = history(editor, release, "ru")
    assert "Причина: Устарело" in russian and "Out of date" not in russian


def test_a_major_correction_names_its_languages_in_the_reader_s_language(release_factory, editor):
    release = release_factory(title="Tuzatish")
    services.revision_create(release=release, user=editor)
    with translation.override("uz"):
        services.release_correct(
            release=stored(release), user=editor, changes={"body_ru": "<p>Исправлено</p>"},
            major=True, change_note={"ru": "Исправлена дата"},
        )  # fmt: skip
    english = history(editor, release, "en")
    assert "Major correction (Russian): Исправлена дата" in english


def test_an_entry_stored_as_text_still_shows_as_it_was(release_factory, editor):
    release = release_factory(title="Eski")
    LogEntry.objects.create(
        user=editor,
        content_type=ContentType.objects.get_for_model(Release),
        object_id=str(release.pk),
        object_repr=str(release),
        action_flag=CHANGE,
        change_message="Qaytarib olindi. Sabab: eskirgan",
    )
    assert "Qaytarib olindi. Sabab: eskirgan" in history(editor, release, "en")


def test_an_unpublishing_keeps_its_reasons_and_replacement(release_factory, editor):
    wrong, right = release_factory(title="Xato"), release_factory(title="Toʻgʻri")
    services.release_unpublish(
        release=wrong, user=editor, replacement=right, reason=in_every_language("Xato")
    )
    english = history(editor, wrong, "en")
    assert f"Unpublished, replaced by {right.slug}. Reason: Xato [en]" in english


def test_the_revisions_page_says_a_duplicate_in_the_reader_s_language(release_factory, editor):
    source = release_factory(title="Haftalik brifing")
    with translation.override("uz"):
        copy = services.release_duplicate(release=source, user=editor)
    with translation.override("ru"):
        url = reverse("admin:press_release_revisions", args=[copy.pk])
    html = logged_in(editor).get(url).content.decode()
    assert f"Дублирован из {source.slug}" in html
    assert "nusxalandi" not in html and "Duplicated from" not in html
