"""A release's audit events, said in the reader's language.

The services store each workflow action in Django's admin log as JSON (``press/services/
base.py`` ``audit``): ``[{"press": {"action": "withdraw", "reasons": {"ru": "…"}}}]``. This
renders it when the history is shown, through gettext, as Django's
``LogEntry.get_change_message`` renders its own "added"/"changed" JSON. Entries written as
plain text before the events existed are shown as they are.
"""

import datetime
import json

from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from press import languages
from press.services import ACTION_LABELS
from press.services.base import EVENT_KEY, local_time


def event_of(change_message: str) -> dict | None:
    """Return our workflow event stored in a LogEntry's change message, or None."""
    if not change_message or change_message[0] != "[":
        return None
    try:
        messages = json.loads(change_message)
    except json.JSONDecodeError:
        return None
    for message in messages:
        if isinstance(message, dict) and isinstance(message.get(EVENT_KEY), dict):
            return message[EVENT_KEY]
    return None


def _moment(value) -> str:
    moment = parse_datetime(value) if isinstance(value, str) else value
    return local_time(moment) if isinstance(moment, datetime.datetime) else ""


def _in_reader_language(texts: dict) -> str:
    """The text in the reader's language; else the only one; else each, named by its language."""
    texts = {code: text for code, text in (texts or {}).items() if text}
    current = languages.current()
    if texts.get(current):
        return texts[current]
    if len(texts) == 1:
        return next(iter(texts.values()))
    return "; ".join(f"{languages.name(code)}: {text}" for code, text in texts.items())


def describe(event: dict) -> str:
    """One sentence for ``event`` in the active language."""
    action = event.get("action", "")
    if action == "preview-link":
        return _("Preview link made, valid until %(time)s") % {"time": _moment(event.get("time"))}
    if action == "preview-link-revoked":
        return _("Preview link revoked")
    if action == "comment":
        return _("Reviewer's comment: %(text)s") % {"text": event.get("note", "")}
    if action == "duplicate":
        return _("Duplicated from %(release)s") % {"release": event.get("release", "")}
    if action == "revert":
        text = _("Reverted to revision %(number)s of %(release)s") % {
            "number": event.get("number", ""),
            "release": event.get("release", ""),
        }
        if event.get("lost"):
            text += ". " + _("No longer stored: %(files)s") % {"files": ", ".join(event["lost"])}
        return text
    text = str(ACTION_LABELS.get(action, action))
    if action == "schedule" and event.get("time"):
        text = _("Scheduled for %(time)s (Tashkent time)") % {"time": _moment(event["time"])}
    if event.get("forced"):
        return _("%(action)s WITHOUT REVIEW (forced). Reason: %(reason)s") % {
            "action": text,
            "reason": event.get("note", ""),
        }
    if event.get("languages"):
        names = ", ".join(languages.name(code) for code in event["languages"])
        text = f"{text} ({names})"
    if event.get("replacement"):
        text += ", " + _("replaced by %(slug)s") % {"slug": event["replacement"]}
    if event.get("reasons"):
        reason = _in_reader_language(event["reasons"])
        return f"{text}. " + _("Reason: %(reason)s") % {"reason": reason}
    if event.get("notes"):
        return f"{text}: {_in_reader_language(event['notes'])}"
    if event.get("note"):
        return f"{text}: {event['note']}"
    return text
