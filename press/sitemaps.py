"""Sitemaps: an index and one section each for releases, countries, topics and officials.

Every URL is listed once per language it exists in, with ``xhtml:link`` alternates for
exactly those languages plus ``x-default``. A release exists in a language when it is
public there (``Release.objects.public(code)``); a country, topic or official page is
listed in a language when it lists at least one release public in that language.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import BooleanField, Exists, ExpressionWrapper, Max, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils import translation

from press import languages
from press.models import Country, Person, Release, Topic


def _flag(code: str) -> str:
    return f"in_{languages.suffix(code)}"


class LanguageSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

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
        flags = {
            _flag(code): Q(
                **{
                    f"{languages.field('title', code)}__gt": "",
                    f"{languages.field('body', code)}__gt": "",
                }
            )
            for code in languages.codes()
        }
        any_language = Q()
        for condition in flags.values():
            any_language |= condition
        return (
            Release.objects.published()
            .filter(any_language)
            .annotate(
                **{
                    name: ExpressionWrapper(condition, output_field=BooleanField())
                    for name, condition in flags.items()
                }
            )
            .only("pk", "slug", "updated_at", "published_at")
            .order_by("-published_at", "-id")
        )

    def lastmod(self, item):
        return max(item.updated_at, item.published_at)


class SubjectSitemap(LanguageSitemap):
    """Pages listing the releases of one subject (a country, a topic, an official)."""

    model = None
    relation = ""  # from Release to the subject
    changefreq = "daily"

    def items(self):
        def public(code=None):
            qs = (Release.objects.public(code) if code else Release.objects.published()).filter(
                **{self.relation: OuterRef("pk")}
            )
            return qs

        latest = (
            public()
            .order_by()
            .values(self.relation)
            .annotate(latest=Max("updated_at"))
            .values("latest")
        )
        flags = {_flag(code): Exists(public(code)) for code in languages.codes()}
        any_language = Q()
        for name in flags:
            any_language |= Q(**{name: True})
        return (
            self.model.objects.annotate(**flags, last_change=Subquery(latest[:1]))
            .filter(any_language)
            .only("pk", "slug")
            .order_by("pk")
        )


class CountrySitemap(SubjectSitemap):
    model = Country
    relation = "countries"


class TopicSitemap(SubjectSitemap):
    model = Topic
    relation = "topics"


class OfficialSitemap(SubjectSitemap):
    model = Person
    relation = "participants__person"


SITEMAPS = {
    "releases": ReleaseSitemap,
    "countries": CountrySitemap,
    "topics": TopicSitemap,
    "officials": OfficialSitemap,
}


def robots_txt_lines(request) -> list[str]:
    with translation.override(settings.LANGUAGE_CODE):
        sitemap = request.build_absolute_uri(reverse("sitemap_index"))
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{code}/admin/" for code in languages.codes()]
    lines += [f"Disallow: /{code}/search/" for code in languages.codes()]
    lines += ["", f"Sitemap: {sitemap}"]
    return lines
