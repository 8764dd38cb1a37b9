"""Opaque cursors for pages of releases: where the previous page ended, in latest() order,
or in a search's order by relevance (its score first).

A cursor names the last release shown (its score, publication time and id), not a
position: in date order a release published meanwhile goes to the top and shifts nothing
after it, so a client walking every page sees each release once. In relevance order it goes
where its score puts it, possibly above the cursor: such a walk may miss it.
"""

import base64
import binascii
import datetime
import json


class BadCursor(ValueError):
    """The cursor was not made by encode(): altered, truncated or from elsewhere."""


def encode(release, score: int | None = None) -> str:
    """The cursor of the page that follows ``release`` (and its ``score``, ranked)."""
    data = {"p": release.published_at.isoformat(), "i": release.pk}
    if score is not None:
        data["s"] = score
    raw = json.dumps(data)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str) -> tuple[datetime.datetime, int, int | None]:
    """``(published_at, id, score)`` of the release the cursor follows (score None: date
    order); BadCursor if it is not one."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        published_at = datetime.datetime.fromisoformat(data["p"])
        pk = data["i"]
        score = data.get("s")
    except (binascii.Error, ValueError, TypeError, KeyError):
        raise BadCursor(cursor) from None
    # A bool is an int to Python; an id beyond 64 bits overflows the database's integer;
    # a naive time would be compared in the wrong time zone.
    if type(pk) is not int or not 0 < pk < 2**63 or published_at.tzinfo is None:
        raise BadCursor(cursor)
    if score is not None and (type(score) is not int or not 0 <= score < 2**31):
        raise BadCursor(cursor)
    return published_at, pk, score
