"""Release cards, each rendered once and kept in the cache until its release changes.

A list page shows 20 cards; rendering them through the template (the card, its picture, the
translated title and lead, the countries' names and links) was the largest part of an
uncached list page, and reading the rows and their links for them the next largest
(bench/README.md, "Where an uncached page's time goes"). A card shows only its release (its
title, lead, kind, date, lead photo and countries) in one language, so its HTML is kept per
language, release and search query (a search's card shows a snippet of the matching text)
under the page cache's tags (press.site.page_cache): ``release:<id>``, which every change
of the release, its photos and its links bumps, and ``all``, which a renamed country bumps.
A list whose cards are all kept reads only its ids: no rows, no countries, no photos.

The key holds a digest of the card's template too, so that a deploy that changes it never
serves the old markup; what the template tags write (press_tags, picture.html) is not in the
digest, and cards are kept at most ``SECONDS`` for that reason (docs/deploy.md says how to
drop them at once).
"""

import hashlib
import logging

from django.core.paginator import Page
from django.db.models import QuerySet
from django.template.loader import get_template
from django.utils.safestring import mark_safe

from press import languages
from press.site import page_cache

logger = logging.getLogger(__name__)

TEMPLATE = "includes/release_card.html"
SECONDS = 3600


def template_digest() -> str:
    """The card template's source, hashed. Asked each time, not kept: the cached loader
    holds the template, and the development server's reloader empties it on an edit."""
    source = get_template(TEMPLATE).template.source
    return hashlib.sha256(source.encode()).hexdigest()[:12]


def card_key(pk, query: str, digest: str) -> str:
    query_digest = hashlib.sha256(query.encode()).hexdigest()[:16] if query else "-"
    return f"press:card:{digest}:{languages.current()}:{pk}:{query_digest}"


def render_card(release, query: str) -> str:
    return get_template(TEMPLATE).render({"release": release, "query": query})


def release_cards(releases, query: str = "") -> list[str]:
    """The cards of ``releases`` in their order, as HTML: kept ones from the cache.

    ``releases``: a page of a list (its ids read alone when the paginator read them first,
    ``IdsFirstPaginator``), a queryset not yet read (its ids are read, and rows only for
    the cards not kept), ids of public releases, or releases in hand.
    """
    rows = None
    ids = getattr(releases, "ids", None)
    if isinstance(releases, Page):
        releases = releases.object_list
    if (
        ids is None
        and isinstance(releases, list | tuple)
        and all(isinstance(pk, int) for pk in releases)
    ):
        ids = list(releases)
    if ids is None:
        if isinstance(releases, QuerySet) and releases._result_cache is None:
            ids = list(releases.values_list("pk", flat=True))
        else:
            rows = {release.pk: release for release in releases}
            ids = list(rows)
    if not ids:
        return []
    digest = template_digest()
    keys = {pk: card_key(pk, query, digest) for pk in ids}
    tags = {pk: (page_cache.ALL, f"release:{pk}") for pk in ids}
    every_tag = {tag for pair in tags.values() for tag in pair}
    try:
        found = page_cache.page_cache().get_many(
            [page_cache.GENERATION_KEY, *keys.values(), *map(page_cache.tag_key, every_tag)]
        )
        seen = found.get(page_cache.GENERATION_KEY) or page_cache.generation()
    except Exception:
        logger.exception("cards: lookup failed")
        found, seen = {}, None
    html = {}
    for pk in ids:
        entry = found.get(keys[pk])
        if entry is not None and page_cache.is_valid(entry[0], tags[pk], found):
            html[pk] = entry[1]
    missing = [pk for pk in ids if pk not in html]
    if missing:
        if rows is None:
            from press.models import Release

            # Ids read from the caller's public queryset: only what it may show.
            rows = {r.pk: r for r in Release.objects.filter(pk__in=missing).for_cards()}
        fresh = {pk: render_card(rows[pk], query) for pk in missing if pk in rows}
        html.update(fresh)
        if seen is not None and fresh:
            try:
                page_cache.settle(seen, every_tag, found)
                page_cache.page_cache().set_many(
                    {keys[pk]: (seen, card) for pk, card in fresh.items()}, SECONDS
                )
            except Exception:
                logger.exception("cards: store failed")
    # Rendered by the template engine, escaped there: safe as it was when stored.
    return [mark_safe(html[pk]) for pk in ids if pk in html]
