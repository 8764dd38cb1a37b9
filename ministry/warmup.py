"""What a new web process makes on its first pages, made before it takes any traffic.

A gunicorn worker, at start and each time ``max_requests`` recycles one, compiled each
template, built the URL resolver of each language, loaded the search's table of names and
opened its database connection on the first requests that needed them: its first home page
took ~140 ms and its first search ~50 ms, against ~6 ms after (bench/README.md, sixth
round). Under load those first requests are the ones a publication sends to be rendered,
and every request queued behind them waited too. gunicorn.conf.py calls ``warm`` in
``post_worker_init``, before the worker accepts a connection.
"""

import logging

from django.conf import settings
from django.db import connections
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)

# The public pages' templates and what they include (the cached loader keeps each compiled).
TEMPLATES = [
    "base.html",
    "press/home.html",
    "press/release_list.html",
    "press/release_detail.html",
    "press/country_detail.html",
    "press/topic_detail.html",
    "press/official_detail.html",
    "press/post_detail.html",
    "press/search.html",
    "press/event_list.html",
    "press/event_detail.html",
    "includes/release_card.html",
    "includes/release_filters.html",
    "includes/release_results.html",
    "includes/language_switcher.html",
    "includes/feed_links.html",
    "includes/pagination.html",
    "includes/picture.html",
    "includes/appointment_dates.html",
    "includes/event_dates.html",
]


def warm() -> None:
    """Compile the public templates, reverse an address in every language, and load the
    search's table of names. A failure is logged, never raised: a cold worker is slower,
    not broken, and a database that is down must not stop the site from starting (it
    serves cached pages meanwhile)."""
    try:
        for name in TEMPLATES:
            get_template(name)
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                reverse("press:home")
        from press.search import entities

        entities.table()
    except Exception:
        logger.exception("warm-up failed; the first requests will do it")
    finally:
        # This thread's connection: the worker's threads open their own.
        connections.close_all()
