"""Sitemaps: an index and one section each for releases, countries, topics, officials,
posts and events.

Every URL is listed once per language it exists in, with ``xhtml:link`` alternates for
exactly those languages plus ``x-default``. A release exists in a language when it is
public there (``Release.objects.public(code)``); a country, topic, official or post page is
listed in a language when it lists at least one release public in that language (a post:
naming one of its holders).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import IntegerField, Max, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import translation

from press import languages
from press.models import Country, Occasion, Person, Post, Release, Topic, filled_flag, rules


def _flag(code: str) -> str:
    return filled_flag(code)  # Release's field: in_uz, in_uz_cyrl, in_ru, in_en


def latest_change():
    """The newest change to a published release: the sitemap index's lastmod for each section.

    Django's default reads every item of a section to find it, which grows with the
    archive; two walks down an index (release_updated_idx, release_visible_idx) do here.
    """
    published = Release.objects.published()
    times = [
        published.order_by("-updated_at").values_list("updated_at", flat=True).first(),
        published.order_by("-published_at").values_list("published_at", flat=True).first(),
    ]
    return max((t for t in times if t is not None), default=None)


class LanguagePairs:
    """The (item, language) pairs an i18n sitemap pages through, made one page at a time.

    Django's own ``Sitemap._items()`` builds every pair before it takes a page: every
    release read and made into an object for each sitemap page. This counts the items in
    SQL and reads only the slice a page shows.
    """

    def __init__(self, sitemap, items):
        self.sitemap, self.items = sitemap, items

    def count(self):
        return self.items.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("LanguagePairs are read a page (a slice) at a time")
        return [
            (item, code)
            for item in self.items[key]
            for code in self.sitemap.get_languages_for_item(item)
        ]


class LanguageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    # Items per sitemap page, each listed in up to four languages with its alternates:
    # at most 2,000 URLs (the protocol allows 50,000), so one page is made within a request.
    limit = 500

    @property
    def paginator(self):
        return Paginator(LanguagePairs(self, self.items()), self.limit)

    def get_languages_for_item(self, item):
        return [code for code in languages.codes() if getattr(item, _flag(code), False)]

    def lastmod(self, item):
        return item.last_change

    def _urls(self, page, protocol, domain):
        """Django's URLs with hreflang in the spelling the pages use (uz-Cyrl, not uz-cyrl),
        and an x-default for a page that has no Uzbek (Latin) version: its first language."""
        urls = super()._urls(page, protocol, domain)
        for info in urls:
            alternates = info["alternates"]
            if alternates and not any(a["lang_code"] == "x-default" for a in alternates):
                alternates.append({"location": alternates[0]["location"], "lang_code": "x-default"})
            for alternate in alternates:
                if alternate["lang_code"] != "x-default":
                    alternate["lang_code"] = languages.bcp47(alternate["lang_code"])
        return urls


class ReleaseSitemap(LanguageSitemap):
    changefreq = "weekly"

    def items(self):
        # Release.in_<lang>: the stored flags Release.objects.public(code) asks too.
        flags = [_flag(code) for code in languages.codes()]
        any_language = Q()
        for flag in flags:
            any_language |= Q(**{flag: True})
        return (
            Release.objects.published()
            .filter(any_language)
            .only("pk", "slug", "updated_at", "published_at", *flags)
            .order_by("-published_at", "-id")
        )

    def lastmod(self, item):
        return max(item.updated_at, item.published_at)

    def get_latest_lastmod(self):
        return latest_change()


class SubjectSitemap(LanguageSitemap):
    """Pages listing the releases of one subject (a country, a topic, an official)."""

    model = None
    changefreq = "daily"
    to_releases = ""  # the path from the subject to its releases

    def items(self):
        # One pass over the published releases grouped by subject: four EXISTS and a MAX
        # per subject would each read that subject's releases again.
        rel = self.to_releases
        flags = {
            _flag(code): Max(Cast(f"{rel}__{_flag(code)}", IntegerField()))
            for code in languages.codes()
        }
        any_language = Q()
        for name in flags:
            any_language |= Q(**{name: 1})
        return (
            self.model.objects.filter(rules.published(path=rel))
            .annotate(**flags, last_change=Max(f"{rel}__updated_at"))
            .filter(any_language)
            .only("pk", "slug")
            .order_by("pk")
        )

    def get_latest_lastmod(self):
        return latest_change()


class CountrySitemap(SubjectSitemap):
    model = Country
    to_releases = "releases"


class TopicSitemap(SubjectSitemap):
    model = Topic
    to_releases = "releases"


class OfficialSitemap(SubjectSitemap):
    model = Person
    to_releases = "appointments__releases"


class PostSitemap(SubjectSitemap):
    model = Post
    to_releases = "appointments__releases"


class EventSitemap(SubjectSitemap):
    model = Occasion
    to_releases = "releases"


SITEMAPS = {
    "releases": ReleaseSitemap,
    "countries": CountrySitemap,
    "topics": TopicSitemap,
    "officials": OfficialSitemap,
    "posts": PostSitemap,
    "events": EventSitemap,
}


def robots_txt_lines(request) -> list[str]:
    with translation.override(settings.LANGUAGE_CODE):
        sitemap = request.build_absolute_uri(reverse("sitemap_index"))
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{code}/admin/" for code in languages.codes()]
    lines += [f"Disallow: /{code}/search/" for code in languages.codes()]
    lines += ["", f"Sitemap: {sitemap}"]
    return lines
