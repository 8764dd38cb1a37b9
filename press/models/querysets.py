"""Which releases each surface may read: ReleaseQuerySet's verbs."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from press import languages
from press.models.choices import Status
from press.models.files import Photo
from press.models.reference import Country


def filled_flag(code: str | None = None) -> str:
    """``in_uz_cyrl``: the Release field saying the language's title and body are written."""
    return f"in_{languages.suffix(code or languages.current())}"


class ReleaseQuerySet(models.QuerySet):
    def published(self):
        """The visibility rule: every public surface starts here."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def in_language(self, code: str | None = None):
        """Releases whose title and body are written in the language (the active one).

        Asks the stored flag ``in_<lang>`` (Release.FILLED), which the database computes
        from the title and body on every write: an indexed boolean instead of reading every
        body, which at 100,000 releases made each list count take a second.
        """
        return self.filter(**{filled_flag(code): True})

    def public(self, code: str | None = None):
        """Published and written in the language: what a visitor may list and read."""
        return self.published().in_language(code)

    def visible(self):
        """Published or withdrawn, once the publication time has come: in any language."""
        return self.filter(
            Q(status=Status.PUBLISHED) | Q(status=Status.WITHDRAWN),
            published_at__lte=timezone.now(),
        )

    def readable(self, code: str | None = None):
        """What the detail page shows: public, or withdrawn after its publication time.

        A withdrawn release keeps its page (with a dated notice) but leaves listings, feeds,
        sitemaps and search, which all use ``public()``.
        """
        return self.visible().in_language(code)

    def needing_translation(self, code: str):
        """Releases whose text in ``code`` is missing, outdated or machine-made."""
        return self.filter(translation_needed__contains=f"|{code}|")

    def for_cards(self):
        """What a list of release cards shows, fetched in a fixed number of queries.

        Only the columns a card shows (the body in the active language for search snippets):
        not the search vector nor the other bodies, kilobytes a row. Of the links, the
        countries' names and the photos: cards show no topics.
        """
        codes = languages.codes()
        shown = [languages.field(name, code) for name in ("title", "lead") for code in codes]
        names = [languages.field("name", code) for code in codes]
        return self.only(
            "slug", "kind", "event_date", "status", "published_at", languages.field("body"), *shown
        ).prefetch_related(
            models.Prefetch("countries", queryset=Country.objects.only("slug", *names)),
            models.Prefetch("photos", queryset=Photo.objects.order_by("-is_lead", "order", "id")),
        )

    def latest(self):
        return self.order_by("-published_at", "-id")
