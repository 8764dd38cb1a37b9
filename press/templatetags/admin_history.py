"""The admin's history in the reader's language: our workflow events, and Django's own
entries with their field names.

Django stores the changed fields' labels in English and translates them when the history is
shown, but modeltranslation's labels ("Lead [uz-cyrl]") are no msgid, so they stayed English
on every page. Here the label is translated without its language suffix, which is a code.
"""

import copy
import json
import re

from django import template
from django.utils.text import capfirst
from django.utils.translation import gettext

from press.admin import history

register = template.Library()

LABEL = re.compile(r"^(?P<label>.+?)(?P<code> \[[a-z-]+\])?$")


def translated_label(label: str) -> str:
    match = LABEL.match(label)
    base, code = match["label"], match["code"] or ""
    text = gettext(base)
    if text == base:  # the label is the verbose name with a capital: "Lead" for "lead"
        text = capfirst(gettext(base[:1].lower() + base[1:]))
    return text + code


@register.simple_tag
def change_message(entry) -> str:
    """The entry's message in the reader's language: our workflow events
    (press/admin/history.py), Django's own JSON with translated field labels, or the text
    an older entry was stored as."""
    event = history.event_of(entry.change_message)
    if event is not None:
        return history.describe(event)
    if not entry.change_message or entry.change_message[0] != "[":
        return entry.get_change_message()
    try:
        messages = json.loads(entry.change_message)
    except json.JSONDecodeError:
        return entry.get_change_message()
    for message in messages:
        for details in message.values():
            if isinstance(details, dict) and "fields" in details:
                details["fields"] = [translated_label(label) for label in details["fields"]]
    shown = copy.copy(entry)
    shown.change_message = json.dumps(messages)
    return shown.get_change_message()
