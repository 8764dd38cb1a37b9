"""Whole public pages for anonymous visitors, kept in the shared cache (Redis in production).

Invalidation does not need to know who changed what: every page key contains a *generation*
number kept in the cache, and any save or delete of the content a public page shows (a
release, its photos, attachments, countries, topics, people, posts, appointments, events,
and the release's many-to-many links) bumps it, whether it came from the services, the
admin, a shell or a script. Old entries are never read again and expire on their own.

Scheduling needs no cron job here either: a page is kept at most ``MAX_SECONDS`` (60 s), and
a page served from the cache tells a CDN only the seconds it has left, so a release scheduled
for 10:00 is on every page by 10:01 whatever the caches held at 09:59:59.

What is cached: answers to GET (HEAD reads the same entry) with status 200 from the public
surfaces (``press`` URLs but previews and downloads; sitemaps; robots.txt) that
``CacheHeadersMiddleware`` marked ``public`` and that set no cookie. A request that is not
an anonymous public read (press.site.public_read: a signed-in session, a messages cookie, the admin,
a preview link) is never answered from the cache and never stored, and nothing is read
from the database on a hit.

Keyed by language + absolute URL (scheme, host, path and query), so feeds and sitemaps
with absolute links stay right behind several host names; an entry holds the generation it
was made under and is served only while that is the current one. A cache that does not
answer is logged and skipped: the site then serves every page uncached.

Parts of pages are kept the same way, page cache on or off (``remember``): a list's counts
(``ListMemo``) under the same generation (and at most 60 s); the filter form's names
(``remember_names``) and a search's matching names under a second one that only changes
to countries, topics and people move.
"""

import hashlib
import logging
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.translation import get_language_from_request

from press import languages
from press.site.public_read import is_anonymous_public_read

logger = logging.getLogger(__name__)

GENERATION_KEY = "press:pages:generation"
# A second number, moved only by changes to names (countries, topics, people): what is
# kept of them (the filter form's lists, a search's matching names) outlives publications.
NAMES_GENERATION_KEY = "press:names:generation"
# The most a cached page may lag behind the database, whatever the setting says: it is the
# promise to editors who schedule a release ("on the site within a minute of its time").
MAX_SECONDS = 60
# Top-level (unprefixed) URL names that are public pages too.
PUBLIC_TOP_LEVEL = {"sitemap_index", "sitemap_section", "robots_txt"}
# press: URL names that are not pages for everyone.
NOT_PAGES = {"preview", "attachment"}


def page_cache():
    return caches[settings.PRESS_PAGE_CACHE_ALIAS]


def timeout() -> int:
    """Seconds a page is kept: PRESS_PAGE_CACHE_SECONDS, at most MAX_SECONDS; 0 is off."""
    return max(0, min(int(settings.PRESS_PAGE_CACHE_SECONDS), MAX_SECONDS))


def generation(key: str = GENERATION_KEY) -> int:
    cache = page_cache()
    value = cache.get(key)
    if value is None:
        # Evicted or never set: start from the clock, so that no number in use before can
        # come back and find pages cached under it.
        value = time.time_ns()
        if not cache.add(key, value, timeout=None):
            value = cache.get(key, value)
    return value


def bump(key: str = GENERATION_KEY) -> None:
    """Make every cached page (or, with NAMES_GENERATION_KEY, every kept name) stale."""
    cache = page_cache()
    try:
        try:
            cache.incr(key)
        except ValueError:  # no generation yet, or evicted
            cache.add(key, time.time_ns(), timeout=None)
    except Exception:  # the cache is down: nothing is served from it either
        logger.exception("page cache: could not bump the generation")


def invalidate(using=None, key: str = GENERATION_KEY) -> None:
    """Bump now, and again when the transaction commits.

    The first bump stops pages cached before the change being served; the second drops any
    page that a request rendered from the old rows while the transaction was still open.
    """
    bump(key)
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(lambda: bump(key), using=using)


def remember(key: str, compute, seconds: int = 3600, generation_key: str = GENERATION_KEY):
    """``compute()``, kept in the cache until the public content changes (the generation).

    For parts that pages repeat and that change only when content does (a list's count,
    the filter form's lists of names: these with NAMES_GENERATION_KEY). Works with the
    page cache off; a cache that does not answer means computing every time.
    """
    key = f"press:remember:{key}"
    try:
        found = page_cache().get_many([generation_key, key])
        current = found.get(generation_key) or generation(generation_key)
    except Exception:
        logger.exception("cache: lookup failed")
        return compute()
    entry = found.get(key)
    if entry is not None and entry[0] == current:
        return entry[1]
    value = compute()
    try:
        page_cache().set(key, (current, value), seconds)
    except Exception:
        logger.exception("cache: store failed")
    return value


def remember_names(what: str, compute):
    """``compute()``, names in the active language (a filter's options), kept until a
    country, topic or person changes. ``what`` says whose names: "country:code"."""
    key = f"options:{what}:{languages.current()}"
    return remember(key, compute, generation_key=NAMES_GENERATION_KEY)


class ListMemo:
    """What a public list computes besides its page: its count, a search's count of
    matches, the names a search matched.

    Kept per language, path and query, the page number aside, so that every page of a
    list shares them. Counts are kept until the content changes and at most MAX_SECONDS:
    a release scheduled for 10:00 changes no row at 10:00, so only the age limit makes
    the count include it in time. Names are kept until a name changes.
    """

    def __init__(self, request):
        query = sorted(
            (name, sorted(values)) for name, values in request.GET.lists() if name != "page"
        )
        self.about = f"{languages.current()}|{request.path}|{query}"

    def remember(self, name: str, compute, generation_key: str = GENERATION_KEY):
        """``compute()`` for this list, kept under ``name`` ("count", "matches", "names")."""
        digest = hashlib.sha256(f"{name}|{self.about}".encode()).hexdigest()
        return remember(f"list:{digest}", compute, MAX_SECONDS, generation_key)


# --- Signals: every write of what a public page shows -------------------------------------


def _changed(sender, using=None, **kwargs):
    invalidate(using)


def _names_changed(sender, using=None, **kwargs):
    invalidate(using, key=NAMES_GENERATION_KEY)


def _links_changed(sender, action, using=None, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate(using)


def connect_signals():
    from press.models import (
        Appointment,
        Attachment,
        Country,
        Occasion,
        Person,
        Photo,
        Post,
        Release,
        Topic,
    )

    for model in (Release, Photo, Attachment, Country, Topic, Person, Post, Appointment, Occasion):
        uid = f"press.page_cache:{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}:delete")
    for model in (Country, Topic, Person):
        uid = f"press.page_cache:names:{model.__name__}"
        post_save.connect(_names_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_names_changed, sender=model, dispatch_uid=f"{uid}:delete")
    for field in ("countries", "topics", "participants", "occasions"):
        through = getattr(Release, field).through
        m2m_changed.connect(
            _links_changed, sender=through, dispatch_uid=f"press.page_cache:{field}"
        )


# --- The middleware -----------------------------------------------------------------------


class PageCacheMiddleware:
    """Answers anonymous GET/HEAD of public pages from the cache; stores what may be shared.

    The first middleware: a hit runs nothing else, and the stored answer already carries
    what the others added (security headers, CSP, ``Cache-Control`` from
    ``CacheHeadersMiddleware``, whose ``public`` says whether it may be shared, and the ETag
    from ``ConditionalGetMiddleware``; ``If-None-Match`` is answered 304 here). A hit costs
    one round trip to the cache: the generation and the page come in one ``get_many``.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        # Static and media files are never stored here: asking the cache for them would
        # only add a round trip to each.
        self.files = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)

    def __call__(self, request):
        seconds = timeout()
        if (
            not seconds
            or request.path.startswith(self.files)
            or not is_anonymous_public_read(request)
        ):
            return self.get_response(request)
        try:
            key = self.key(request)
            found = page_cache().get_many([GENERATION_KEY, key])
            current = found.get(GENERATION_KEY) or generation()
        except Exception:
            logger.exception("page cache: lookup failed")
            return self.get_response(request)
        entry = found.get(key)
        if entry is not None and entry[0] == current and entry[1] > time.time():
            return self.rebuild(request, entry)
        response = self.get_response(request)
        if request.method == "GET" and self.shareable(request, response):
            try:
                # Under the generation read before rendering: a change made meanwhile has
                # bumped it, and this page will not be served.
                self.store(key, current, response, seconds)
            except Exception:
                logger.exception("page cache: store failed")
            else:
                response["X-Page-Cache"] = "miss"  # rendered now, served from the cache next
        return response

    @staticmethod
    def key(request) -> str:
        url = request.build_absolute_uri()
        language = get_language_from_request(request, check_path=True)
        # A feed answers a browser with another Content-Type than a feed reader (Vary:
        # Accept, press.site.feeds.wants_page): the two are kept apart by this one bit.
        page = "text/html" in request.headers.get("Accept", "")
        digest = hashlib.sha256(f"{language}|{page}|{url}".encode()).hexdigest()
        return f"press:page:{digest}"

    @staticmethod
    def shareable(request, response) -> bool:
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        match = getattr(request, "resolver_match", None)
        if match is None:
            return False
        if match.namespaces:
            if match.namespaces != ["press"] or match.url_name in NOT_PAGES:
                return False
        elif match.url_name not in PUBLIC_TOP_LEVEL:
            return False
        directives = {
            part.strip().split("=")[0].lower()
            for part in response.get("Cache-Control", "").split(",")
        }
        if "public" not in directives or directives & {"private", "no-store", "no-cache"}:
            return False
        vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
        # The key holds the language, and whether HTML was asked for (all that feeds vary
        # on Accept for); anything else a page varied on would be mixed up.
        return vary <= {"accept-language", "accept"}

    @staticmethod
    def store(key, current, response, seconds):
        if not response.has_header("ETag"):
            set_response_etag(response)
        headers = list(response.items())
        expires = time.time() + seconds
        entry = (current, expires, response.status_code, headers, response.content)
        page_cache().set(key, entry, seconds)

    @staticmethod
    def rebuild(request, entry):
        _generation, expires, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        # A CDN keeps it only for the time this entry has left: one minute in all.
        patch_cache_control(response, max_age=max(0, int(expires - time.time())))
        response["X-Page-Cache"] = "hit"
        return get_conditional_response(request, etag=response["ETag"], response=response)
