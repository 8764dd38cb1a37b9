"""Public pages. Every one of them asks Release.objects.public() what it may show."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.views.generic import DetailView, ListView, TemplateView

from press import languages, search
from press.models import (
    Appointment,
    Attachment,
    Country,
    Occasion,
    Person,
    Photo,
    Post,
    Release,
    Status,
    Topic,
)
from press.site import finder, page_cache, release_links, seo
from press.site.alerts import alerts_link
from press.site.feeds import feed_links
from press.site.filters import ReleaseFilter
from press.site.ranges import ranged_file_response
from press.site.sitemaps import robots_txt_lines


class CountedPaginator(Paginator):
    """A paginator told its count (``counted``) when it is known already, else counting."""

    def __init__(self, *args, counted=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.counted = counted

    @cached_property
    def count(self):
        return self.object_list.count() if self.counted is None else self.counted


class CappedPaginator(CountedPaginator):
    """At most CAP + 1 rows, then \"more than CAP\": told the count, counted to CAP + 1.

    A search has counted its matches already, to choose its order (search.search_counted).
    """

    CAP = search.RANK_LIMIT

    @cached_property
    def count(self):
        return min(super().count, self.CAP + 1)

    @property
    def is_capped(self):
        return self.count > self.CAP


class KnownOrderPaginator(CappedPaginator):
    """A search's pages when its matches are in hand in the results' order
    (ReleaseFilter.known_order, kept with the matches): each page is a slice of those ids,
    and its cards need nothing more (press.site.cards): no query.

    At a million releases a selective search matches ~1,900; asking the database for the
    newest 20 among them walked ~9,000 entries of the public index (1.3 ms), a sixth of the
    page (bench/README.md, sixth round). The kept matches are public ones and as fresh as
    the list's count (ListMemo: until a release changes, at most a minute). A page's
    ``object_list`` is the results' rows of its ids, read only if asked for.
    """

    def __init__(self, queryset, order, per_page, **kwargs):
        super().__init__(order, per_page, **kwargs)
        self.queryset = queryset

    def _get_page(self, ids, number, paginator):
        ids = list(ids)
        page = super()._get_page(self.queryset.filter(pk__in=ids), number, paginator)
        page.ids = ids
        return page


class IdsFirstPaginator(CountedPaginator):
    """Pages read in two steps: their ids from an index alone, then just those rows.

    Page 2,000 skips 40,000 releases, and a list filtered by country and year passes over
    tens of thousands that do not match: skipping entries of the per-language index
    (release_public_<lang>_idx, which carries the event date and kind) is cheap, reading
    whole rows (bodies and all) to skip them grows with the archive. Costs one short query.
    """

    def _get_page(self, object_list, number, paginator):
        ids = list(object_list.values_list("pk", flat=True))
        page = super()._get_page(self.object_list.filter(pk__in=ids), number, paginator)
        # The cards kept in the cache need only these (press.site.cards): rows are read
        # for the others alone.
        page.ids = ids
        return page


# Increase it when a kept hub subject's models change shape (ReleaseListView.kept_subject).
SUBJECT_VERSION = 1


class ReleaseListView(ListView):
    """Published releases in the active language, filtered and paginated.

    An invalid filter answers 400 with the form's errors in the page.
    Country, topic and official pages are this list with one filter fixed.
    """

    template_name = "press/release_list.html"
    paginate_by = settings.PRESS_PAGE_SIZE
    paginator_class = IdsFirstPaginator
    context_object_name = "releases"
    fixed_filter: str | None = None
    feed_name = "press:release_list_feed"
    # Parameters the finder shows no chip for, and "Clear all" keeps (the search's query).
    kept: tuple[str, ...] = ()
    # The drawn filter form is kept until a name or the events offered change (filters_html).
    FORM_TAGS = (page_cache.ALL, page_cache.NAMES, page_cache.EVENTS)

    def get(self, request, *args, **kwargs):
        self.subject = self.get_subject()
        # Kept and stored until a release on this list (or a name) changes.
        page_cache.depends_on(request, *self.page_tags())
        self.memo = page_cache.ListMemo(request, tags=self.page_tags())
        fixed = (self.fixed_filter,) if self.fixed_filter else ()
        self.filterset = ReleaseFilter(
            request.GET,
            queryset=self.get_base_queryset(),
            fixed=fixed,
            remember=self.memo.remember,
        )
        if not self.filterset.is_valid():
            self.object_list = Release.objects.none()
            return self.render_to_response(self.get_context_data(), status=400)
        self.memo.recall(self.kept_parts())
        return super().get(request, *args, **kwargs)

    def kept_parts(self) -> dict:
        """What this page will ask its memo for, {name: tags, None for the list's own}, read
        in one round trip (ListMemo.recall): the count, or a search's matches, and the
        drawn form."""
        if self.query():
            return {search.matches_kept_as(): None, "filters": self.FORM_TAGS}
        return {"count": None, "filters": self.FORM_TAGS}

    def get_subject(self):
        return None

    def kept_subject(self, read):
        """A hub's subject, ``read()`` (a 404 if there is none), kept in the cache until a
        name changes: ``all``, which every change of a country, topic, person, post or
        appointment bumps (press.site.page_cache). Building and running its one or two
        queries was a fifth of an uncached official's page (bench/README.md).

        Hazard: kept as pickled model instances, like a release page's links
        (press.site.release_links): a deploy that changes these models' fields raises
        SUBJECT_VERSION or drops the cache."""
        key = f"subject:{SUBJECT_VERSION}:{self.tag}:{self.kwargs['slug']}"
        return page_cache.remember(key, read, tags=(page_cache.ALL,))

    def page_tags(self):
        """The page cache's tags of this list (press.site.page_cache): ``list`` for the
        lists of every release, the subject's own tag for a hub."""
        if self.subject is None:
            return [page_cache.LIST]
        return [f"{self.tag}:{self.subject.pk}"]

    def get_base_queryset(self):
        return Release.objects.public()

    def get_queryset(self):
        # Its rows are never read: the page's ids are (IdsFirstPaginator, or the search's
        # page), and the cards read the rows they do not keep (press.site.cards, which asks
        # for_cards() itself). Building for_cards()' two prefetch querysets here cost 5 % of
        # an official's page for nothing.
        qs = self.filterset.qs
        # A search orders by relevance itself; everything else is newest first.
        return qs if self.query() else qs.latest()

    def get_paginator(self, queryset, per_page, **kwargs):
        # A broad search matches tens of thousands of releases; counting them all exactly
        # reads every match and tells a reader nothing page 1 does not.
        if self.query():
            counted = self.filterset.matches  # what the search counted (None: not counted)
            order = self.filterset.known_order()
            if order is not None:
                return KnownOrderPaginator(queryset, order, per_page, counted=counted, **kwargs)
            if counted is None:
                capped = queryset[: CappedPaginator.CAP + 1]
                counted = self.memo.remember("matches", capped.count)
            return CappedPaginator(queryset, per_page, counted=counted, **kwargs)
        # Counted once for all the list's pages: a count walks every matching index entry,
        # tens of thousands for a busy country, and would otherwise run on every page.
        counted = self.memo.remember("count", queryset.count)
        return self.paginator_class(queryset, per_page, counted=counted, **kwargs)

    def query(self) -> str:
        return self.filterset.form.cleaned_data.get("q") or ""

    def get_context_data(self, **kwargs):
        chips = finder.chips(self.filterset, self.request, keep=self.kept)
        clear_url = finder.clear_url(self.request, keep=self.kept)
        context = super().get_context_data(
            filter=self.filterset,
            filters_html=self.filters_html(chips, clear_url),
            chips=chips,
            clear_url=clear_url,
            subject=self.subject,
            query=self.query(),
            feeds=self.get_feeds(),
            alerts_url=self.get_alerts_url(),
            **kwargs,
        )
        context["results_heading"] = finder.heading(
            self.filterset, context.get("paginator"), keep=self.kept
        )
        return context

    def filters_html(self, chips, clear_url):
        """The filter form, drawn once per language, list and query (the choices in it)
        until a name or the events offered change: hundreds of options and a template per
        field, the same on every page of the list. An event is offered once a release of it
        is out (``events``, which a change of a release in an event bumps); the most named
        options come first, by counts kept for an hour (press.site.widgets), so a
        publication elsewhere does not draw it again. At most a minute old (ListMemo): a
        release scheduled in an event comes out with no write. A form with errors is drawn
        each time."""

        def draw():
            context = {"filter": self.filterset, "chips": chips, "clear_url": clear_url}
            return render_to_string("includes/release_filters.html", context, self.request)

        if self.filterset.form.errors:
            return draw()
        kept = self.memo.remember("filters", draw, tags=self.FORM_TAGS)
        return mark_safe(kept)  # drawn by the template engine, escaped there

    def get_feeds(self):
        """The feeds of exactly what is listed, for <link rel=alternate> and the page."""
        if self.filterset.form.errors:
            return []
        kwargs = {"slug": self.subject.slug} if self.subject is not None else None
        return feed_links(self.request, name=self.feed_name, kwargs=kwargs)

    def get_alerts_url(self):
        """The e-mail alerts' signup for exactly what is listed; None where a list's filter
        is not one of the list's parameters (a post page's holders)."""
        if self.filterset.form.errors or (self.subject is not None and not self.fixed_filter):
            return None
        fixed = {}
        if self.fixed_filter:
            field = "code" if self.fixed_filter == "country" else "slug"
            fixed[self.fixed_filter] = getattr(self.subject, field)
        return alerts_link(self.request, fixed)


class SearchView(ReleaseListView):
    """The list with a query: names of countries, officials and topics above the releases."""

    template_name = "press/search.html"
    kept = ("q",)

    NAMES_TAGS = (page_cache.NAMES,)

    def get_feeds(self):
        return super().get_feeds() if self.query() else []

    def kept_parts(self):
        parts = super().kept_parts()
        if self.query():
            parts["names"] = self.NAMES_TAGS  # the countries, officials, topics it matched
        return parts

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = context["query"]
        if query:
            # Kept until a name changes: three name searches each search page would repeat.
            context.update(
                self.memo.remember(
                    "names",
                    lambda: {
                        "countries": search.matching_names(Country, query),
                        "officials": search.matching_names(Person, query),
                        "topics": search.matching_names(Topic, query),
                    },
                    tags=self.NAMES_TAGS,
                )
            )
            if not context["paginator"].count:
                context.update(self.closest(query))
        return context

    def closest(self, query):
        """When nothing matches: the closest titles and "did you mean", and the results of
        that corrected query (the other filters kept), unless the reader asked for the
        query exactly as typed (``exact``)."""
        similar = search.similar_releases(self.get_base_queryset().for_cards(), query)
        suggestion = search.did_you_mean(query, similar, languages.current())
        found = {"similar": similar, "suggestion": suggestion}
        if suggestion is None or self.request.GET.get("exact"):
            return found
        data = self.request.GET.copy()
        data["q"] = suggestion
        data.pop("page", None)
        corrected = ReleaseFilter(
            data,
            queryset=self.get_base_queryset(),
            fixed=(self.fixed_filter,) if self.fixed_filter else (),
            # Its own names in the list's memo: the query typed has counted its 0 already.
            remember=lambda name, compute: self.memo.remember(f"corrected:{name}", compute),
        )
        if not corrected.is_valid():
            return found
        releases = list(corrected.qs.for_cards()[: self.paginate_by])
        if not releases:
            return found
        exact = self.request.GET.copy()
        exact["exact"] = "1"
        exact.pop("page", None)
        return {
            **found,
            "corrected": releases,
            "corrected_more": corrected.matches is not None and corrected.matches > len(releases),
            "corrected_url": f"{reverse('press:search')}?{data.urlencode()}",
            "exact_url": f"{reverse('press:search')}?{exact.urlencode()}",
        }


class CountryView(ReleaseListView):
    tag = "country"
    template_name = "press/country_detail.html"
    fixed_filter = "country"
    feed_name = "press:country_feed"

    def get_subject(self):
        return self.kept_subject(lambda: get_object_or_404(Country, slug=self.kwargs["slug"]))

    def get_base_queryset(self):
        return super().get_base_queryset().about(country=self.subject)


class TopicView(ReleaseListView):
    tag = "topic"
    template_name = "press/topic_detail.html"
    fixed_filter = "topic"
    feed_name = "press:topic_feed"

    def get_subject(self):
        return self.kept_subject(lambda: get_object_or_404(Topic, slug=self.kwargs["slug"]))

    def get_base_queryset(self):
        return super().get_base_queryset().about(topic=self.subject)


class OfficialView(ReleaseListView):
    tag = "person"
    template_name = "press/official_detail.html"
    fixed_filter = "official"
    feed_name = "press:official_feed"

    def get_subject(self):
        def read():
            appointments = Appointment.objects.with_names().order_by("-started_on")
            people = Person.objects.prefetch_related(Prefetch("appointments", appointments))
            return get_object_or_404(people, slug=self.kwargs["slug"])

        return self.kept_subject(read)

    def get_base_queryset(self):
        # The person was read with its appointments: about() asks for their ids as values.
        return super().get_base_queryset().about(official=self.subject)

    def get_context_data(self, **kwargs):
        # All appointments stay prefetched for about(); the timeline shows those begun.
        today = timezone.localdate()
        timeline = [a for a in self.subject.appointments.all() if a.started_on <= today]
        return super().get_context_data(timeline=timeline, today=today, **kwargs)


class PostView(ReleaseListView):
    """A post, its holders (current first) and the releases naming any of them in it.

    A post nobody has held yet answers 404: its page would have nothing to say, and a
    holder appointed ahead of the first day may not be announced yet.
    """

    tag = "post"
    template_name = "press/post_detail.html"
    feed_name = "press:post_feed"

    def get_subject(self):
        post = get_object_or_404(Post.objects.select_related("country"), slug=self.kwargs["slug"])
        # Half-open ranges that never overlap: the newest start is the current holder.
        self.holders = list(
            post.appointments.started(timezone.localdate())
            .select_related("person")
            .order_by("-started_on")
        )
        if not self.holders:
            raise Http404("nobody has held this post yet")
        return post

    def get_base_queryset(self):
        return super().get_base_queryset().about(appointment=self.holders)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        public = Release.objects.public()
        holders = [
            {
                "appointment": appointment,
                "current": appointment.is_current_on(today),
                "releases": public.about(appointment=appointment).count(),
            }
            for appointment in self.holders
        ]
        return super().get_context_data(
            holders=holders, description=seo.post_description(self.subject, self.holders), **kwargs
        )


class EventListView(ListView):
    """Events with a release public in this language, the latest first, each with its count."""

    template_name = "press/event_list.html"
    context_object_name = "events"
    paginate_by = settings.PRESS_PAGE_SIZE

    def get_queryset(self):
        return Occasion.objects.public().with_public_count().order_by("-starts_on", "-id")


class EventView(DetailView):
    """An event's hub: what it was, when and where, its releases in the order things
    happened, their photos, the countries and officials they name, and its feeds.

    Everything is read from the releases public in this language (``public().about(event=…)``):
    a draft or a release still to come adds no line, photo, name or count. An event none of
    whose releases is public here is not found (``Occasion.objects.public``).
    """

    template_name = "press/event_detail.html"
    context_object_name = "event"
    # A summit makes a dozen releases, a meeting series may make hundreds over the years.
    paginate_by = 50
    photo_limit = 24

    def get_queryset(self):
        return Occasion.objects.public()

    def get_context_data(self, **kwargs):
        event = self.object
        public = Release.objects.public().about(event=event)
        ids = public.values("pk")
        paginator = Paginator(public.for_cards().chronological(), self.paginate_by)
        page = paginator.get_page(self.request.GET.get("page"))
        photos = (
            Photo.objects.filter(release__in=ids)
            .select_related("release")
            .order_by("release__event_date", "release__published_at", "-is_lead", "order", "id")
        )
        countries = Country.objects.filter(
            pk__in=Release.countries.through.objects.filter(release__in=ids).values("country_id")
        ).order_by("kind", languages.field("name"), "code")
        officials = (
            Appointment.objects.filter(
                pk__in=Release.participants.through.objects.filter(release__in=ids).values(
                    "appointment_id"
                )
            )
            .with_names()
            .order_by("post__seniority", "started_on", "pk")
        )
        return super().get_context_data(
            releases=page.object_list,
            page_obj=page,
            paginator=paginator,
            photos=photos[: self.photo_limit],
            countries=countries,
            officials=officials,
            available_languages=self.languages(event),
            feeds=feed_links(
                self.request, name="press:event_feed", kwargs={"slug": event.slug}, keep_query=False
            ),
            alerts_url=alerts_link(self.request, {"event": event.slug}),
            description=seo.event_description(event),
            json_ld=seo.event(self.request, event),
            **kwargs,
        )

    @staticmethod
    def languages(event) -> list[str]:
        """The languages the hub exists in: those with a public release of the event."""
        flags = {
            code: Count("pk", filter=Q(**{f"in_{languages.suffix(code)}": True}))
            for code in languages.codes()
        }
        counts = Release.objects.published().about(event=event).aggregate(**flags)
        return [code for code, n in counts.items() if n]


class HomeView(TemplateView):
    template_name = "press/home.html"

    # The countries and topics offered are those most named in the latest releases: the
    # news of the moment (a few weeks), and a count over a few hundred rows rather than the
    # archive. So few, PostgreSQL reads their links by index; a few thousand and it would
    # hash every link in the table.
    RECENT = 300

    def get_context_data(self, **kwargs):
        page_cache.depends_on(self.request, page_cache.LIST)
        public = Release.objects.public()
        recent = public.latest().values("pk")[: self.RECENT]
        return super().get_context_data(
            releases=public.for_cards().latest()[:10],
            countries=Country.objects.filter(releases__in=recent)
            .annotate(n=Count("releases"))
            .order_by("-n", "code")[:12],
            topics=Topic.objects.filter(releases__in=recent)
            .annotate(n=Count("releases"))
            .order_by("-n", "slug")[:12],
            feeds=feed_links(self.request, keep_query=False),
            **kwargs,
        )


class ReleaseDetailView(DetailView):
    template_name = "press/release_detail.html"
    context_object_name = "release"

    def get_queryset(self):
        # Public, or withdrawn with its notice: withdrawn pages stay readable. Not the search
        # vector: kilobytes a row that the page never shows.
        # Its links and files are put on it by get_object (press.site.release_links).
        return Release.objects.readable().defer("search_vector")

    def get_object(self, queryset=None):
        try:
            release = super().get_object(queryset)
        except Http404:
            # Published, but not in this language: say where it can be read.
            other = Release.objects.visible().filter(slug=self.kwargs["slug"]).first()
            if other is None or not other.languages_filled():
                # Taken down on purpose: 410 Gone tells search engines to forget it,
                # unless the editor named a public replacement to send readers to.
                unpublished = (
                    Release.objects.filter(slug=self.kwargs["slug"], status=Status.UNPUBLISHED)
                    .select_related("replacement")
                    .first()
                )
                if unpublished is not None:
                    raise ReleaseGone(unpublished.public_replacement()) from None
                raise
            raise ReleaseNotTranslated(other) from None
        release_links.attach(release)
        return release

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except ReleaseNotTranslated as missing:
            context = {"release": missing.release, "available_languages": missing.languages}
            return render(request, "press/release_not_translated.html", context, status=404)
        except ReleaseGone as gone_release:
            if gone_release.replacement is not None:
                # 302: an unpublished release can be redrafted and come back at its address.
                return redirect(gone_release.replacement.get_absolute_url())
            return gone(request)

    def get_context_data(self, **kwargs):
        release = self.object
        # Its own page, and the related releases: those of its countries and topics.
        tags = [
            f"release:{release.pk}",
            *(f"country:{country.pk}" for country in release.countries.all()),
            *(f"topic:{topic.pk}" for topic in release.topics.all()),
        ]
        page_cache.depends_on(self.request, *tags)
        return super().get_context_data(
            available_languages=release.languages_filled(),
            related=self.related(release, tags),
            share=seo.share_links(self.request, release),
            share_card=seo.share_card(self.request, release),
            json_ld=seo.news_article(self.request, release),
            # The Follow block: e-mails about this release; the feeds of every release.
            feeds=feed_links(self.request, keep_query=False),
            alerts_url=self.alerts_url(release),
            **kwargs,
        )

    def alerts_url(self, release) -> str | None:
        """The signup for updates to this release; none once it is withdrawn."""
        if release.status != Status.PUBLISHED:
            return None
        return f"{reverse('press:alerts_subscribe')}?{urlencode({'release': release.slug})}"

    @staticmethod
    def related(release, tags, limit=4):
        """Ids of the newest public releases sharing a country or a topic with this one
        (their cards are kept in the cache: press.site.cards).

        Kept under ``tags``, the page's own (its release, countries and topics): building
        the query was a quarter of an uncached release page's time (bench/README.md). A
        release that joins or leaves the public ones bumps the tags of its countries and
        topics; the age limit covers a scheduled release, whose time comes with no write.
        """

        def read():
            ids = Release.objects.public().related(release).latest().values_list("pk", flat=True)
            return list(ids[:limit])

        key = f"related:{languages.current()}:{release.pk}:{limit}"
        tags = (page_cache.ALL, *tags)
        return page_cache.remember(key, read, page_cache.MAX_SECONDS, tags=tags)


def attachment_download(request, slug, pk):
    """A release's document, as a download: only while the release is readable here."""
    release = get_object_or_404(Release.objects.readable(), slug=slug)
    attachment = get_object_or_404(Attachment, release=release, pk=pk)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = ranged_file_response(
        request,
        handle,
        size=attachment.file.size,
        filename=attachment.download_name(),
        content_type=attachment.content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class ReleaseGone(Exception):
    def __init__(self, replacement=None):
        self.replacement = replacement


class ReleaseNotTranslated(Exception):
    def __init__(self, release):
        self.release = release
        self.languages = release.languages_filled()


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def gone(request):
    return render(request, "410.html", status=410)


def robots_txt(request):
    return HttpResponse("\n".join(robots_txt_lines(request)) + "\n", content_type="text/plain")


def server_error(request):
    # No database, no request context: whatever broke must not break this page too.
    return render(request, "500.html", {"LANGUAGE_CODE": languages.current()}, status=500)
