"""The read rules as conditions: what "published", "scheduled", "visible" and "needs
translation" mean, each written once.

Start from ReleaseQuerySet's verbs (press/models/querysets.py), which apply these. The
conditions stand on their own for the two places that cannot start from a queryset of
releases: the desk counts several rules in one aggregate (a ``Count(filter=…)`` each), and
the sitemaps reach releases from what they name (``path="releases"``).

``now`` defaults to the moment of the call: a condition made early and used later (a
cached queryset, say) keeps that moment.
"""

import datetime

from django.db.models import Q
from django.utils import timezone

from press.models.choices import Status


def published(
    now: datetime.datetime | None = None,
    *,
    since: datetime.datetime | None = None,
    path: str = "",
) -> Q:
    """Published, and its publication time has come; with ``since``, not before that moment.

    ``path`` leads from another model to its releases ("releases", "appointments__releases"):
    the condition then applies to the releases joined there.
    """
    lookups = {"status": Status.PUBLISHED, "published_at__lte": now or timezone.now()}
    if since is not None:
        lookups["published_at__gte"] = since
    prefix = f"{path}__" if path else ""
    return Q(**{prefix + lookup: value for lookup, value in lookups.items()})


def scheduled(
    now: datetime.datetime | None = None, *, within: datetime.timedelta | None = None
) -> Q:
    """Published, but its publication time is still to come; with ``within``, due by then."""
    now = now or timezone.now()
    lookups = {"status": Status.PUBLISHED, "published_at__gt": now}
    if within is not None:
        lookups["published_at__lte"] = now + within
    return Q(**lookups)


def visible(now: datetime.datetime | None = None) -> Q:
    """Published or withdrawn, once the publication time has come: a page that exists."""
    status = Q(status=Status.PUBLISHED) | Q(status=Status.WITHDRAWN)
    return status & Q(published_at__lte=now or timezone.now())


def needing_translation(code: str | None = None) -> Q:
    """Text in the language ``code`` (with none: in any language) missing, outdated or
    machine-made, as Release.save() keeps it in ``translation_needed`` ("|ru|en|")."""
    if code is None:
        return Q(translation_needed__gt="")
    return Q(translation_needed__contains=f"|{code}|")
