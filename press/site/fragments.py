"""Parts of a release page rendered once and kept in the cache until the release changes.

A release page's article (its header, text, photos, documents, participants, countries,
topics and events) shows only the release and the names it links to, in one language; it
was the largest part of an uncached release page's template time (bench/README.md). So its
HTML is kept per language and release under the page cache's tags (press.site.page_cache):
``release:<id>``, which every change of the release, its photos and its links bumps, and
``all``, which a renamed country, person or topic bumps, as the cards are (press.site.cards).

Only for a published release read by anyone (not a preview, whose draft changes without
a publication, nor a withdrawn release, whose notice is rare enough to render). What is
kept must not depend on the request (no user, no CSRF token, no query string): the blocks
marked ``{% kept_for release "name" %}`` in the templates say so by where they end. The
key holds a digest of the page's template source, so a deploy that changes it never serves
the old markup; at most ``SECONDS`` in any case.
"""

import hashlib

from django.utils.safestring import mark_safe

from press import languages
from press.models import Status
from press.site import page_cache

SECONDS = 3600


def kept_for_release(release, name: str, template_source: str, render, preview=False) -> str:
    """``render()``'s HTML for ``release``: kept, else rendered and kept."""
    if preview or release.status != Status.PUBLISHED or release.pk is None:
        return render()
    digest = hashlib.sha256(template_source.encode()).hexdigest()[:12]
    key = f"fragment:{name}:{digest}:{languages.current()}:{release.pk}"
    tags = (page_cache.ALL, f"release:{release.pk}")
    # Rendered by the template engine, escaped there: safe as it was when stored.
    return mark_safe(page_cache.remember(key, render, SECONDS, tags=tags))
