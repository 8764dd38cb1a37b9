"""The ministry's Telegram channels: press/telegram.py's real HTTP calls against a Bot API on
loopback (tests/bot_api.py) that checks each request as Telegram documents it. What was
posted is read from the TelegramPost rows, from the channel the server keeps, and from the
release's change form in the admin."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from press import services
from press.models import Photo, Release, TelegramPost
from tests.bot_api import TOKEN, BotAPI
from tests.support import (
    DATABASE_TASKS,
    change_url,
    jpeg,
    let_time_pass,
    make_release,
    make_user,
    release_form_data,
    run_worker,
)

LEAD = "Tomonlar savdo & investitsiyalar <hamkorlik> masalalarini muhokama qildi. " * 40


@pytest.fixture
def bot(settings):
    with BotAPI() as api:
        settings.TELEGRAM_API_URL = api.url
        settings.TELEGRAM_BOT_TOKEN = TOKEN
        settings.TELEGRAM_CHANNELS = {"uz": "@mfa_uz", "ru": "@mfa_ru"}
        yield api


def submitted(*, photo=True, languages=("uz", "ru"), **fields):
    release = make_release(
        title="Talks & <trade>",
        status="submitted",
        published_at=None,
        lead_uz=LEAD,
        lead_ru="Стороны обсудили торговлю.",
        **fields,
    )
    release.telegram_languages = list(languages)
    release.save()
    if photo:
        alts = {f"alt_{c}": "Delegations" for c in ("uz", "uz_cyrl", "ru", "en")}
        image = Photo(release=release, is_lead=True, **alts)
        image.image.save("talks.jpg", ContentFile(jpeg(2400, 1600)), save=False)
        image.save()
    return release


def posts(release):
    return {p.language: p for p in TelegramPost.objects.filter(release=release)}


def form_block(client, release) -> str:
    """The change form's Telegram block, as text."""
    html = client.get(change_url(release)).content.decode()
    found = re.search(r'<section class="module" id="telegram-posts".*?</section>', html, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(0))) if found else ""


# --- Posting -----------------------------------------------------------------------------------


def test_publishing_posts_title_lead_link_and_photo_to_each_chosen_channel(
    bot, editor, editor_client, django_capture_on_commit_callbacks
):
    release = submitted()
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=release, user=editor)

    sent = {c["fields"]["chat_id"]: c for c in bot.calls("sendPhoto")}
    assert sorted(sent) == ["@mfa_ru", "@mfa_uz"] and len(bot.requests) == 2
    uz = sent["@mfa_uz"]
    # Uploaded as a file of our own (a rendition), never as an address Telegram fetches.
    assert uz["files"]["photo"]["type"] == "image/jpeg"
    assert uz["fields"]["parse_mode"] == "HTML"
    caption = uz["fields"]["caption"]
    assert caption.startswith("<b>Talks &amp; &lt;trade&gt; [uz]</b>\n\n")
    assert len(caption) <= 1024  # even before Telegram parses it
    link = f"http://127.0.0.1:8000/uz/press/{release.slug}/"
    assert caption.endswith(f'<a href="{link}">Saytda oʻqing</a>')

    channel = {m["chat_id"]: m for m in bot.messages.values()}
    shown = channel["@mfa_uz"]["caption"]
    assert shown.startswith("Talks & <trade> [uz]\n\nTomonlar savdo & investitsiyalar <hamkorlik>")
    lead = shown.split("\n\n")[1]
    assert lead.endswith("…") and LEAD.startswith(lead[:-1].rstrip())  # cut between words
    assert channel["@mfa_uz"]["width"] <= 1280  # a rendition, not the 2400-pixel original
    assert "Стороны обсудили торговлю." in channel["@mfa_ru"]["caption"]
    assert channel["@mfa_ru"]["caption"].endswith("Читать на сайте")

    stored = posts(release)
    assert {c: (p.status, p.channel, p.with_photo) for c, p in stored.items()} == {
        "uz": ("posted", "@mfa_uz", True),
        "ru": ("posted", "@mfa_ru", True),
    }
    assert stored["ru"].message_id == bot.calls().index(sent["@mfa_ru"]) + 101
    block = form_block(editor_client, release)
    assert "Russian @mfa_ru Posted" in block
    assert f"https://t.me/mfa_ru/{stored['ru'].message_id}" in block

    # Saved again (a minor correction): nothing is posted twice.
    with django_capture_on_commit_callbacks(execute=True):
        services.release_save(release=Release.objects.get(pk=release.pk), user=editor)
    assert len(bot.requests) == 2


def test_without_a_photo_the_release_is_a_text_message(
    bot, editor, django_capture_on_commit_callbacks
):
    release = submitted(photo=False, languages=("ru",))
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=release, user=editor)
    (call,) = bot.requests
    assert call["method"] == "sendMessage" and call["fields"]["chat_id"] == "@mfa_ru"
    message = bot.messages[101]
    assert message["text"].startswith("Talks & <trade> [ru]\n\nСтороны обсудили торговлю.")
    assert posts(release)["ru"].with_photo is False


def test_a_language_not_chosen_or_without_a_channel_is_not_posted(
    bot, editor, django_capture_on_commit_callbacks
):
    release = submitted(languages=("ru", "en"))  # no channel for English
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=release, user=editor)
    assert [c["fields"]["chat_id"] for c in bot.requests] == ["@mfa_ru"]
    assert list(posts(release)) == ["ru"]


# --- The editor's choice on the change form ------------------------------------------------------


def test_the_form_offers_the_languages_that_have_a_channel(bot, editor_client):
    release = make_release(status="draft", published_at=None)
    html = editor_client.get(change_url(release)).content.decode()
    offered = re.findall(r'name="post_to_telegram" value="([^"]+)"', html)
    assert offered == ["uz", "ru"]
    assert "Post to the Telegram channel in" in html

    data = release_form_data(release, edit_version=release.version, post_to_telegram=["ru"])
    answer = editor_client.post(change_url(release), data)
    assert answer.status_code == 302
    assert Release.objects.get(pk=release.pk).telegram_languages == ["ru"]
    html = editor_client.get(change_url(release)).content.decode()
    assert re.search(r'name="post_to_telegram" value="ru"[^>]*checked', html)
    assert "Waiting to be posted" in form_block(editor_client, release)


def test_without_a_token_nothing_is_offered(settings, editor_client):
    settings.TELEGRAM_CHANNELS = {"uz": "@mfa_uz"}
    settings.TELEGRAM_BOT_TOKEN = ""
    release = make_release(status="draft", published_at=None)
    html = editor_client.get(change_url(release)).content.decode()
    assert "post_to_telegram" not in html and 'id="telegram-posts"' not in html


# --- Corrections, withdrawal, unpublishing -------------------------------------------------------


def test_a_major_correction_edits_the_post_and_a_withdrawal_says_so(
    bot, editor, django_capture_on_commit_callbacks
):
    release = submitted(languages=("ru",))
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=release, user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.release_correct(
            release=Release.objects.get(pk=release.pk),
            user=editor,
            changes={"lead_ru": "Стороны подписали соглашение."},
            major=True,
            change_note={"ru": "Уточнено, что подписано соглашение."},
        )
    (edit,) = bot.calls("editMessageCaption")
    assert edit["fields"]["message_id"] == 101 and edit["fields"]["chat_id"] == "@mfa_ru"
    assert "Стороны подписали соглашение." in bot.messages[101]["caption"]
    assert posts(release)["ru"].edited_at is not None

    with django_capture_on_commit_callbacks(execute=True):
        services.release_withdraw(
            release=Release.objects.get(pk=release.pk),
            user=editor,
            reason={c: "Ошибка в дате." for c in ("uz", "uz-cyrl", "ru", "en")},
        )
    shown = bot.messages[101]["caption"]
    assert "Пресс-релиз отозван. Ошибка в дате." in shown
    assert "Стороны подписали" not in shown and shown.startswith("Talks & <trade> [ru]")
    assert len(bot.calls("sendPhoto")) == 1  # edited, never posted again


def test_unpublishing_deletes_the_post(bot, editor, django_capture_on_commit_callbacks):
    release = submitted(photo=False, languages=("uz", "ru"))
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=release, user=editor)
    with django_capture_on_commit_callbacks(execute=True):
        services.release_unpublish(
            release=Release.objects.get(pk=release.pk),
            user=editor,
            reason={c: "Published in error." for c in ("uz", "uz-cyrl", "ru", "en")},
        )
    deleted = sorted(c["fields"]["chat_id"] for c in bot.calls("deleteMessage"))
    assert deleted == ["@mfa_ru", "@mfa_uz"]
    assert all(m["deleted"] for m in bot.messages.values())
    assert {p.status for p in posts(release).values()} == {"deleted"}


# --- Failures ----------------------------------------------------------------------------------


def test_a_refused_post_is_shown_on_the_release_and_saving_tries_again(
    bot, editor, editor_client, django_capture_on_commit_callbacks
):
    release = submitted(languages=("ru",))
    bot.fail_next("sendPhoto", 400, "Bad Request: chat not found")
    with django_capture_on_commit_callbacks(execute=True):
        services.release_publish(release=release, user=editor)
    post = posts(release)["ru"]
    assert (post.status, post.message_id, post.attempts) == ("failed", None, 1)
    assert post.last_error == "sendPhoto: Bad Request: chat not found"
    block = form_block(editor_client, release)
    assert "Russian @mfa_ru Failed" in block
    assert "After 1 attempt: sendPhoto: Bad Request: chat not found" in block

    with django_capture_on_commit_callbacks(execute=True):
        services.release_save(release=Release.objects.get(pk=release.pk), user=editor)
    post = posts(release)["ru"]
    assert (post.status, post.message_id, post.attempts, post.last_error) == ("posted", 101, 2, "")
    assert "Posted" in form_block(editor_client, release)


@pytest.mark.django_db(transaction=True)
def test_a_rate_limited_post_waits_as_long_as_telegram_asks(bot, settings):
    settings.TASKS = DATABASE_TASKS
    settings.PRESS_TASK_BACKOFF_SECONDS = 30
    editor = make_user("editor", "editor")
    release = submitted(languages=("uz",))
    bot.fail_next("sendPhoto", 429, "Too Many Requests: retry after 300", retry_after=300)
    services.release_publish(release=release, user=editor)
    before = timezone.now()
    run_worker()
    post = posts(release)["uz"]
    assert (post.status, post.attempts) == ("failed", 1)
    assert "Too Many Requests" in post.last_error
    waiting = DBTaskResult.objects.get(status="READY")
    assert waiting.task_path == "press.tasks.telegram_publish"
    assert waiting.run_after - before >= datetime.timedelta(seconds=300)  # not the 30 s

    let_time_pass()
    run_worker()
    post = posts(release)["uz"]
    assert (post.status, post.message_id, post.attempts) == ("posted", 101, 2)
    assert len(bot.calls("sendPhoto")) == 2 and len(bot.messages) == 1


@pytest.mark.django_db(transaction=True)
def test_a_scheduled_release_is_posted_when_it_becomes_public_and_once(bot, settings):
    settings.TASKS = DATABASE_TASKS
    editor = make_user("editor", "editor")
    release = submitted(languages=("uz",))
    at = timezone.now() + datetime.timedelta(hours=2)
    services.release_publish(release=release, user=editor, at=at)
    waiting = DBTaskResult.objects.get(task_path="press.tasks.telegram_publish")
    assert waiting.run_after == at  # the queue waits for the time: no cron
    run_worker()
    assert bot.requests == [] and posts(release)["uz"].status == "pending"

    # Two hours later (and a second copy of the task, as a retry or a second save makes).
    Release.objects.filter(pk=release.pk).update(published_at=timezone.now())
    let_time_pass()
    from press import tasks

    tasks.telegram_publish.enqueue(release.pk, "uz")
    run_worker()
    assert len(bot.calls("sendPhoto")) == 1
    assert posts(release)["uz"].status == "posted"


# --- The public pages ---------------------------------------------------------------------------


def test_the_follow_block_links_to_the_channel_of_the_page_language(bot, client, db):
    make_release()
    russian = client.get("/ru/press/").content.decode()
    assert '<a href="https://t.me/mfa_ru" rel="noopener">Telegram-канал министерства</a>' in russian
    english = client.get("/en/press/").content.decode()
    assert "t.me" not in english and "Telegram" not in english
