"""The public list's filters: validated query builders for ?country=UZ&topic=trade&…

Only queries: how the form is drawn is in press.site.widgets, and what a list keeps in
the cache (its counts) in press.site.page_cache.
"""

import django_filters as df
from django.utils.translation import gettext_lazy as _

from press.models import Country, Kind, Person, Release, Topic
from press.search import MAX_QUERY_LENGTH, search_counted
from press.site.widgets import DateInput, QuickSelect, QuickSelectMultiple, offer_names

MULTIPLE_HINT = _("To choose several, hold Ctrl (⌘ on a Mac) while you click.")


class ReleaseFilter(df.FilterSet):
    q = df.CharFilter(label=_("Search"), method="filter_q", max_length=MAX_QUERY_LENGTH * 50)
    country = df.ModelMultipleChoiceFilter(
        label=_("Country or organisation"),
        to_field_name="code",
        queryset=Country.objects.all(),
        help_text=MULTIPLE_HINT,
        widget=QuickSelectMultiple,
        method="filter_about",
    )
    topic = df.ModelMultipleChoiceFilter(
        label=_("Topic"),
        to_field_name="slug",
        queryset=Topic.objects.all(),
        help_text=MULTIPLE_HINT,
        widget=QuickSelectMultiple,
        method="filter_about",
    )
    official = df.ModelChoiceFilter(
        label=_("Official"),
        to_field_name="slug",
        queryset=Person.objects.all(),
        empty_label=_("Any official"),
        widget=QuickSelect,
        method="filter_about",
    )
    kind = df.ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, empty_label=_("Any kind"), widget=QuickSelect
    )
    date_from = df.DateFilter(
        label=_("From"),
        field_name="event_date",
        lookup_expr="gte",
        widget=DateInput(),
    )
    date_to = df.DateFilter(
        label=_("To"),
        field_name="event_date",
        lookup_expr="lte",
        widget=DateInput(),
    )

    # A search is ranked (press.search.engine); a reader may ask for the newest first.
    sort = df.ChoiceFilter(
        label=_("Order"),
        choices=[("date", _("Newest first"))],
        empty_label=_("Best match first"),
        widget=QuickSelect,
        method="filter_sort",
    )

    # Filters that take one value: a repeated parameter is an error, not a guess.
    single_valued = ("q", "official", "kind", "date_from", "date_to", "sort")
    # Applied after the search, in this order: the search counts what the others leave, and
    # the order is chosen last.
    last = ("q", "sort")

    class Meta:
        model = Release
        fields = ["q", "country", "topic", "official", "kind", "date_from", "date_to", "sort"]

    def __init__(self, data=None, *args, fixed=(), remember=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        # How the search may keep its count, remember(name, compute) (a ListMemo's, in
        # press.site.page_cache); None counts every time.
        self.remember = remember
        # A country, topic or official page fixes its own filter and hides it; without a
        # search there is no match to rank, and no order to choose.
        for name in fixed:
            self.filters.pop(name, None)
        if not (data or {}).get("q"):
            self.filters.pop("sort", None)
        if "country" in self.form.fields:
            field = self.form.fields["country"]
            field.queryset = field.queryset.filter(active=True).order_by("kind", "name")
        # The names are drawn from plain rows kept in the cache (press.site.widgets); the
        # fields still validate what is sent against their querysets.
        for name in ("country", "topic", "official"):
            if name in self.form.fields:
                offer_names(self.form.fields[name])

    def is_valid(self):
        valid = super().is_valid()
        if self.data is not None:
            for name in self.single_valued:
                if name in self.form.fields and len(self.data.getlist(name)) > 1:
                    self.form.add_error(name, _("Give this filter only one value."))
                    valid = False
            start = self.form.cleaned_data.get("date_from")
            end = self.form.cleaned_data.get("date_to")
            if start and end and start > end:
                self.form.add_error("date_to", _("The end date is before the start date."))
                valid = False
        return valid

    def active(self) -> bool:
        """Whether any filter is chosen (the phone layout then keeps the form open)."""
        data = getattr(self.form, "cleaned_data", {}) or {}
        return any(data.get(name) for name in self.form.fields)

    # How many releases the search matched, counted up to search.RANK_LIMIT + 1 (None: not
    # counted, or no search); the list's paginator uses it instead of counting again.
    matches = None

    def filter_queryset(self, queryset):
        # The search last, so that what it counts is what the other filters leave.
        data = self.form.cleaned_data
        for name in sorted(data, key=lambda name: (name in self.last, name == "sort")):
            queryset = self.filters[name].filter(queryset, data[name])
        return queryset

    def filter_q(self, queryset, name, value):
        found, self.matches = search_counted(queryset, value, self.remember)
        return found

    def filter_sort(self, queryset, name, value):
        return queryset.order_by("-published_at", "-id") if value == "date" else queryset

    def filter_about(self, queryset, name, value):
        """Releases about the chosen countries, topics or official (``name`` is the filter's,
        as about() takes it)."""
        if not value:  # nothing chosen: an empty queryset (.none(), no query) or None
            return queryset
        return queryset.about(**{name: value})
