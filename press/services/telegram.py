"""The ministry's Telegram channels: a release posted in the languages an editor chose, when
it becomes public in them; its message edited after a major correction or a withdrawal,
deleted when it is unpublished.

The services below decide, inside the change's transaction, what the channels need and
enqueue it after the commit (``press.tasks``); the tasks call ``telegram_post``,
``telegram_edit`` and ``telegram_delete``, which re-read the release (it may have changed
since) and talk to Telegram through ``press.telegram``. A scheduled release's post is
enqueued to run at its publication time: no cron, and the task checks that it is public.

A post records its state (``TelegramPost``): pending, being posted, posted (with its
``message_id``, never posted twice), failed (the last error; the queue tries again with
backoff, and saving the release tries a failed post again), deleted.
"""

import logging

from django.conf import settings
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from press import languages, tasks
from press import telegram as bot
from press.models import Photo, Release, Status, TelegramPost, TelegramStatus
from press.text import shorten

logger = logging.getLogger(__name__)

NOT_MODIFIED = "message is not modified"  # an edit that changes nothing: done already
NOT_FOUND = "message to delete not found"
CANNOT_DELETE = "message can't be deleted"  # older than 48 hours, or no right to


def telegram_languages() -> list[tuple[str, str]]:
    """The languages an editor may choose: those whose channel is configured (none without
    a token), as (code, name)."""
    return [(code, languages.name(code)) for code in languages.codes() if bot.channel_for(code)]


# --- What a change asks of the channels (inside its transaction) --------------------------------


def telegram_sync(*, release: Release) -> list[str]:
    """Enqueue the post of each chosen language that is public (or scheduled) and not on
    its channel yet; return their codes. Called at the end of every save and publication."""
    if release.status != Status.PUBLISHED or release.published_at is None:
        return []
    due = []
    for code in release.telegram_languages or []:
        channel = bot.channel_for(code)
        if not channel or code not in release.languages_filled():
            continue
        post, _created = TelegramPost.objects.get_or_create(
            release=release, language=code, defaults={"channel": channel}
        )
        if post.status in (TelegramStatus.POSTED, TelegramStatus.SENDING):
            continue
        if post.status == TelegramStatus.DELETED:  # unpublished, now published again
            post.message_id, post.posted_at, post.edited_at = None, None, None
        post.status, post.channel = TelegramStatus.PENDING, channel
        post.save()
        tasks.enqueue_on_commit(
            tasks.telegram_publish, release.pk, code, run_after=release.published_at
        )
        due.append(code)
    return due


def _posted(release: Release):
    return TelegramPost.objects.filter(
        release=release, status=TelegramStatus.POSTED, message_id__isnull=False
    )


def telegram_corrected(*, release: Release) -> None:
    """A major correction: edit the messages already posted (each says what its page says)."""
    for code in _posted(release).values_list("language", flat=True):
        tasks.enqueue_on_commit(tasks.telegram_update, release.pk, code)


def telegram_withdrawn(*, release: Release) -> None:
    """A withdrawal: edit the messages to say so, with the reason."""
    telegram_corrected(release=release)


def telegram_unpublished(*, release: Release) -> None:
    """Published in error: delete the messages."""
    for code in _posted(release).values_list("language", flat=True):
        tasks.enqueue_on_commit(tasks.telegram_remove, release.pk, code)


# --- What the tasks do -------------------------------------------------------------------------


def page_url(release: Release, code: str) -> str:
    with translation.override(code):
        return settings.PRESS_SITE_URL.rstrip("/") + release.get_absolute_url()


def message_html(release: Release, code: str, *, limit: int) -> str:
    """The message in ``code``, as Telegram's HTML, at most ``limit`` characters even
    before Telegram parses its tags: the title in bold, the lead cut at a word boundary
    (or, for a withdrawn release, the notice and its reason), a link to the page."""

    def value(name):
        return getattr(release, languages.field(name, code)) or ""

    url = page_url(release, code)
    with translation.override(code):
        link = f'<a href="{bot.escape(url)}">{bot.escape(_("Read on the website"))}</a>'
        if release.status == Status.WITHDRAWN:
            notice = _("This release was withdrawn.")
            text = " ".join(filter(None, [notice, value("withdrawal_reason")]))
        else:
            text = value("lead")
    head = f"<b>{bot.escape(shorten(value('title'), 300))}</b>"
    budget = limit - len(head) - len(link) - 4  # two blank lines between the three parts
    middle, room = "", budget
    while text and room > 1:
        # Escaping makes "&" five characters: cut shorter until the escaped text fits.
        candidate = bot.escape(shorten(text, room))
        if len(candidate) <= budget:
            middle = candidate
            break
        room -= len(candidate) - budget
    return "\n\n".join(part for part in (head, middle, link) if part)


def first_photo(release: Release) -> Photo | None:
    """The lead photo, else the first one."""
    return release.photos.order_by("-is_lead", "order", "id").first()


def photo_upload(photo: Photo) -> tuple[str, bytes, str]:
    """The photo as Telegram takes it: its largest JPEG or PNG rendition up to 1280 pixels
    wide (Telegram's own size), read from our storage and uploaded (Telegram cannot fetch
    from a development machine, nor from a draft's unguessable address)."""
    usable = [
        r
        for r in photo.renditions or []
        if r["kind"] == "full" and r["format"] in ("jpeg", "png") and r["width"] <= 1280
    ]
    name = max(usable, key=lambda r: r["width"])["name"] if usable else photo.image.name
    with photo.image.storage.open(name, "rb") as f:
        content = f.read()
    kind = "png" if name.lower().endswith(".png") else "jpeg"
    return f"photo.{'png' if kind == 'png' else 'jpg'}", content, f"image/{kind}"


def _claim(post: TelegramPost, channel: str) -> bool:
    """Mark the post "being posted" unless another worker did: two runs of one task (a
    retry and an editor's save) never both post."""
    return bool(
        TelegramPost.objects.filter(
            pk=post.pk,
            message_id__isnull=True,
            status__in=(TelegramStatus.PENDING, TelegramStatus.FAILED),
        ).update(status=TelegramStatus.SENDING, channel=channel, attempts=F("attempts") + 1)
    )


def _failed(post: TelegramPost, error: Exception, status=TelegramStatus.FAILED) -> None:
    TelegramPost.objects.filter(pk=post.pk).update(status=status, last_error=str(error)[:2000])


def telegram_post(*, release_id: int, code: str) -> str:
    """Post the release in ``code`` to its channel, once; return what was done."""
    release = Release.objects.filter(pk=release_id).first()
    post = TelegramPost.objects.filter(release_id=release_id, language=code).first()
    if release is None or post is None or post.message_id:
        return "nothing to do"
    channel = bot.channel_for(code)
    if not channel or code not in (release.telegram_languages or []):
        return "not chosen"
    if not release.is_public(code):
        # Scheduled: the task enqueued for its time will post it. Otherwise taken down.
        return "not public"
    if not _claim(post, channel):
        return "taken"
    photo = first_photo(release)
    try:
        if photo is not None:
            caption = message_html(release, code, limit=bot.CAPTION_LIMIT)
            message = bot.send_photo(channel, photo_upload(photo), caption)
        else:
            message = bot.send_message(channel, message_html(release, code, limit=bot.TEXT_LIMIT))
    except (bot.TelegramError, OSError) as error:
        _failed(post, error)
        raise
    # Hazard: a database that fails here leaves a message on the channel that the post
    # does not know of; it stays "being posted" and is not sent again on its own.
    TelegramPost.objects.filter(pk=post.pk).update(
        status=TelegramStatus.POSTED,
        message_id=message["message_id"],
        with_photo=photo is not None,
        posted_at=timezone.now(),
        last_error="",
    )
    return "posted"


def telegram_edit(*, release_id: int, code: str) -> str:
    """Make the posted message say what the page says now (corrected, or withdrawn)."""
    release = Release.objects.filter(pk=release_id).first()
    post = _posted(release).filter(language=code).first() if release else None
    if post is None:
        return "nothing to do"
    if release.status != Status.WITHDRAWN and not release.is_public(code):
        return "not public"
    try:
        if post.with_photo:
            caption = message_html(release, code, limit=bot.CAPTION_LIMIT)
            bot.edit_caption(post.channel, post.message_id, caption)
        else:
            text = message_html(release, code, limit=bot.TEXT_LIMIT)
            bot.edit_text(post.channel, post.message_id, text)
    except bot.TelegramError as error:
        if NOT_MODIFIED not in str(error):
            _failed(post, error, status=TelegramStatus.POSTED)
            raise
    TelegramPost.objects.filter(pk=post.pk).update(edited_at=timezone.now(), last_error="")
    return "edited"


def telegram_delete(*, release_id: int, code: str) -> str:
    """Delete the message of an unpublished release (one Telegram no longer lets us delete
    is edited to say the release was unpublished)."""
    release = Release.objects.filter(pk=release_id).first()
    post = _posted(release).filter(language=code).first() if release else None
    if post is None or release.status != Status.UNPUBLISHED:
        return "nothing to do"
    try:
        bot.delete_message(post.channel, post.message_id)
    except bot.TelegramError as error:
        if CANNOT_DELETE in str(error):
            with translation.override(code):
                text = "<b>{}</b>\n\n{}".format(
                    bot.escape(getattr(release, languages.field("title", code)) or ""),
                    bot.escape(_("This release was unpublished.")),
                )
            edit = bot.edit_caption if post.with_photo else bot.edit_text
            try:
                edit(post.channel, post.message_id, text)
            except bot.TelegramError as second:
                if NOT_MODIFIED not in str(second):
                    _failed(post, second, status=TelegramStatus.POSTED)
                    raise
        elif NOT_FOUND not in str(error):
            _failed(post, error, status=TelegramStatus.POSTED)
            raise
    TelegramPost.objects.filter(pk=post.pk).update(
        status=TelegramStatus.DELETED, edited_at=timezone.now(), last_error=""
    )
    return "deleted"
