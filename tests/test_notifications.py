"""Who is told what, in which language, by e-mail and in the admin: submit, return, publish
or schedule, and a major correction that leaves translations behind."""

import datetime
import logging

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone, translation

from press import services, tasks
from press.models import Event, Notification, Preferences, Release, ReviewComment
from tests.support import free_port, make_user, stored

pytestmark = pytest.mark.django_db


def prefer(user, **choices) -> None:
    Preferences.objects.update_or_create(user=user, defaults=choices)


@pytest.fixture
def draft(draft_factory, author):
    """A draft in every language, created by the author (its first revision says so)."""
    release = draft_factory(title="Talks")
    services.revision_create(release=release, user=author)
    return release


@pytest.fixture
def submitted(draft, author):
    return services.release_submit(release=draft, user=author)


def sent_to(address):
    return [m for m in mail.outbox if m.to == [address]]


def recipients():
    return sorted(m.to[0] for m in mail.outbox)


# --- Submitted ---------------------------------------------------------------------------------


def test_submitting_tells_the_reviewers_each_in_their_language(
    draft, author, editor, second_editor, translator, admin_user, django_capture_on_commit_callbacks
):
    prefer(editor, language="ru")
    with django_capture_on_commit_callbacks(execute=True):
        services.release_submit(release=draft, user=author)
    # Reviewers only: not the author who submitted, not a translator, not a superuser.
    assert recipients() == ["editor2@example.org", "editor@example.org"]
    russian = sent_to("editor@example.org")[0]
    assert russian.subject == "Направлено на рассмотрение: Talks [ru]"
    assert "author направил(а) «Talks [ru]» на рассмотрение." in russian.body
    assert f"http://127.0.0.1:8000/ru/admin/press/release/{draft.pk}/change/" in russian.body
    # No preference: the admin's default language, Uzbek Latin.
    uzbek = sent_to("editor2@example.org")[0]
    assert uzbek.subject == "Koʻrib chiqishga yuborilgan: Talks [uz]"
    assert "author “Talks [uz]”ni koʻrib chiqishga yubordi." in uzbek.body
    assert f"/uz/admin/press/release/{draft.pk}/change/" in uzbek.body
    stored_ = Notification.objects.filter(release=draft)
    assert sorted(n.recipient.username for n in stored_) == ["editor", "editor2"]
    assert {n.event for n in stored_} == {Event.SUBMITTED}


def test_the_submitter_is_never_told_of_their_own_submission(
    draft_factory, editor, second_editor, django_capture_on_commit_callbacks
):
    release = draft_factory(title="Own")
    with django_capture_on_commit_callbacks(execute=True):
        services.release_submit(release=release, user=editor)
    assert recipients() == ["editor2@example.org"]
    assert not Notification.objects.filter(recipient=editor).exists()


def test_nothing_is_sent_before_the_commit_nor_after_a_rollback(
    draft, author, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.release_submit(release=draft, user=author)
    assert mail.outbox == []
    # The commit enqueues the task that sends them (press/tasks.py).
    assert any(getattr(c, "args", ())[:1] == (tasks.send_notification_emails,) for c in callbacks)
    Notification.objects.all().delete()
    services.release_return(release=draft, user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            services.release_submit(release=draft, user=author)
            raise RuntimeError("the request failed after the submission")
    assert mail.outbox == [] and not Notification.objects.filter(event=Event.SUBMITTED).exists()


# --- Returned ----------------------------------------------------------------------------------


def test_returning_tells_the_author_with_the_comment(
    submitted, author, editor, django_capture_on_commit_callbacks
):
    prefer(author, language="uz-cyrl")
    comment = "Sarlavhani qisqartiring, iltimos."
    with django_capture_on_commit_callbacks(execute=True):
        services.release_return(release=submitted, user=editor, reason=comment)
    assert recipients() == ["author@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Қораламага қайтарилди: Talks [uz_cyrl]"
    assert "editor “Talks [uz_cyrl]”ни сизга қайтарди." in message.body
    assert comment in message.body  # as typed, whatever the language around it
    kept = ReviewComment.objects.get(release=submitted)
    assert (kept.text, kept.author, kept.action) == (comment, editor, "return")
    notification = Notification.objects.get(recipient=author)
    assert notification.comment() == comment
    with translation.override("ru"):
        assert notification.message() == "editor вернул(а) вам «Talks [ru]»."


# --- Published or scheduled ----------------------------------------------------------------------


@pytest.fixture
def russian_translator(db):
    user = make_user("rustam", "translator")
    prefer(user, working_languages=["ru"])
    return user


def publish(release, user, **kwargs):
    return services.release_publish(release=release, user=user, **kwargs)


def test_publishing_tells_the_author_and_the_translators_of_missing_languages(
    draft_factory,
    author,
    editor,
    translator,
    russian_translator,
    django_capture_on_commit_callbacks,
):
    no_russian = draft_factory(title="No Russian", title_ru="", body_ru="")
    services.release_submit(release=no_russian, user=author)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(no_russian, editor)
    # The author; the translator with no languages chosen (every language); the one who
    # chose Russian, because Russian is missing. Not the editor who published.
    assert recipients() == ["author@example.org", "rustam@example.org", "translator@example.org"]
    body = sent_to("rustam@example.org")[0].body
    assert "editor “No Russian [uz]”ni eʼlon qildi. Hali tarjima qilinmagan: Rus tili." in body


def test_a_translator_of_russian_is_not_told_when_only_english_is_missing(
    draft_factory,
    author,
    editor,
    translator,
    russian_translator,
    django_capture_on_commit_callbacks,
):
    no_english = draft_factory(title="No English", title_en="", body_en="")
    services.release_submit(release=no_english, user=author)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(no_english, editor)
    assert recipients() == ["author@example.org", "translator@example.org"]


def test_scheduling_says_when_in_tashkent_time(
    submitted, author, editor, django_capture_on_commit_callbacks
):
    prefer(author, language="en")
    mail.outbox.clear()
    at = timezone.now() + datetime.timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        publish(submitted, editor, at=at)
    assert recipients() == ["author@example.org"]  # nothing missing: no translator
    message = mail.outbox[0]
    assert message.subject == "Scheduled: Talks [en]"
    assert "editor scheduled “Talks [en]” for " in message.body
    assert "(Tashkent time)." in message.body
    assert Notification.objects.get(recipient=author).event == Event.SCHEDULED


def test_e_mails_off_still_leaves_the_notification_in_the_admin(
    submitted, author, editor, django_capture_on_commit_callbacks
):
    prefer(author, email=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(submitted, editor)
    assert mail.outbox == []
    notification = Notification.objects.get(recipient=author)
    assert notification.event == Event.PUBLISHED and notification.read_at is None


# --- Outdated after a major correction --------------------------------------------------------


def test_a_major_correction_tells_the_translators_of_the_languages_left_behind(
    release_factory, editor, translator, russian_translator, django_capture_on_commit_callbacks
):
    english_translator = make_user("emma", "translator")
    prefer(english_translator, working_languages=["en"], language="en")
    release = release_factory(title="Corrected")
    services.revision_create(release=release, user=editor)
    changes = {"body_uz": "<p>Tuzatilgan matn.</p>", "body_ru": "<p>Исправленный текст.</p>"}
    with django_capture_on_commit_callbacks(execute=True):
        services.release_correct(
            release=release,
            user=editor,
            changes=changes,
            major=True,
            change_note={"uz": "Matn tuzatildi", "ru": "Текст исправлен"},
        )
    # Uzbek and Russian were corrected; Uzbek Cyrillic and English are now behind. The
    # translator of Russian only has nothing to do.
    assert recipients() == ["emma@example.org", "translator@example.org"]
    message = sent_to("emma@example.org")[0]
    assert message.subject == "Translation outdated: Corrected [en]"
    assert (
        "“Corrected [en]” was corrected: its text in Uzbek (Cyrillic script), English is now "
        "outdated." in message.body
    )
    notification = Notification.objects.get(recipient=translator)
    assert notification.params["languages"] == ["uz-cyrl", "en"]


def test_a_minor_correction_tells_no_one(
    release_factory, editor, translator, django_capture_on_commit_callbacks
):
    release = release_factory(title="Typo")
    with django_capture_on_commit_callbacks(execute=True):
        services.release_correct(
            release=release, user=editor, changes={"body_uz": "<p>Typo.</p>"}, major=False
        )
    assert mail.outbox == [] and not Notification.objects.exists()


# --- A mail server that fails -------------------------------------------------------------------


def test_a_failing_mail_server_does_not_undo_the_transition(
    submitted, author, editor, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        publish(submitted, editor)
    assert stored(submitted).is_published()
    assert Notification.objects.filter(recipient=author, event=Event.PUBLISHED).exists()
    assert "Notification e-mail to author@example.org not sent" in caplog.text


def test_sending_takes_ids_only_and_can_run_again_later(submitted, author, editor):
    services.release_publish(release=submitted, user=editor)
    ids = list(Notification.objects.values_list("pk", flat=True))
    assert services.send_notification_emails(ids) == 1
    assert recipients() == ["author@example.org"]
    assert Release.objects.get(pk=submitted.pk).status == "published"
