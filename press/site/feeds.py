"""RSS 2.0 and Atom feeds per language: all releases, a country, a topic, an official, a
post, an event, and whatever the press list is filtered to.

Built on Django's syndication framework. Each feed lists ``Release.objects.public()`` in the
language of its URL prefix, newest first; links are absolute and an item's id is the
address of the release in that language, which never changes (slugs are kept on retitling).
"""

import html

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, Stylesheet
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator

from press import languages
from press.models import Appointment, Country, Occasion, Person, Post, Release, Topic
from press.site import page_cache
from press.site.filters import ReleaseFilter
from press.text import plain_text, shorten


class TextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are plain text (``type="text"``), as our leads are.

    Django writes every summary as ``type="html"``: a lead typed as ``<img onerror=…>``
    would then be markup to every feed reader.
    """

    def write(self, outfile, encoding):
        """Atom1Feed.write() with the stylesheets first, as Django writes them for RSS only."""
        handler = SimplerXMLGenerator(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        for stylesheet in self.feed["stylesheets"] or []:
            handler.processingInstruction("xml-stylesheet", str(stylesheet))
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")

    def add_item_elements(self, handler, item):
        summary = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if summary is not None:
            handler.addQuickElement("summary", summary, {"type": "text"})


FORMATS = {"rss": Rss201rev2Feed, "atom": TextAtom1Feed}


def translated(obj, field_name: str) -> str:
    """The field in the active language, else in the first language that has it."""
    for code in [languages.current(), *languages.codes()]:
        value = getattr(obj, languages.field(field_name, code), "")
        if value:
            return value
    return ""


class Subject:
    """What a feed is about: its title, the page it mirrors and the releases it lists."""

    def __init__(self, *, title, page_url, feed_url, releases):
        self.title = title
        self.page_url = page_url
        self.feed_url = feed_url
        self.releases = releases


class ReleaseFeed(Feed):
    """All public releases in the active language; ``?country=…&topic=…`` narrows them."""

    fixed_filter: str | None = None

    @classmethod
    def as_view(cls):
        """A view making one feed object per request: the object keeps the request."""

        def view(request, *args, format, **kwargs):
            feed = cls()
            feed.feed_type = FORMATS[format]
            response = feed(request, *args, **kwargs)
            if wants_page(request):
                # Browsers show application/rss+xml and atom+xml as text or a download;
                # as application/xml they apply the stylesheet. Feed readers keep the type.
                response["Content-Type"] = "application/xml; charset=utf-8"
            patch_vary_headers(response, ["Accept"])
            return response

        view.__name__ = view.__qualname__ = f"{cls.__name__}View"
        return view

    # --- What the feed is about ---------------------------------------------------------

    def get_object(self, request, *args, **kwargs):
        self.request = request
        subject = self.get_subject(**kwargs)
        queryset = self.base_queryset(subject)
        fixed = (self.fixed_filter,) if self.fixed_filter else ()
        filterset = ReleaseFilter(
            request.GET,
            queryset=queryset,
            fixed=fixed,
            remember=page_cache.ListMemo(request).remember,
        )
        if not filterset.is_valid():
            raise BadRequest("invalid filter")
        page_url = self.page_url(subject)
        query = self.filter_query(request)
        return Subject(
            title=self.subject_title(subject),
            page_url=page_url + (f"?{query}" if query else ""),
            feed_url=request.get_full_path(),
            releases=filterset.qs,
        )

    def get_subject(self, **kwargs):
        return None

    def base_queryset(self, subject):
        return Release.objects.public()

    def page_url(self, subject) -> str:
        return reverse("press:release_list")

    def subject_title(self, subject) -> str:
        return _("Press releases")

    @staticmethod
    def filter_query(request) -> str:
        query = request.GET.copy()
        query.pop("page", None)
        return query.urlencode()

    # --- The channel ----------------------------------------------------------------------

    def title(self, obj):
        return f"{obj.title} · {_('Ministry of Foreign Affairs of the Republic of Uzbekistan')}"

    def link(self, obj):
        return obj.page_url

    def feed_url(self, obj):
        return obj.feed_url

    def description(self, obj):
        return _("Press releases of the Ministry of Foreign Affairs of the Republic of Uzbekistan")

    def subtitle(self, obj):
        return self.description(obj)

    def author_name(self):
        return _("Press service of the Ministry of Foreign Affairs of the Republic of Uzbekistan")

    def feed_copyright(self):
        return _("Ministry of Foreign Affairs of the Republic of Uzbekistan")

    def language(self):
        return languages.bcp47()

    def stylesheets(self):
        # Shown by a browser that opens the feed (static/feeds/feed.xsl): what a feed is and
        # how to follow it, in the feed's language. Browsers apply only a same-origin one.
        return [Stylesheet(static("feeds/feed.xsl"), mimetype="text/xsl", media=None)]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = languages.bcp47()
        return feed

    # --- The items ------------------------------------------------------------------------

    def items(self, obj):
        # A search orders by relevance; a feed is always newest first.
        return obj.releases.prefetch_related(
            "countries",
            "topics",
            Prefetch("participants", queryset=Appointment.objects.with_names()),
        ).order_by("-published_at", "-id")[: settings.PRESS_FEED_SIZE]

    def item_title(self, item):
        return getattr(item, languages.field("title"))

    def item_description(self, item):
        """The lead (plain text), or the start of the body's text, in what the format
        expects: RSS readers take a description as HTML, so it is escaped there."""
        lead = getattr(item, languages.field("lead"))
        if not lead:
            # The body is HTML: plain_text decodes its entities (&amp;) before the cut.
            lead = shorten(plain_text(getattr(item, languages.field("body"))), 600)
        return lead if issubclass(self.feed_type, Atom1Feed) else html.escape(lead, quote=False)

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return self.request.build_absolute_uri(item.get_absolute_url())

    item_guid_is_permalink = True

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.published_at)

    def item_author_name(self, item):
        return self.author_name()

    def item_categories(self, item):
        names = [translated(c, "name") for c in item.countries.all()]
        names += [translated(t, "name") for t in item.topics.all()]
        names += [translated(a.person, "name") for a in item.participants.all()]
        return [n for n in names if n]


class CountryFeed(ReleaseFeed):
    fixed_filter = "country"

    def get_subject(self, slug):
        return get_object_or_404(Country, slug=slug)

    def base_queryset(self, subject):
        return super().base_queryset(subject).about(country=subject)

    def page_url(self, subject):
        return subject.get_absolute_url()

    def subject_title(self, subject):
        return translated(subject, "name")


class TopicFeed(ReleaseFeed):
    fixed_filter = "topic"

    def get_subject(self, slug):
        return get_object_or_404(Topic, slug=slug)

    def base_queryset(self, subject):
        return super().base_queryset(subject).about(topic=subject)

    def page_url(self, subject):
        return subject.get_absolute_url()

    def subject_title(self, subject):
        return translated(subject, "name")


class OfficialFeed(ReleaseFeed):
    fixed_filter = "official"

    def get_subject(self, slug):
        return get_object_or_404(Person, slug=slug)

    def base_queryset(self, subject):
        return super().base_queryset(subject).about(official=subject)

    def page_url(self, subject):
        return subject.get_absolute_url()

    def subject_title(self, subject):
        return translated(subject, "name")


class PostFeed(ReleaseFeed):
    """Releases naming whoever held the post, in it: the post page's list."""

    def get_subject(self, slug):
        post = get_object_or_404(Post, slug=slug)
        self.holders = list(post.appointments.started(timezone.localdate()))
        if not self.holders:
            raise Http404("nobody has held this post yet")
        return post

    def base_queryset(self, subject):
        return super().base_queryset(subject).about(appointment=self.holders)

    def page_url(self, subject):
        return subject.get_absolute_url()

    def subject_title(self, subject):
        return translated(subject, "title")


class EventFeed(ReleaseFeed):
    """The releases of an event (its hub's list), newest first like every feed; an event
    none of whose releases is public yet is not found, as its page is not."""

    fixed_filter = "event"

    def get_subject(self, slug):
        return get_object_or_404(Occasion.objects.public(), slug=slug)

    def base_queryset(self, subject):
        return super().base_queryset(subject).about(event=subject)

    def page_url(self, subject):
        return subject.get_absolute_url()

    def subject_title(self, subject):
        return translated(subject, "name")


def wants_page(request) -> bool:
    """Whether the feed was opened by a browser (it asks for HTML), not by a feed reader.

    The page cache keys on the same question (press.site.page_cache), since the answer's
    type depends on it.
    """
    return "text/html" in request.headers.get("Accept", "")


def feed_links(request, *, name="press:release_list_feed", kwargs=None, keep_query=True):
    """The (content type, title, url) of a page's RSS and Atom feeds, for <link rel=alternate>."""
    query = ReleaseFeed.filter_query(request) if keep_query else ""
    links = []
    for fmt, feed_type, label in (
        ("rss", Rss201rev2Feed, "RSS"),
        ("atom", TextAtom1Feed, "Atom"),
    ):
        url = reverse(name, kwargs={**(kwargs or {}), "format": fmt})
        links.append(
            {
                "type": feed_type.content_type.split(";")[0],
                "label": label,
                "url": url + (f"?{query}" if query else ""),
            }
        )
    return links
