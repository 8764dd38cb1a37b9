"""The editors' release list on a large archive.

Django's changelist reads every matching row three times besides the page: to count them
for the paginator, then twice for the date hierarchy above the list (MIN/MAX of the date,
then its DISTINCT years or months). For a country named in a third of a million releases
that is three scans of 300,000 rows for a page of 50. Here the count stops at ``COUNT_CAP``
(the page says "more than 10,000"), and a list that long gets its date hierarchy by asking,
a period at a time, whether it has a release, which an index answers at the first match.
"""

import datetime

from django.contrib.admin.views.main import ChangeList
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Max, Min
from django.utils.functional import cached_property

# Past this many matching releases the list stops counting. Paging reaches the first
# COUNT_CAP rows; beyond them an editor narrows the list with the filters or the search.
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """A paginator whose ``count`` stops at COUNT_CAP; ``capped`` says it stopped."""

    capped = False

    @cached_property
    def count(self):
        # Unordered: the rows counted need no order, and an ORDER BY before the LIMIT would
        # make the database sort, or walk an index, to find which rows come first.
        counted = self.object_list.order_by()[: COUNT_CAP + 1].count()
        self.capped = counted > COUNT_CAP
        return min(counted, COUNT_CAP)


class DateHierarchyAnswers:
    """What Django's date hierarchy asks of ``cl.queryset``: the first and last date
    (``aggregate`` of a Min and a Max, answered by ``end``), then the years, months or days
    that have a release (``dates``). Subclasses answer without reading every matching row.

    Hazards: it is not a queryset. It stands in for ``cl.queryset`` only after the page's
    rows are fetched, when the date hierarchy is the one reader left (Django 5.2's
    ``admin_list.date_hierarchy`` calls ``aggregate`` and ``dates``, nothing else). And it
    is for a date field (``event_date``): a datetime's periods would need the local day.
    """

    def aggregate(self, **aggregates):
        answers = {}
        for name, aggregate in aggregates.items():
            assert isinstance(aggregate, Min | Max), aggregate
            (field,) = aggregate.source_expressions
            answers[name] = self.end(field.name, last=isinstance(aggregate, Max))
        return answers

    def end(self, field, last):
        raise NotImplementedError

    def dates(self, field, kind):
        raise NotImplementedError


class PeriodProbe(DateHierarchyAnswers):
    """The date hierarchy of a long list: the first and last date each by one index walk
    (ORDER BY … LIMIT 1), and the years, months or days that have a release by one EXISTS
    each, all in one query."""

    def __init__(self, queryset):
        self.queryset = queryset
        self.ends = {}  # (field, last): the value, asked once (aggregate, then dates, ask)

    def end(self, field, last):
        """The first (or last) value of ``field`` among the rows."""
        if (field, last) not in self.ends:
            ordered = self.queryset.order_by(f"-{field}" if last else field)
            self.ends[field, last] = ordered.values_list(field, flat=True).first()
        return self.ends[field, last]

    def dates(self, field, kind):
        first, last = self.end(field, last=False), self.end(field, last=True)
        if first is None:
            return []
        spans = list(periods(first, last, kind))
        # One query whatever the number of periods: SELECT EXISTS(…), EXISTS(…), …, each
        # over the filtered rows' dates within a period. The filtered query is compiled
        # once and its SQL repeated: a queryset and an Exists() for each period were built
        # and compiled one by one, a sixth of the editors' list. The database folds the
        # subquery into each EXISTS, so the date index still answers it at the first match.
        rows = self.queryset.order_by().values(field)
        database = connections[self.queryset.db]
        sql, params = rows.query.get_compiler(connection=database).as_sql()
        column = database.ops.quote_name(field)
        adapt = database.ops.adapt_datefield_value
        probe = f"EXISTS(SELECT 1 FROM ({sql}) matching WHERE matching.{column} BETWEEN %s AND %s)"
        with database.cursor() as cursor:
            cursor.execute(
                "SELECT " + ", ".join([probe] * len(spans)),
                [value for span in spans for value in (*params, *map(adapt, span))],
            )
            present = cursor.fetchone()
        return [start for (start, _), has in zip(spans, present, strict=True) if has]


class KnownDates(DateHierarchyAnswers):
    """The date hierarchy from the dates of the matching rows, already read: a search
    matching no more than COUNT_CAP releases reads each one's id and date once
    (ReleaseChangeList.search_once). At a million releases the MIN/MAX and the DISTINCT
    over those ids were half the searched list's time in the database after the search."""

    def __init__(self, dates):
        self.found = sorted(set(dates))

    def end(self, field, last):
        if not self.found:
            return None
        return self.found[-1] if last else self.found[0]

    def dates(self, field, kind):
        starts = {period_start(day, kind) for day in self.found}
        return sorted(starts)


def period_start(day, kind):
    """The first day of the year, month or day (``kind``) holding ``day``."""
    if kind == "year":
        return day.replace(month=1, day=1)
    if kind == "month":
        return day.replace(day=1)
    return day


def periods(first, last, kind):
    """(start, end) of each year, month or day from the one holding ``first`` to the one
    holding ``last``, both dates."""
    if kind == "day":
        day = first
        while day <= last:
            yield day, day
            day += datetime.timedelta(days=1)
        return
    start = period_start(first, kind)
    while start <= last:
        if kind == "year":
            following = start.replace(year=start.year + 1)
        elif start.month == 12:
            following = start.replace(year=start.year + 1, month=1)
        else:
            following = start.replace(month=start.month + 1)
        yield start, following - datetime.timedelta(days=1)
        start = following


class ReleaseChangeList(ChangeList):
    # What the list never shows: a 9 KB search vector, and the leads, bodies and notes of
    # every language (modeltranslation expands each name). Actions still get whole rows:
    # they build their own queryset (get_queryset).
    UNSHOWN = ("search_vector", "lead", "body", "change_note", "withdrawal_reason")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each row's link carries the list's filters, so that saving the release comes back
        # to the same list. Django's items_for_result adds them to every link with
        # add_preserved_filters, which resolves the link's URL once per row (a tenth of the
        # list's CPU) to learn it is not the list's own. url_for_result puts them there
        # instead; with preserved_filters empty, add_preserved_filters keeps the link's query.
        self.row_filters, self.preserved_filters = self.preserved_filters, ""

    def url_for_result(self, result):
        url = super().url_for_result(result)
        return f"{url}?{self.row_filters}" if self.row_filters else url

    def get_results(self, request):
        searched_once = self.query and self.search_once()
        self.queryset = self.queryset.defer(*self.UNSHOWN)
        super().get_results(request)
        # Only the date hierarchy reads the queryset after this.
        if searched_once:
            self.queryset = KnownDates(self.searched_dates)
        elif self.query:
            # Its MIN/MAX would walk the event_date index testing four folded titles a row
            # until one matches (slow for a rare word); by id, the search's trigram indexes
            # answer first.
            self.queryset = self.root_queryset.filter(pk__in=self.queryset.values("pk"))
        if self.paginator.capped:
            self.queryset = PeriodProbe(self.queryset)

    def search_once(self) -> bool:
        """Replaces a search's condition by the ids it matches, when they are no more than
        COUNT_CAP: else the count, the page and the date hierarchy each run the search
        again (four folded titles and the slug through their trigram indexes). Their dates,
        read with them, answer the date hierarchy (KnownDates). Says whether it did; a
        search matching more keeps its condition, and the capped count."""
        found = self.queryset.order_by().values_list("pk", self.date_hierarchy)
        found = list(found[: COUNT_CAP + 1])
        if len(found) > COUNT_CAP:
            return False
        ordering = self.queryset.query.order_by
        self.queryset = self.root_queryset.among([pk for pk, _ in found]).order_by(*ordering)
        self.searched_dates = [day for _, day in found]
        return True
