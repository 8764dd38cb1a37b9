"""Opaque cursors for pages of releases: where the previous page ended, in latest() order.

A cursor names the last release shown (its publication time and id), not a position: a
release published meanwhile goes to the top of the order and shifts nothing after it, so a
client walking every page sees each release once.
"""

import base64
import binascii
import datetime
import json


class BadCursor(ValueError):
    """The cursor was not made by encode(): altered, truncated or from elsewhere."""


def encode(release) -> str:
    """The cursor of the page that follows ``release``."""
    raw = json.dumps({"p": release.published_at.isoformat(), "i": release.pk})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime.datetime, int]:
    """``(published_at, id)`` of the release the cursor follows; BadCursor if it is not one."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        published_at = datetime.datetime.fromisoformat(data["p"])
        pk = data["i"]
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise BadCursor(cursor) from None
    # A bool is an int to Python; an id beyond 64 bits overflows the database's integer;
    # a naive time would be compared in the wrong time zone.
    if type(pk) is not int or not 0 < pk < 2**63 or published_at.tzinfo is None:
        raise BadCursor(cursor)
    return published_at, pk
