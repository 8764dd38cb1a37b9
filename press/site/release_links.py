"""A release page's links and files, read once and kept in the cache until they change.

The release page shows its participants (with their posts and countries), countries,
topics, events, photos and documents: six prefetch queries, and building and compiling them
was most of an uncached release page's Python time (bench/README.md, "Uncached pages in
single-digit milliseconds"). What they read changes only when the release's links or files
change, which bumps its page-cache tag ``release:<id>``, or when a name changes (a country,
a person, a post, an event), which bumps ``all`` (press.site.page_cache's signals). So the
prefetched lists are kept under those two tags and put back on the row read for the page,
and the template reads them exactly as it read the prefetches.

Kept for published releases only. Their events are all public in the page's language
through the release itself (``Occasion.objects.public`` asks for one public release of the
event), so the lists do not depend on the language or on other releases. A withdrawn
release's events are public only through other releases, whose publication does not bump
this release's tag: its page reads them every time.

The lists are pickled model instances: a deploy that changes these models' fields must
drop them (``VERSION`` in the key, or the cache as docs/deploy.md says); they are kept at
most ``SECONDS`` in any case.
"""

from django.db.models import Prefetch, prefetch_related_objects

from press.models import Appointment, Occasion, Photo, Status
from press.site import page_cache

# Raised when the kept lists change shape (a relation added, a model's fields changed).
VERSION = 1
SECONDS = 3600


def prefetches() -> list:
    """What the release page shows of a release's links and files, in its order."""
    return [
        Prefetch("participants", queryset=Appointment.objects.with_names()),
        "countries",
        "topics",
        Prefetch("photos", queryset=Photo.objects.order_by("-is_lead", "order", "id")),
        "attachments",
        # Only events that are public here: one with nothing else out yet is still public
        # through this release, in the language it is read in.
        Prefetch("occasions", queryset=Occasion.objects.public()),
    ]


RELATIONS = ("participants", "countries", "topics", "photos", "attachments", "occasions")


def attach(release) -> None:
    """Give ``release`` its links and files as prefetched lists: kept ones from the cache,
    else read (six queries) and kept."""
    if release.status != Status.PUBLISHED:
        prefetch_related_objects([release], *prefetches())
        return

    def read():
        prefetch_related_objects([release], *prefetches())
        kept = {name: list(getattr(release, name).all()) for name in RELATIONS}
        # A photo and a document point back at this release, whose prefetched querysets
        # do not pickle (an auto-created link model): kept without it, given back below.
        for name, back in _back_references(release):
            for obj in kept[name]:
                back.delete_cached_value(obj)
        return kept

    key = f"release-links:{VERSION}:{release.pk}"
    kept = page_cache.remember(key, read, SECONDS, tags=(page_cache.ALL, f"release:{release.pk}"))
    for name, back in _back_references(release):
        for obj in kept[name]:
            back.set_cached_value(obj, release)
    if all(name in getattr(release, "_prefetched_objects_cache", {}) for name in RELATIONS):
        return  # read just now: the prefetches are on the row already
    release._prefetched_objects_cache = {}
    for name, objects in kept.items():
        # What prefetch_related leaves: a queryset whose result is filled in, which the
        # related manager's all() returns as it is (no query, no clone).
        model = release._meta.get_field(name).related_model
        queryset = model._default_manager.all()
        queryset._result_cache = objects
        queryset._prefetch_done = True
        release._prefetched_objects_cache[name] = queryset


def _back_references(release):
    """(relation, the foreign key pointing back at the release) of the photos and documents."""
    for name in RELATIONS:
        relation = release._meta.get_field(name)
        if relation.one_to_many:
            yield name, relation.field
