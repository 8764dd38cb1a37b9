"""Whole public pages for anonymous visitors, kept in the shared cache (Redis in production).

Invalidation is by *tags*: each page says what it shows (``depends_on``: ``release:<id>``,
``list``, ``country:<id>``, ``topic:<id>``, ``person:<id>``, ``post:<id>``; every page also
``all``), and a change bumps only the tags of what it touched. A release's save, its photos
and attachments, and its links to countries, topics and participants bump its own tag, the
``list`` tag (the press list, search, home, feeds, sitemaps: any page that declares nothing)
and the tags of its countries, topics, officials and posts, and ``events`` when it is in an
event (the filter form's events offered; the form is kept under it); a change to a country, topic,
person, post, appointment or event (names every page may show: the filter form, cards)
bumps ``all``. So publishing release A recomputes its pages, the lists and A's hubs, while
unrelated country B's page and unrelated releases' pages stay cached.

How a tag is checked: the cache holds a change counter (``GENERATION_KEY``) that every bump
increments, and each tag holds the counter value of its last bump. An entry keeps the
counter value read *before* its page was rendered; it is valid while none of its tags was
bumped after that (tag ≤ seen). A change bumps its tags once it is committed
(``invalidate``), so a render that read the old rows while it was being committed is never
taken for fresh: the bump came after the counter that render read.
A tag missing from the cache (evicted, or never bumped) makes the entries that need it
invalid, and storing a page sets each missing tag to the counter the page saw, so that an
eviction can never make an older entry valid again.

Stale while one recomputes: an entry is fresh for 80-100 % of ``timeout()`` seconds (at
random, so that pages rendered together do not expire together), then kept
``STALE_SECONDS`` longer. When it has expired or its tags moved, the first request takes a
short lock (``cache.add``) and renders the page; others meanwhile get the stale copy
(``X-Page-Cache: stale``) instead of all rendering it at once, the stampede that followed
every publication when one save emptied the whole cache. A render that fails (5xx) while a
stale copy exists serves that copy (stale-if-error). ``CacheHeadersMiddleware`` tells a CDN
the same (``stale-while-revalidate``, ``stale-if-error``) and names the page's tags in
``Surrogate-Key`` and ``Cache-Tag`` so that a CDN can purge by them.

Scheduling needs no cron job here either: a page is fresh at most ``MAX_SECONDS`` (60 s), and
a page served from the cache tells a CDN only the seconds it has left, so a release scheduled
for 10:00 is on every page by 10:01 whatever the caches held at 09:59:59 (the stale copy is
served only while one request renders the new page).

What is cached: answers to GET (HEAD reads the same entry) with status 200 from the public
surfaces (``press`` URLs but previews and downloads; sitemaps; robots.txt) that
``CacheHeadersMiddleware`` marked ``public`` and that set no cookie. A request that is not
an anonymous public read (press.site.public_read: a signed-in session, a messages cookie, the admin,
a preview link) is never answered from the cache and never stored, and nothing is read
from the database on a hit.

Keyed by language + absolute URL (scheme, host, path and query), so feeds and sitemaps
with absolute links stay right behind several host names. A cache that does not answer is
logged and skipped: the site then serves every page uncached.

Parts of pages are kept the same way, page cache on or off (``remember``): a list's counts
(``ListMemo``) under the list's tags (and at most 60 s); the filter form's names
(``remember_names``) and a search's matching names under the ``names`` tag, which only
changes to countries, topics and people move.
"""

import hashlib
import logging
import random
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.translation import get_language_from_request

from press import languages
from press.site.public_read import is_anonymous_public_read

logger = logging.getLogger(__name__)

# The change counter: every bump of any tag increments it (module docstring).
GENERATION_KEY = "press:pages:generation"
TAG_PREFIX = "press:tag:"
# Every page depends on it: bumped by changes to what any page may show (names).
ALL = "all"
# Pages that list releases in general (and any page that declares nothing).
LIST = "list"
# What is kept of names (the filter form's lists, a search's matching names) depends only on
# this: it outlives publications.
NAMES = "names"
# The events a list's filter form offers: those with a public release. Bumped by a change
# of a release in an event, not by every publication: the drawn form of every list, hub and
# search was drawn again after each one (bench/README.md, sixth round).
EVENTS = "events"
# The most a cached page may lag behind the database, whatever the setting says: it is the
# promise to editors who schedule a release ("on the site within a minute of its time").
MAX_SECONDS = 60
# How long past its freshness an entry is kept to be served while one request recomputes it
# (or while rendering it fails), and how long that request may hold the recompute lock.
STALE_SECONDS = 30
LOCK_SECONDS = 10
# The shortest freshness of a stored page, as a share of the setting (PageCacheMiddleware.store).
FRESH_SPREAD = 0.8
# Held by the request of this process that renders a stale page again: one at a time, the
# others meanwhile get their copies (PageCacheMiddleware). A page with no copy is rendered
# whatever this holds.
RENDERING = threading.BoundedSemaphore(1)
# Top-level (unprefixed) URL names that are public pages too.
PUBLIC_TOP_LEVEL = {"sitemap_index", "sitemap_section", "robots_txt"}
# press: URL names that are not pages for everyone.
NOT_PAGES = {"preview", "attachment"}


def page_cache():
    return caches[settings.PRESS_PAGE_CACHE_ALIAS]


def timeout() -> int:
    """Seconds a page is kept: PRESS_PAGE_CACHE_SECONDS, at most MAX_SECONDS; 0 is off."""
    return max(0, min(int(settings.PRESS_PAGE_CACHE_SECONDS), MAX_SECONDS))


def tag_key(tag: str) -> str:
    return f"{TAG_PREFIX}{tag}"


def generation(key: str = GENERATION_KEY) -> int:
    """The change counter now."""
    cache = page_cache()
    value = cache.get(key)
    if value is None:
        # Evicted or never set: start from the clock, above any number in use before, so
        # that a tag bumped after this is above every entry's counter.
        value = time.time_ns()
        if not cache.add(key, value, timeout=None):
            value = cache.get(key, value)
    return value


def bump(*tags: str) -> None:
    """Make every cached page that depends on one of ``tags`` stale (no tags: ``all``)."""
    tags = tags or (ALL,)
    cache = page_cache()
    try:
        try:
            number = cache.incr(GENERATION_KEY)
        except ValueError:  # no counter yet, or evicted
            number = generation()
        cache.set_many({tag_key(tag): number for tag in tags}, timeout=None)
    except Exception:  # the cache is down: nothing is served from it either
        logger.exception("page cache: could not bump %s", " ".join(tags))


def invalidate(using=None, tags=(ALL,)) -> None:
    """Bump ``tags`` once the change is committed: at once outside a transaction, else when
    the transaction commits (never, if it rolls back).

    Not before as well: until the commit every other connection reads the old rows, so the
    pages kept are still right, and a bump then only made the requests of those moments
    render the old rows again, pages the commit's bump made stale at once (each page a
    publication touches was rendered twice, doubling the work that comes with it). A page
    rendered from the old rows is never taken for fresh after the commit: it was stored
    under the counter read before it rendered, and the commit's bump is above it.
    """
    tags = tuple(tags)
    if transaction.get_connection(using).in_atomic_block:
        transaction.on_commit(lambda: bump(*tags), using=using)
    else:
        bump(*tags)


def is_valid(seen: int, tags, found: dict) -> bool:
    """True while none of ``tags`` was bumped after ``seen`` (their values in ``found``)."""
    for tag in tags:
        value = found.get(tag_key(tag))
        if value is None or value > seen:
            return False
    return True


def settle(seen: int, tags, found: dict) -> None:
    """Give each tag missing from the cache the counter a new entry saw (module docstring).

    ``found``: the tags' values read already; the others are read here, in one round trip.
    """
    cache = page_cache()
    unknown = [tag_key(tag) for tag in tags if found.get(tag_key(tag)) is None]
    if unknown:
        present = cache.get_many(unknown)
        for key in unknown:
            if key not in present:
                cache.add(key, seen, timeout=None)


def depends_on(request, *tags: str) -> None:
    """Say that the page being rendered shows what ``tags`` name (a view calls it)."""
    request.page_tags = {*getattr(request, "page_tags", ()), *tags}


def tags_of(request) -> list[str]:
    """The tags of the page rendered for ``request``: ``all``, and what its view declared
    (``list`` if it declared nothing, the safe default for a page made of releases)."""
    declared = getattr(request, "page_tags", None) or {LIST}
    return sorted({ALL, *declared})


def release_tags(release_id, countries=(), topics=(), appointments=(), occasions=()) -> set[str]:
    """What to bump when a release changes: its page, the lists, and its hubs; the events
    offered, when it is in one.

    ``countries``, ``topics``, ``occasions``: ids; ``appointments``: (person id, post id)
    pairs.
    """
    return {
        f"release:{release_id}",
        LIST,
        *(f"country:{pk}" for pk in countries if pk is not None),
        *(f"topic:{pk}" for pk in topics if pk is not None),
        *(f"person:{person}" for person, _post in appointments if person is not None),
        *(f"post:{post}" for _person, post in appointments if post is not None),
        *([EVENTS] if any(pk is not None for pk in occasions) else []),
    }


def linked_tags(release_id) -> set[str]:
    """``release_tags`` of a release as the database links it now (one query)."""
    from press.models import Release

    rows = Release.objects.filter(pk=release_id).values_list(
        "countries", "topics", "participants__person", "participants__post", "occasions"
    )
    rows = list(rows)
    return release_tags(
        release_id,
        countries={r[0] for r in rows},
        topics={r[1] for r in rows},
        appointments={(r[2], r[3]) for r in rows},
        occasions={r[4] for r in rows},
    )


class Recalled(dict):
    """What one round trip read for several ``remember`` calls (``recall``), with the keys
    it asked for: a key asked for and absent here is absent from the cache."""

    def __init__(self, asked, found):
        super().__init__(found)
        self.asked = frozenset(asked)


def recall(entries) -> Recalled | None:
    """Reads at once what ``remember`` will look up for each ``(key, tags)`` of
    ``entries``: one round trip instead of one each. Give the result to
    ``remember(recalled=…)``; None when the cache does not answer (each then asks alone)."""
    asked = {GENERATION_KEY}
    for key, tags in entries:
        asked.add(f"press:remember:{key}")
        asked.update(map(tag_key, tags))
    try:
        return Recalled(asked, page_cache().get_many(sorted(asked)))
    except Exception:
        logger.exception("cache: lookup failed")
        return None


def remember(
    key: str, compute, seconds: int = 3600, tags=(ALL, LIST), stale: int = 0, recalled=None
):
    """``compute()``, kept in the cache until a change bumps one of ``tags``.

    For parts that pages repeat and that change only when content does (a list's count,
    the filter form's lists of names: these under ``names``). Works with the page cache
    off; a cache that does not answer means computing every time.

    ``stale`` (seconds): for what is costly and harmless a little old (the finder's counts,
    which only order its options). Once a change or its age (``seconds``) has made it stale
    it is still returned, for up to ``stale`` seconds more, while one request, holding a
    lock as the page cache's renders do, computes it again: the requests that a publication
    or the hour sends to it at once do not all run its query.

    ``recalled``: what ``recall`` read beforehand; used when it asked for all this needs.
    """
    key = f"press:remember:{key}"
    wanted = [GENERATION_KEY, key, *map(tag_key, tags)]
    try:
        if recalled is not None and recalled.asked.issuperset(wanted):
            found = recalled
        else:
            found = page_cache().get_many(wanted)
        seen = found.get(GENERATION_KEY) or generation()
    except Exception:
        logger.exception("cache: lookup failed")
        return compute()
    entry = found.get(key)
    locked = False
    if entry is not None:
        fresh = is_valid(entry[0], tags, found) and (not stale or entry[2] > time.time())
        if fresh:
            return entry[1]
        if stale:
            locked = lock(key)
            if not locked:
                return entry[1]  # another request is computing it
    try:
        value = compute()
        try:
            settle(seen, tags, found)
            if stale:
                page_cache().set(key, (seen, value, time.time() + seconds), seconds + stale)
            else:
                page_cache().set(key, (seen, value), seconds)
        except Exception:
            logger.exception("cache: store failed")
        return value
    finally:
        if locked:
            unlock(key)  # the next change may compute it again at once


def lock(key: str) -> bool:
    """True for the one request that may compute again what is kept under ``key`` (a page,
    a part), for at most LOCK_SECONDS; True too when the cache does not answer: computing,
    as without a cache, is the safe side."""
    try:
        return page_cache().add(f"{key}:lock", 1, LOCK_SECONDS)
    except Exception:
        logger.exception("cache: lock failed")
        return True


def unlock(key: str) -> None:
    try:
        page_cache().delete(f"{key}:lock")
    except Exception:
        logger.exception("cache: unlock failed")


def remember_names(what: str, compute):
    """``compute()``, names in the active language (a filter's options), kept until a
    country, topic or person changes. ``what`` says whose names: "country:code"."""
    key = f"options:{what}:{languages.current()}"
    return remember(key, compute, tags=(NAMES,))


class ListMemo:
    """What a public list computes besides its page: its count, a search's count of
    matches, the names a search matched.

    Kept per language, path and query, the page number aside, so that every page of a
    list shares them. Counts are kept until a change bumps the list's tags (``tags``: its
    page's, ``list`` by default) and at most MAX_SECONDS: a release scheduled for 10:00
    changes no row at 10:00, so only the age limit makes the count include it in time.
    Names are kept until a name changes.
    """

    def __init__(self, request, tags=(LIST,)):
        query = sorted(
            (name, sorted(values)) for name, values in request.GET.lists() if name != "page"
        )
        self.about = f"{languages.current()}|{request.path}|{query}"
        self.tags = (ALL, *tags)
        self.recalled = None

    def key(self, name: str) -> str:
        return "list:" + hashlib.sha256(f"{name}|{self.about}".encode()).hexdigest()

    def recall(self, names: dict) -> None:
        """Read the parts ``names`` will ask for ({name: tags, None for the list's own}) in
        one round trip (page_cache.recall): a list page asks for its count and its form."""
        self.recalled = recall((self.key(name), tags or self.tags) for name, tags in names.items())

    def remember(self, name: str, compute, tags=None):
        """``compute()`` for this list, kept under ``name`` ("count", "matches", "names")."""
        return remember(
            self.key(name), compute, MAX_SECONDS, tags or self.tags, recalled=self.recalled
        )


# --- Signals: every write of what a public page shows -------------------------------------


def _everything_changed(sender, using=None, **kwargs):
    invalidate(using)


def _names_changed(sender, using=None, **kwargs):
    invalidate(using, tags=(ALL, NAMES))


def _release_changed(sender, instance, using=None, **kwargs):
    invalidate(using, tags=linked_tags(instance.pk))


def _file_changed(sender, instance, using=None, **kwargs):
    # A photo shows on the cards of every list the release is on; a document only on its page.
    if sender.__name__ == "Photo":
        invalidate(using, tags=linked_tags(instance.release_id))
    else:
        invalidate(using, tags=(f"release:{instance.release_id}",))


def _links_changed(sender, instance, action, reverse, model, pk_set, using=None, **kwargs):
    if action not in ("pre_clear", "post_add", "post_remove"):
        return
    if reverse:  # country.releases.add(…): rare, from a shell or a script
        invalidate(using)
        return
    # Before a clear, the links about to go; after an add or a remove, those that are now
    # and those just added or removed (their hubs gain or lose the release).
    tags = linked_tags(instance.pk)
    name = model._meta.model_name
    if name == "appointment" and pk_set:
        pairs = model.objects.filter(pk__in=pk_set).values_list("person_id", "post_id")
        tags |= release_tags(instance.pk, appointments=set(pairs))
    elif name == "country" and pk_set:
        tags |= release_tags(instance.pk, countries=pk_set)
    elif name == "topic" and pk_set:
        tags |= release_tags(instance.pk, topics=pk_set)
    elif name == "occasion" and pk_set:
        tags |= release_tags(instance.pk, occasions=pk_set)
    invalidate(using, tags=tags)


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

    uid = "press.page_cache:Release"
    post_save.connect(_release_changed, sender=Release, dispatch_uid=f"{uid}:save")
    # Before the delete, while its links still say which hubs it was on.
    pre_delete.connect(_release_changed, sender=Release, dispatch_uid=f"{uid}:delete")
    for model in (Photo, Attachment):
        uid = f"press.page_cache:{model.__name__}"
        post_save.connect(_file_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_file_changed, sender=model, dispatch_uid=f"{uid}:delete")
    for model in (Post, Appointment):
        uid = f"press.page_cache:{model.__name__}"
        post_save.connect(_everything_changed, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_everything_changed, sender=model, dispatch_uid=f"{uid}:delete")
    # An event's name shows in the filter form, on its releases' pages and its hub.
    for model in (Country, Topic, Person, Occasion):
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
    from ``ConditionalGetMiddleware``; ``If-None-Match`` is answered 304 here). A hit of a
    page that declared no tags of its own (lists, search, home, feeds) costs one round trip
    to the cache: the counter, the page and the ``all`` and ``list`` tags come in one
    ``get_many``. So does a page with tags of its own (a release, a country) once this
    process has seen them: the tags an entry named are remembered by its key and asked for
    with it the next time; an entry that names others (its release got a country) costs a
    second round trip for those, as on its first hit.
    """

    FIRST_TAGS = (ALL, LIST)
    # Keys whose tags are remembered, at most (a few hundred bytes each): past it, forgotten
    # all at once, and relearned at the cost of a round trip a page.
    KNOWN_TAGS_LIMIT = 20_000

    def __init__(self, get_response):
        self.get_response = get_response
        # Static and media files are never stored here: asking the cache for them would
        # only add a round trip to each.
        self.files = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)
        # Page key -> the tags its entry named (a hint only: validity is always checked
        # against the entry's own tags). Shared by this process's threads; a lost update
        # costs a round trip, never a wrong answer.
        self.known_tags: dict[str, tuple] = {}

    def __call__(self, request):
        seconds = timeout()
        if (
            not seconds
            or request.path.startswith(self.files)
            or not is_anonymous_public_read(request)
        ):
            return self.get_response(request)
        cache = page_cache()
        try:
            key = self.key(request)
            asked = [
                GENERATION_KEY,
                key,
                *map(tag_key, {*self.FIRST_TAGS, *self.known_tags.get(key, ())}),
            ]
            found = cache.get_many(asked)
            seen = found.get(GENERATION_KEY) or generation()
            entry = found.get(key)
            valid = entry is not None and self.valid(key, entry, found, asked)
        except Exception:
            logger.exception("page cache: lookup failed")
            return self.get_response(request)
        now = time.time()
        if valid and entry[1] > now:
            return self.rebuild(request, entry, "hit")
        if entry is None:
            return self.render(request, key, seen, found, None, seconds)
        # Expired, or made stale by a change: one request renders it again, the others are
        # served the copy meanwhile rather than all rendering the same page at once. And one
        # stale page at a time in this process: a publication makes its list, home, search,
        # hubs and related release pages stale together, and rendering them all at once in
        # one worker's threads held every other request of that worker (the page cache's
        # hits) behind them for their whole time; the others wait a moment on their copies.
        if not RENDERING.acquire(blocking=False):
            return self.rebuild(request, entry, "stale")
        try:
            if not lock(key):
                return self.rebuild(request, entry, "stale")
            try:
                return self.render(request, key, seen, found, entry, seconds)
            finally:
                unlock(key)  # the next change may render it again at once
        finally:
            RENDERING.release()

    def render(self, request, key, seen, found, entry, seconds):
        """The page rendered now, and stored if it may be shared; ``entry``: its stale copy."""
        response = self.get_response(request)
        if entry is not None and response.status_code >= 500:
            # Rendering failed: the last good copy is better than an error page.
            logger.warning("page cache: served stale after %s", response.status_code)
            return self.rebuild(request, entry, "stale")
        if request.method == "GET" and self.shareable(request, response):
            try:
                # Under the counter read before rendering: a change committed meanwhile has
                # bumped its tags above it, and this page will not be served.
                self.store(key, seen, tags_of(request), found, response, seconds)
            except Exception:
                logger.exception("page cache: store failed")
            else:
                response["X-Page-Cache"] = "miss"  # rendered now, served from the cache
        elif entry is not None and request.method == "GET":
            # The page no longer answers what was kept (an unpublished release's 410): its
            # copy must not be served stale to the requests that follow.
            try:
                page_cache().delete(key)
            except Exception:
                logger.exception("page cache: delete failed")
        return response

    def valid(self, key, entry, found, asked) -> bool:
        """Whether ``entry`` is current: its tags' values are in ``found`` (read with it,
        the keys ``asked``), or are read now."""
        seen, tags = entry[0], entry[2]
        more = [tag_key(tag) for tag in tags if tag_key(tag) not in asked]
        if more:
            found = {**found, **page_cache().get_many(more)}
            if len(self.known_tags) >= self.KNOWN_TAGS_LIMIT:
                self.known_tags.clear()
            self.known_tags[key] = tuple(tags)
        return is_valid(seen, tags, found)

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
    def store(key, seen, tags, found, response, seconds):
        if not response.has_header("ETag"):
            set_response_etag(response)
        headers = list(response.items())
        # Fresh for 80-100 % of ``seconds``, at random. Pages rendered together (a
        # publication's list, hubs and search, or every page after a deploy) would
        # otherwise all expire in the same second and be rendered again together, a
        # minute later and every minute after: the burst of renders that made the p99 of a
        # run with no publication at all (bench/README.md, sixth round).
        expires = time.time() + seconds * random.uniform(FRESH_SPREAD, 1.0)
        entry = (seen, expires, tags, response.status_code, headers, response.content)
        settle(seen, tags, found)
        # Kept past its freshness: the copy served while one request renders it again.
        page_cache().set(key, entry, seconds + STALE_SECONDS)

    @staticmethod
    def rebuild(request, entry, state):
        _seen, expires, _tags, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        # A CDN keeps it only for the time this entry has left: one minute in all.
        patch_cache_control(response, max_age=max(0, int(expires - time.time())))
        response["X-Page-Cache"] = state
        return get_conditional_response(request, etag=response["ETag"], response=response)
