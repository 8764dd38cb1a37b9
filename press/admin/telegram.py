"""What a release's change form shows of its Telegram posts: per language chosen (or
posted), whether it is posted, waiting or failed, the last error, and a link to the
message on a public channel."""

from press import languages
from press import telegram as bot
from press.admin.display import local_time
from press.models import Release, TelegramStatus


def change_form_context(release: Release) -> dict:
    # Without a bot token nothing can be posted or retried: the form says nothing of
    # Telegram, and costs no query for it.
    if not bot.configured():
        return {}
    posts = {post.language: post for post in release.telegram_posts.all()}
    rows = []
    for code in languages.codes():
        post = posts.get(code)
        chosen = code in (release.telegram_languages or [])
        if post is None and not (chosen and bot.channel_for(code)):
            continue
        rows.append(
            {
                "code": code,
                "language": languages.name(code),
                "channel": post.channel if post else bot.channel_for(code),
                "status": post.status if post else TelegramStatus.PENDING,
                "label": post.get_status_display() if post else TelegramStatus.PENDING.label,
                "error": post.last_error if post else "",
                "attempts": post.attempts if post else 0,
                "url": post.public_url() if post else "",
                "when": local_time(post.edited_at or post.posted_at) if post else "",
            }
        )
    return {"telegram_posts": rows}
