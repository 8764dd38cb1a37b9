"""Which releases each surface may read: ReleaseQuerySet's verbs, the one vocabulary for it.

Views, feeds, sitemaps, search, the desk and the admin all start from these:

- ``public(code)``: what a visitor may list and read in a language (published, due, written
  in it); ``readable(code)`` adds withdrawn releases, whose pages stay with a notice;
- ``published()`` / ``scheduled()``: due or still to come, in any language;
  ``published_between(start, end)``: due within a period (an e-mail digest's);
- ``about(country=…, topic=…, official=…, event=…)``: releases naming a subject;
- ``related(release)``: releases sharing a country or a topic with one;
- ``counts_by()``: how many of these releases name each country, topic and official;
- ``needing_translation(code)``: text missing, outdated or machine-made in a language.

Release's methods ``is_published()``, ``is_scheduled()`` and ``is_public(code)`` say the
same of one release. The conditions themselves are in press/models/rules.py.
"""

import datetime

from django.db import connection, models

from press import languages
from press.models import rules
from press.models.files import Photo
from press.models.reference import Country


def filled_flag(code: str | None = None) -> str:
    """``in_uz_cyrl``: the Release field saying the language's title and body are written."""
    return f"in_{languages.suffix(code or languages.current())}"


class _AnyOf(models.Lookup):
    """``<column> = ANY(%s::bigint[])``: the ids as one array parameter. A lookup, so that
    the column is named as the query at hand aliases it (inside an ``Exists``, say).

    The array is sent as its text, '{1,2,3}', which the database parses: given a list,
    psycopg writes it out element by element in Python, ~0.5 ms of CPU for the ~900 ids a
    search matches at a million releases (0.08 ms as text)."""

    prepare_rhs = False  # the ids go to the driver as one value

    def as_sql(self, compiler, connection):
        column, params = self.process_lhs(compiler, connection)
        # int(): ids, never text that could close the literal.
        ids = "{" + ",".join(map(str, map(int, self.rhs))) + "}"
        return f"{column} = ANY(%s::bigint[])", [*params, ids]


def among_ids(ids: list):
    """The releases with these ids, as a condition. On PostgreSQL one array parameter: a
    list of hundreds of ids, each a parameter, takes longer to compile and send than the
    query takes to run."""
    if connection.vendor == "postgresql":
        return _AnyOf(models.F("pk"), ids)
    return models.Q(pk__in=ids)


def _several(value) -> list:
    """One model instance as a list of one; several (a list, a queryset) as they are."""
    return [value] if isinstance(value, models.Model) else value


class ReleaseQuerySet(models.QuerySet):
    def among(self, ids: list):
        """The releases with these ids (a list in hand: a search's, a list's matches)."""
        return self.filter(among_ids(ids))

    # --- Status and time ------------------------------------------------------------------

    def published(self, *, since: datetime.datetime | None = None):
        """Published releases whose publication time has come, in any language; with
        ``since``, those published at or after that moment."""
        return self.filter(rules.published(since=since))

    def published_between(self, start: datetime.datetime, end: datetime.datetime):
        """Published releases whose publication time fell in [start, end) and has come: a
        digest's period, which the next period starts where this one ends without overlap."""
        return self.filter(rules.published(end - datetime.timedelta(microseconds=1), since=start))

    def scheduled(self, *, within: datetime.timedelta | None = None):
        """Published releases whose publication time is still to come; with ``within``, those
        due within that time from now."""
        return self.filter(rules.scheduled(within=within))

    def visible(self):
        """Published or withdrawn releases whose publication time has come, in any language."""
        return self.filter(rules.visible())

    # --- Languages ------------------------------------------------------------------------

    def in_language(self, code: str | None = None):
        """Releases whose title and body are written in the language (the active one).

        Asks the stored flag ``in_<lang>``, which the database computes from the title and
        body on every write: an indexed boolean, where testing the text would read every
        body of the table.
        """
        return self.filter(**{filled_flag(code): True})

    def public(self, code: str | None = None):
        """Published, due and written in the language: what a visitor may list and read."""
        return self.published().in_language(code)

    def readable(self, code: str | None = None):
        """What the detail page shows: public, or withdrawn after its publication time.

        A withdrawn release keeps its page (with a dated notice) but leaves listings, feeds,
        sitemaps and search, which all use ``public()``.
        """
        return self.visible().in_language(code)

    def needing_translation(self, code: str | None = None):
        """Releases whose text in ``code`` (with none: in some language) is missing,
        outdated or machine-made."""
        return self.filter(rules.needing_translation(code))

    # --- What a release names -------------------------------------------------------------

    def about(self, *, country=None, topic=None, official=None, appointment=None, event=None):
        """Releases naming every subject given: ``country`` a Country, ``topic`` a Topic,
        ``official`` a Person (in any post they held), ``appointment`` an Appointment (a
        person in one post: a post page's holder), ``event`` an Occasion (tagged with it);
        for each, several (a list or a queryset) mean any of them.

        Each is a semi-join, ``pk IN`` the release ids of the link table's rows: a join
        would list a release once per matching link, and the DISTINCT that folds them back
        compares whole rows, bodies and all. The link tables are indexed by subject, then
        release (migration 0012), in the same order as release_public_ids_<lang>_idx.
        """
        return self.filter(self.about_condition(
            country=country, topic=topic, official=official, appointment=appointment, event=event
        ))  # fmt: skip

    def about_condition(
        self, *, country=None, topic=None, official=None, appointment=None, event=None
    ) -> models.Q:
        """``about()``'s condition, for a query that combines it with others (search: the
        text's matches or the releases tagged with what the query names)."""
        condition = models.Q()
        if country is not None:
            condition &= models.Q(pk__in=self._links("countries", "country", country))
        if topic is not None:
            condition &= models.Q(pk__in=self._links("topics", "topic", topic))
        if official is not None:
            # The appointments' ids as values, not a subquery on the person: told them, the
            # planner knows how many links to expect and merges the two indexes in id order.
            # A person read with its appointments (prefetched) costs no query here.
            held = [a.pk for person in _several(official) for a in person.appointments.all()]
            condition &= models.Q(pk__in=self._links("participants", "appointment", held))
        if appointment is not None:
            condition &= models.Q(pk__in=self._links("participants", "appointment", appointment))
        if event is not None:
            condition &= models.Q(pk__in=self._links("occasions", "occasion", event))
        return condition

    def naming_none(self, relation: str):
        """Releases with no link in ``relation`` ("countries", "topics"): the admin's "-"
        choice, for releases still to be tagged. A semi-join too, for the reason above."""
        links = getattr(self.model, relation).through.objects
        return self.exclude(pk__in=links.values("release_id"))

    def related(self, release):
        """Releases other than ``release`` that share a country or a topic with it; none if
        it names neither. Uses the release's countries and topics as prefetched.

        One EXISTS over both link tables: each release once, without DISTINCT. Not an OR
        of two ``pk IN`` semi-joins: PostgreSQL cannot turn an OR into a join, so it would
        hash every link of the shared countries and topics (tens of thousands for a busy
        one) before reading a release. Over a UNION ALL it walks the newest releases and
        probes each one's links, stopping when the page is full. With countries or topics
        alone it is a plain EXISTS, which PostgreSQL plans as a semi-join.
        """
        countries = [country.pk for country in release.countries.all()]
        topics = [topic.pk for topic in release.topics.all()]
        links = []
        if countries:
            links.append(self._links("countries", "country", countries))
        if topics:
            links.append(self._links("topics", "topic", topics))
        if not links:
            return self.none()
        of_each = [rows.filter(release_id=models.OuterRef("pk")) for rows in links]
        shared = of_each[0].union(*of_each[1:], all=True)
        return self.filter(models.Exists(shared)).exclude(pk=release.pk)

    def counts_by(self) -> dict[str, dict[int, int]]:
        """How many of these releases name each subject: {"countries": {id: n}, "topics":
        {id: n}, "officials": {person id: n, over every post they held}}.

        One query: a grouped count over each link table, semi-joined to these releases'
        ids, the three joined by UNION ALL. The finder offers the most-named subjects first.
        """
        ids = self.values("pk")
        grouped = []
        for name, relation, key in (
            ("countries", "countries", "country_id"),
            ("topics", "topics", "topic_id"),
            ("officials", "participants", "appointment__person_id"),
        ):
            links = getattr(self.model, relation).through.objects
            grouped.append(
                links.filter(release_id__in=ids)
                .annotate(about=models.Value(name))
                .values_list("about", key)
                .annotate(n=models.Count("release_id", distinct=True))
                .order_by()
            )
        counts = {"countries": {}, "topics": {}, "officials": {}}
        for about, pk, n in grouped[0].union(*grouped[1:], all=True):
            counts[about][pk] = n
        return counts

    def _links(self, relation: str, subject: str, value):
        """The release ids of ``relation``'s link table ("countries") whose ``subject``
        ("country") is the one given, or any of several."""
        links = getattr(self.model, relation).through.objects
        return links.filter(**{f"{subject}__in": _several(value)}).values("release_id")

    # --- Reading them ---------------------------------------------------------------------

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

    def chronological(self):
        """In the order things happened: event date, then publication, oldest first (an
        event's page tells its week as it went)."""
        return self.order_by("event_date", "published_at", "id")

    def latest(self):
        """Newest publication first, the id breaking ties so that pages do not overlap."""
        return self.order_by("-published_at", "-id")

    def after(self, published_at: datetime.datetime, pk: int):
        """Releases that come after (``published_at``, ``pk``) in ``latest()`` order: the
        next page of a cursor (the public API), which a release published meanwhile, at the
        top of the order, cannot shift."""
        return self.filter(
            models.Q(published_at__lt=published_at) | models.Q(published_at=published_at, pk__lt=pk)
        )
