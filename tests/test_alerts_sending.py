"""Readers' alert e-mails as they leave: which releases, to whom, in which language, with
which headers; corrections and withdrawals; digests; scheduled releases through the real
database queue and its worker.

Mail goes through a real SMTP server on loopback (the ``smtp_server`` fixture)."""

import datetime
import re
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from press import services
from press.models import AlertDelivery, Country, DigestSchedule, Subscriber, Subscription
from press.services.alert_digests import digest_schedule_ensure, next_digest_time
from press.tasks import send_digests, send_release_alerts
from tests.support import html_part, in_every_language, make_release, make_user, text_part

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
TASHKENT = zoneinfo.ZoneInfo("Asia/Tashkent")


@pytest.fixture(autouse=True)
def _alert_settings(settings):
    settings.TASKS = IMMEDIATE
    settings.PRESS_SITE_URL = "https://press.example.org"


def subscribe(email, query="", language="ru", frequency="immediately", release=None):
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    return Subscription.objects.create(
        subscriber=subscriber,
        query=query,
        language=language,
        frequency=frequency,
        release=release,
        confirmed_at=timezone.now(),
    )


def subjects(sink, address):
    return [message["Subject"].strip() for message in sink.to(address)]


def publish(release, user, **kwargs):
    return services.release_publish(release=release, user=user, force_reason="urgent", **kwargs)


# --- Immediately ------------------------------------------------------------------------------


def test_a_published_release_reaches_matching_subscribers_in_their_language_over_one_connection(
    smtp_server,
    editor,
    draft_factory,
    uzbekistan,
    kyrgyzstan,
    trade,
    django_capture_on_commit_callbacks,
):
    subscribe("ru@example.com", "country=UZ", "ru")
    subscribe("cyrl@example.com", "topic=trade", "uz-cyrl")
    subscribe("all@example.com", "", "uz")
    subscribe("kg@example.com", "country=KG", "ru")  # another country
    subscribe("en@example.com", "country=UZ", "en")  # the release has no English
    subscribe("meet@example.com", "country=UZ&kind=briefing", "ru")  # another kind
    pending = subscribe("later@example.com", "country=UZ", "ru")
    Subscription.objects.filter(pk=pending.pk).update(confirmed_at=None)
    release = draft_factory(
        title="Talks",
        countries=[uzbekistan],
        topics=[trade],
        lead_ru="Министр провёл переговоры.",
        title_en="",
        body_en="",
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish(release, editor)

    readers = [a for a in smtp_server.recipients() if a.endswith("@example.com")]
    assert readers == ["all@example.com", "cyrl@example.com", "ru@example.com"]
    [russian] = smtp_server.to("ru@example.com")
    assert russian["Subject"].strip() == "Новый релиз: Talks [ru]"
    assert russian.get_content_type() == "multipart/alternative"
    text, html = text_part(russian), html_part(russian)
    link = f"https://press.example.org/ru/press/{release.slug}/"
    for part in (text, html):
        assert "Talks [ru]" in part and "Министр провёл переговоры." in part and link in part
        assert "Страны и организации: Узбекистан" in part
        assert "https://press.example.org/ru/alerts/manage/" in part
        assert "https://press.example.org/ru/alerts/unsubscribe/" in part
    assert 'name="viewport"' in html and 'lang="ru"' in html
    assert russian["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(
        r"<https://press\.example\.org/ru/alerts/unsubscribe/[^>]+/>",
        russian["List-Unsubscribe"].strip(),
    )
    cyrillic = smtp_server.to("cyrl@example.com")[0]
    assert cyrillic["Subject"].strip() == "Янги: Talks [uz_cyrl]"
    assert f"/uz-cyrl/press/{release.slug}/" in text_part(cyrillic)
    assert subjects(smtp_server, "all@example.com") == ["Yangi: Talks [uz]"]
    # The three alerts went over one SMTP session (the editors' notification has its own).
    alert_sessions = smtp_server.sessions - len(
        [r for r in smtp_server.recipients() if r.endswith("@example.org")]
    )
    assert alert_sessions == 1
    assert AlertDelivery.objects.filter(key=f"new:{release.pk}").count() == 3


def test_running_the_task_again_sends_nothing_twice(
    smtp_server, editor, draft_factory, uzbekistan, django_capture_on_commit_callbacks
):
    subscribe("ru@example.com", "country=UZ")
    release = draft_factory(countries=[uzbekistan])
    with django_capture_on_commit_callbacks(execute=True):
        publish(release, editor)
    assert send_release_alerts.call(release.pk, "new") == 0
    assert len(smtp_server.to("ru@example.com")) == 1


def test_drafts_submissions_and_releases_not_yet_due_are_never_alerted(
    smtp_server, author, editor, draft_factory, uzbekistan, django_capture_on_commit_callbacks
):
    subscribe("ru@example.com", "country=UZ")
    draft = draft_factory(title="Draft", countries=[uzbekistan])
    later = draft_factory(title="Later", countries=[uzbekistan])
    with django_capture_on_commit_callbacks(execute=True):
        services.release_save(release=draft, user=author, changes={"title_ru": "Черновик"})
        services.release_submit(release=draft, user=author)
        publish(later, editor, at=timezone.now() + datetime.timedelta(hours=2))
    assert send_release_alerts.call(draft.pk, "new") == 0
    assert send_release_alerts.call(later.pk, "new") == 0
    assert smtp_server.to("ru@example.com") == []
    assert not AlertDelivery.objects.exists()


# --- Corrections and withdrawal ---------------------------------------------------------------


def test_a_minor_correction_sends_nothing_and_a_major_one_tells_only_the_release_subscribers(
    smtp_server, editor, release_factory, uzbekistan, django_capture_on_commit_callbacks
):
    release = release_factory(title="Talks", countries=[uzbekistan])
    subscribe("list@example.com", "country=UZ", "ru")
    subscribe("own@example.com", "", "ru", release=release)
    subscribe("own-en@example.com", "", "en", release=release)
    with django_capture_on_commit_callbacks(execute=True):
        services.release_correct(
            release=release, user=editor, changes={"body_ru": "<p>Опечатка.</p>"}, major=False
        )
    assert [a for a in smtp_server.recipients() if a.endswith("@example.com")] == []

    with django_capture_on_commit_callbacks(execute=True):
        services.release_correct(
            release=release,
            user=editor,
            changes={"body_ru": "<p>Исправленный текст.</p>"},
            major=True,
            change_note={"ru": "Уточнена дата визита"},
            no_retranslation=True,
        )
    readers = [a for a in smtp_server.recipients() if a.endswith("@example.com")]
    assert readers == ["own@example.com"]  # English was not corrected
    [updated] = smtp_server.to("own@example.com")
    assert updated["Subject"].strip() == "Обновлено: Talks [ru]"
    assert "Что изменилось: Уточнена дата визита" in text_part(updated)
    assert "Обновления релиза «Talks [ru]»" in text_part(updated)
    assert updated["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_withdrawal_tells_the_release_subscribers_why(
    smtp_server, editor, release_factory, uzbekistan, django_capture_on_commit_callbacks
):
    release = release_factory(title="Talks", countries=[uzbekistan])
    subscribe("list@example.com", "country=UZ", "ru")
    subscribe("own@example.com", "", "en", release=release)
    with django_capture_on_commit_callbacks(execute=True):
        services.release_withdraw(
            release=release, user=editor, reason=in_every_language("Out of date")
        )
    readers = [a for a in smtp_server.recipients() if a.endswith("@example.com")]
    assert readers == ["own@example.com"]
    [withdrawn] = smtp_server.to("own@example.com")
    assert withdrawn["Subject"].strip() == "Withdrawn: Talks [en]"
    assert "Why it was withdrawn: Out of date [en]" in text_part(withdrawn)


# --- Digests ----------------------------------------------------------------------------------


def test_digest_times_are_nine_in_tashkent_daily_and_on_mondays():
    # Wednesday 3 December 2026, 10:00 in Tashkent.
    after = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=TASHKENT)
    assert next_digest_time("daily", after) == datetime.datetime(2026, 12, 4, 9, tzinfo=TASHKENT)
    assert next_digest_time("weekly", after) == datetime.datetime(2026, 12, 7, 9, tzinfo=TASHKENT)
    early = datetime.datetime(2026, 12, 7, 8, 59, tzinfo=TASHKENT)
    assert next_digest_time("weekly", early) == datetime.datetime(2026, 12, 7, 9, tzinfo=TASHKENT)


def test_a_daily_digest_lists_each_matching_release_of_its_day_once(
    smtp_server, release_factory, uzbekistan, kyrgyzstan, editor
):
    at = datetime.datetime(2026, 12, 3, 9, 0, tzinfo=TASHKENT)
    day = datetime.timedelta(days=1)
    subscribe("daily@example.com", "country=UZ", "ru", frequency="daily")
    subscribe("weekly@example.com", "country=UZ", "ru", frequency="weekly")
    subscribe("now@example.com", "country=UZ", "ru")
    first = release_factory(
        title="First", countries=[uzbekistan], published_at=at - datetime.timedelta(hours=20)
    )
    second = release_factory(
        title="Second",
        countries=[uzbekistan, kyrgyzstan],
        published_at=at - datetime.timedelta(hours=2),
    )
    release_factory(
        title="Elsewhere", countries=[kyrgyzstan], published_at=at - datetime.timedelta(hours=3)
    )
    release_factory(
        title="Older", countries=[uzbekistan], published_at=at - day - datetime.timedelta(minutes=1)
    )
    release_factory(title="At nine", countries=[uzbekistan], published_at=at)  # the next day's
    DigestSchedule.objects.create(frequency="daily", next_at=at)
    never = subscribe("never@example.com", "country=UZ", "ru", frequency="daily")
    Subscription.objects.filter(pk=never.pk).update(
        confirmed_at=None, created_at=at - datetime.timedelta(days=8)
    )
    Subscriber.objects.filter(email="never@example.com").update(
        created_at=at - datetime.timedelta(days=8)
    )

    with time_machine.travel(at + datetime.timedelta(minutes=1)):
        assert send_digests.call("daily", at.isoformat()) == 1
        assert send_digests.call("daily", at.isoformat()) == 0  # once per period
    [digest] = smtp_server.to("daily@example.com")
    assert digest["Subject"].strip() == "Пресс-релизы за 2 декабря 2026 г."
    text = text_part(digest)
    assert text.count("Second [ru]") == 1 and text.count("First [ru]") == 1
    assert text.index("Second [ru]") < text.index("First [ru]")  # newest first
    assert "Elsewhere" not in text and "Older" not in text and "At nine" not in text
    assert f"/ru/press/{first.slug}/" in text and f"/ru/press/{second.slug}/" in text
    assert "https://press.example.org/ru/press/?country=UZ" in text
    assert smtp_server.to("weekly@example.com") == [] and smtp_server.to("now@example.com") == []
    assert DigestSchedule.objects.get(frequency="daily").next_at == at + day
    # An address nobody confirmed within the link's week is not kept.
    assert not Subscriber.objects.filter(email="never@example.com").exists()
    assert smtp_server.to("never@example.com") == []


@pytest.mark.django_db(transaction=True)
def test_the_digest_chain_starts_once_and_runs_through_the_queue(smtp_server, settings):
    settings.TASKS = QUEUE
    subscribe("weekly@example.com", "", "en", frequency="weekly")
    wednesday = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=TASHKENT)
    monday = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=TASHKENT)
    with time_machine.travel(wednesday):
        make_release(title="Midweek")
        assert sorted(digest_schedule_ensure()) == ["daily", "weekly"]
        assert digest_schedule_ensure() == []  # running already: nothing more
        call_command("alerts_schedule")
        assert DBTaskResult.objects.count() == 2
        call_command("db_worker", batch=True, startup_delay=False, interval=0)
    assert smtp_server.to("weekly@example.com") == []  # not Monday yet
    with time_machine.travel(monday + datetime.timedelta(minutes=5)):
        call_command("db_worker", batch=True, startup_delay=False, interval=0)
    assert subjects(smtp_server, "weekly@example.com") == [
        "Press releases of the week to 7 December 2026"
    ]
    assert "Midweek [en]" in text_part(smtp_server.to("weekly@example.com")[0])
    schedule = DigestSchedule.objects.get(frequency="weekly")
    assert schedule.next_at == monday + datetime.timedelta(days=7)
    waiting = DBTaskResult.objects.filter(status="READY", task_path__endswith="send_digests")
    assert sorted(r.args_kwargs["args"][0] for r in waiting) == ["daily", "weekly"]


# --- Scheduled releases, through the queue ------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_release_is_sent_when_it_becomes_public_and_not_before(smtp_server, settings):
    settings.TASKS = QUEUE
    editor = make_user("editor", "editor")
    country = Country.objects.create(
        code="UZ", iso3="UZB", slug="uzbekistan", name_ru="Узбекистан", name_en="Uzbekistan"
    )
    subscribe("ru@example.com", "country=UZ", "ru")
    release = make_release(title="Tomorrow", status="draft", published_at=None, countries=[country])
    due = timezone.now() + datetime.timedelta(hours=2)
    publish(release, editor, at=due)
    [queued] = DBTaskResult.objects.filter(task_path__endswith="send_release_alerts")
    assert queued.run_after == due
    call_command("db_worker", batch=True, startup_delay=False, interval=0)
    assert smtp_server.to("ru@example.com") == []  # not due: the worker leaves it
    with time_machine.travel(due + datetime.timedelta(seconds=30)):
        call_command("db_worker", batch=True, startup_delay=False, interval=0)
    assert subjects(smtp_server, "ru@example.com") == ["Новый релиз: Tomorrow [ru]"]
