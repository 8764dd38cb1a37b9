"""A small client of Telegram's Bot API (https://core.telegram.org/bots/api): the five
methods the ministry's channels need, over the standard library's HTTP.

Not python-telegram-bot: it is an asynchronous framework for bots that converse (updates,
handlers, an event loop, httpx), and we send, edit and delete a channel's messages from a
synchronous task. Five POSTs and a multipart body are less code than its adapter.

Every call is ``POST {TELEGRAM_API_URL}/bot{token}/{method}``; Telegram answers
``{"ok": true, "result": …}`` or ``{"ok": false, "error_code", "description",
"parameters": {"retry_after": seconds}}``. Anything else (a refused connection, a timeout,
an HTTP error, an answer that is not that JSON) raises ``TelegramError``.
"""

import html
import json
import secrets
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

CAPTION_LIMIT = 1024  # sendPhoto, editMessageCaption: characters after entities parsing
TEXT_LIMIT = 4096  # sendMessage, editMessageText


class TelegramError(Exception):
    """A call failed. ``retry_after`` (seconds) is Telegram's own when it limits the rate
    (429); ``code`` is its ``error_code`` or the HTTP status."""

    def __init__(self, message: str, *, code: int | None = None, retry_after: float = 0):
        super().__init__(message)
        self.code = code
        self.retry_after = retry_after


def escape(text: str) -> str:
    """Text for ``parse_mode=HTML``: Telegram wants ``<``, ``>`` and ``&`` as entities (and
    ``"`` inside an attribute, which ``quote=True`` covers); everything else stays."""
    return html.escape(text or "", quote=True)


def configured() -> bool:
    return bool(settings.TELEGRAM_BOT_TOKEN and settings.TELEGRAM_CHANNELS)


def channel_for(code: str) -> str:
    """The channel configured for language ``code``, or ""."""
    return settings.TELEGRAM_CHANNELS.get(code, "") if settings.TELEGRAM_BOT_TOKEN else ""


def channel_url(channel: str) -> str:
    """``@mfa_uz`` → ``https://t.me/mfa_uz``; a private channel (a numeric id) has none."""
    return f"https://t.me/{channel[1:]}" if channel.startswith("@") else ""


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = "press-" + secrets.token_hex(12)
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'
            ).encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def call(method: str, fields: dict, files: dict | None = None):
    """Call ``method`` with ``fields`` (and ``files``: ``{name: (filename, bytes, type)}``,
    sent as multipart); return its ``result``."""
    url = f"{settings.TELEGRAM_API_URL}/bot{settings.TELEGRAM_BOT_TOKEN}/{method}"
    if files:
        body, content_type = _multipart(fields, files)
    else:
        body, content_type = json.dumps(fields).encode(), "application/json"
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type}
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.TELEGRAM_TIMEOUT_SECONDS) as answer:
            raw = answer.read()
    except urllib.error.HTTPError as error:  # 4xx and 5xx: Telegram still answers its JSON
        raw = error.read()
        status = error.code
    except OSError as error:  # refused, timed out, DNS: the token must never be logged
        raise TelegramError(
            f"{method}: {type(error).__name__}: {error}".replace(settings.TELEGRAM_BOT_TOKEN, "…")
        ) from None
    else:
        status = 200
    try:
        data = json.loads(raw)
    except ValueError:
        raise TelegramError(f"{method}: HTTP {status}, not JSON", code=status) from None
    if not isinstance(data, dict) or not data.get("ok"):
        data = data if isinstance(data, dict) else {}
        retry_after = (data.get("parameters") or {}).get("retry_after") or 0
        description = data.get("description") or f"HTTP {status}"
        raise TelegramError(
            f"{method}: {description}",
            code=data.get("error_code") or status,
            retry_after=float(retry_after),
        )
    return data.get("result")


def send_photo(chat_id: str, photo: tuple[str, bytes, str], caption: str) -> dict:
    """Post a photo (uploaded, never by URL) with an HTML caption; return the message."""
    fields = {"chat_id": chat_id, "caption": caption, "parse_mode": "HTML"}
    return call("sendPhoto", fields, files={"photo": photo})


def send_message(chat_id: str, text: str) -> dict:
    return call("sendMessage", {"chat_id": chat_id, "text": text, "parse_mode": "HTML"})


def edit_caption(chat_id: str, message_id: int, caption: str):
    fields = {"chat_id": chat_id, "message_id": message_id, "caption": caption}
    return call("editMessageCaption", {**fields, "parse_mode": "HTML"})


def edit_text(chat_id: str, message_id: int, text: str):
    fields = {"chat_id": chat_id, "message_id": message_id, "text": text}
    return call("editMessageText", {**fields, "parse_mode": "HTML"})


def delete_message(chat_id: str, message_id: int) -> bool:
    return call("deleteMessage", {"chat_id": chat_id, "message_id": message_id})
