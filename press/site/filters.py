"""The public list's filters: validated query builders for ?country=UZ&topic=trade&…

Only queries: how the form is drawn is in press.site.widgets, and what a list keeps in
the cache (its counts) in press.site.page_cache.
"""

import copy
import datetime
import re

import django_filters as df
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from press.models import Country, Kind, Occasion, Person, Release, Topic
from press.search import MAX_QUERY_LENGTH, search_counted
from press.site.widgets import CheckboxList, DateParts, RadioList, offer_names

DATE_HINT = _("For example, 27 3 2026")
NUMBER = re.compile(r"[0-9]+")


def nothing_chosen(value) -> bool:
    """True when a filter's cleaned value chooses nothing: None, "", an empty list, or an
    empty ``.none()`` queryset.

    Never ``not value`` on a queryset: that evaluates it, compiling SQL for a query Django
    then skips, on every list page for each of the three lists. A chosen value is a
    queryset read already (the field checked every code it was sent): no query here.
    """
    if isinstance(value, QuerySet):
        return value.query.is_empty() or not value
    return value in (None, "") or (isinstance(value, list | tuple) and not value)


class CopiedCheaply:
    """A filter that a filterset copies field by field, not deeply.

    Every filterset deep-copies its class's filters (django-filter's FilterSet.__init__):
    their labels, field arguments and choices, walked object by object, were a third of
    the list's filter form on every list page (bench/README.md, sixth round). A filter's
    own state is its ``extra`` (the field's arguments, which the filterset changes: the
    queryset) and the field it makes; what they hold (labels, choices, widget classes,
    functions) is never changed in place, so sharing it is safe.
    """

    def __deepcopy__(self, memo):
        copied = copy.copy(self)
        copied.extra = dict(self.extra)
        copied.__dict__.pop("_field", None)  # made from the copy's own arguments
        if self.method is not None:
            # django-filter binds a method filter to its filter (FilterMethod(self)), whose
            # parent filterset is where the method is looked up: bind the copy's own.
            copied.method = self.method
        return copied


class DatePartsField(forms.MultiValueField):
    """A day, a month and a year typed in three boxes (press.site.widgets.DateParts), or an
    older link's single date (``date_from=2026-01-31``, or the language's own format, as
    forms.DateField reads it: the feeds' links and the API send these)."""

    widget = DateParts

    def __init__(self, **kwargs):
        kwargs.pop("input_formats", None)
        kwargs.pop("required", None)  # a filter is never required
        self.single = forms.DateField(required=False)
        parts = (forms.CharField(), forms.CharField(), forms.CharField())
        super().__init__(parts, require_all_fields=False, required=False, **kwargs)

    def clean(self, value):
        if not isinstance(value, list | tuple):
            return self.single.clean(value)
        day, month, year = (str(part or "").strip() for part in value)
        if not (day or month or year):
            return None
        if not (day and month and year):
            raise ValidationError(_("Enter a day, a month and a year."), code="incomplete")
        if not all(NUMBER.fullmatch(part) for part in (day, month, year)):
            raise ValidationError(
                _("Enter the day, the month and the year as numbers."), code="invalid"
            )
        if len(year) != 4:
            raise ValidationError(_("Enter the year in four digits."), code="invalid_year")
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(_("Enter a real date."), code="invalid_date") from None

    def compress(self, data_list):  # clean() does it all; MultiValueField asks for one
        return data_list


class DatePartsFilter(CopiedCheaply, df.DateFilter):
    field_class = DatePartsField


class QuerysetOnUse:
    """A model choice field given a function for its queryset, which it calls when the
    queryset is first read: to check a value sent, or to draw the options.

    The list's filter form is made on every list page and most pages choose nothing:
    making its four querysets (the events' with a subquery and the publication rule), and
    cloning each when the form copies its fields, was two fifths of the form's time
    (bench/README.md). A queryset given as such is used as Django's field uses it.
    """

    make_queryset = None

    def __init__(self, queryset=None, **kwargs):
        make = queryset if callable(queryset) else None  # a QuerySet or Manager is not
        super().__init__(queryset=None if make else queryset, **kwargs)
        self.make_queryset = make

    @property
    def queryset(self):
        if self.make_queryset is not None:
            # Not through the setter: that would also replace the options the widget was
            # given (press.site.widgets.offer_names), which read this queryset themselves.
            self._queryset, self.make_queryset = self.make_queryset(), None
        return self._queryset

    @queryset.setter
    def queryset(self, queryset):
        self.make_queryset = None
        forms.ModelChoiceField.queryset.fset(self, queryset)

    def __deepcopy__(self, memo):
        if self.make_queryset is None:
            return super().__deepcopy__(memo)
        # ModelChoiceField's copy without the queryset's clone: the copy makes its own.
        result = forms.Field.__deepcopy__(self, memo)
        # Its own options, not the original's; a function, so that nothing reads the
        # queryset (a ModelChoiceIterator does when made) until they are drawn.
        result.widget.choices = lambda: result.choices
        return result


class ModelChoiceOnUse(QuerysetOnUse, df.fields.ModelChoiceField):
    pass


class ModelMultipleChoiceOnUse(QuerysetOnUse, df.fields.ModelMultipleChoiceField):
    def clean(self, value):
        # Nothing chosen is an empty list, not ``queryset.none()``: no queryset to make.
        if not self.required and not value:
            return []
        return super().clean(value)


class QuerysetOnUseFilter(CopiedCheaply):
    """A django-filter filter whose queryset function is called by its field when first
    needed (QuerysetOnUse), not when the form is made.

    The function takes no request, as django-filter's would: the form class holding it is
    shared by every request (ReleaseFilter.get_form_class)."""

    def get_queryset(self, request):
        return self.queryset


class ModelChoiceFilter(QuerysetOnUseFilter, df.ModelChoiceFilter):
    field_class = ModelChoiceOnUse


class ModelMultipleChoiceFilter(QuerysetOnUseFilter, df.ModelMultipleChoiceFilter):
    field_class = ModelMultipleChoiceOnUse


class CharFilter(CopiedCheaply, df.CharFilter):
    pass


class ChoiceFilter(CopiedCheaply, df.ChoiceFilter):
    pass


# The lists' querysets: functions, called when a field first needs one (QuerysetOnUse), not
# querysets in the class. Every filterset copies its class's filters, and a queryset there
# was deep-copied with its whole query; these orders also name translated fields, which
# modeltranslation resolves in the language active when the queryset is made, not when it
# is defined.


def active_countries():
    return Country.objects.filter(active=True).order_by("kind", "name")


def all_topics():
    return Topic.objects.all()


def people_with_appointments():
    # Each chosen person's appointments are what about() looks up: read with them.
    return Person.objects.prefetch_related("appointments")


def public_events():
    # An event is public once one of its releases is (Occasion.objects.public); its time
    # is now, when the form is made.
    return Occasion.objects.public()


class ReleaseFilter(df.FilterSet):
    q = CharFilter(label=_("Search"), method="filter_q", max_length=MAX_QUERY_LENGTH * 50)
    country = ModelMultipleChoiceFilter(
        label=_("Country or organisation"),
        to_field_name="code",
        queryset=active_countries,
        widget=CheckboxList,
        method="filter_about",
    )
    topic = ModelMultipleChoiceFilter(
        label=_("Topic"),
        to_field_name="slug",
        queryset=all_topics,
        widget=CheckboxList,
        method="filter_about",
    )
    official = ModelMultipleChoiceFilter(
        label=_("Official"),
        to_field_name="slug",
        queryset=people_with_appointments,
        widget=CheckboxList,
        method="filter_about",
    )
    # Offered from the events that are public, read when drawn (few rows): not kept with the
    # other names, which a publication does not make stale, and which could then name an
    # event whose first release is not out.
    event = ModelChoiceFilter(
        label=_("Event"),
        to_field_name="slug",
        queryset=public_events,
        empty_label=_("Any event"),
        blank=True,
        widget=RadioList,
        method="filter_about",
    )
    kind = ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, empty_label=_("Any kind"), widget=RadioList
    )
    # Three boxes each (date_from_day, date_from_month, date_from_year), or the single
    # date_from=YYYY-MM-DD of older links, the feeds and the API.
    date_from = DatePartsFilter(
        label=_("From"), field_name="event_date", lookup_expr="gte", help_text=DATE_HINT
    )
    date_to = DatePartsFilter(
        label=_("To"), field_name="event_date", lookup_expr="lte", help_text=DATE_HINT
    )

    # A search is ranked (press.search.engine); a reader may ask for the newest first.
    sort = ChoiceFilter(
        label=_("Order"),
        choices=[("date", _("Newest first"))],
        empty_label=_("Best match first"),
        widget=RadioList,
        method="filter_sort",
    )

    # Filters that take one value: a repeated parameter is an error, not a guess.
    single_valued = ("q", "event", "kind", "date_from", "date_to", "sort")
    # Applied after the search, in this order: the search counts what the others leave, and
    # the order is chosen last.
    last = ("q", "sort")

    class Meta:
        model = Release
        fields = [
            "q",
            "country",
            "topic",
            "official",
            "event",
            "kind",
            "date_from",
            "date_to",
            "sort",
        ]

    # The form class of each set of filters (a hub hides its own, a list without a search
    # the order), made once: making it makes every filter's field, a quarter of the filter
    # form's time on every list page. Nothing in it is a request's: the fields' querysets
    # are functions of nothing (QuerysetOnUse), and each form deep-copies its class's fields
    # before it changes them (offer_names below).
    form_classes: dict[tuple[str, ...], type] = {}

    def get_form_class(self):
        names = tuple(self.filters)
        form_class = self.form_classes.get(names)
        if form_class is None:
            form_class = self.form_classes[names] = super().get_form_class()
        return form_class

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
        # The names are drawn from plain rows kept in the cache (press.site.widgets); the
        # fields still validate what is sent against their querysets.
        counted = {"country": "countries", "topic": "topics", "official": "officials"}
        for name, relation in counted.items():
            if name in self.form.fields:
                offer_names(self.form.fields[name], counted=relation)

    def is_valid(self):
        valid = super().is_valid()
        if self.data is not None:
            for name in self.single_valued:
                sent = [name, *(name + suffix for suffix in DateParts.suffixes)]
                if name in self.form.fields and any(len(self.data.getlist(n)) > 1 for n in sent):
                    self.form.add_error(name, _("Give this filter only one value."))
                    valid = False
            start = self.form.cleaned_data.get("date_from")
            end = self.form.cleaned_data.get("date_to")
            if start and end and start > end:
                self.form.add_error("date_to", _("The end date is before the start date."))
                valid = False
        return valid

    # How many releases the search matched, counted up to search.RANK_LIMIT + 1 (None: not
    # counted, or no search); the list's paginator uses it instead of counting again.
    matches = None

    def filter_queryset(self, queryset):
        # The search last, so that what it counts is what the other filters leave.
        data = self.form.cleaned_data
        for name in sorted(data, key=lambda name: (name in self.last, name == "sort")):
            queryset = self.filters[name].filter(queryset, data[name])
        return queryset

    # What the search matched (press.search.engine.Matching), None without a search.
    found = None

    def filter_q(self, queryset, name, value):
        results, self.matches, self.found = search_counted(queryset, value, self.remember)
        return results

    def known_order(self) -> list | None:
        """The ids of the results in their order, when the search has them all in hand
        (kept with its matches); None when only the database knows it. A filter applied
        after the search (``last``) must keep this true: ``sort`` asks for the date order."""
        if self.found is None:
            return None
        return self.found.ordered(by_date=self.form.cleaned_data.get("sort") == "date")

    def filter_sort(self, queryset, name, value):
        return queryset.order_by("-published_at", "-id") if value == "date" else queryset

    def filter_about(self, queryset, name, value):
        """Releases about the chosen countries, topics or official (``name`` is the filter's,
        as about() takes it)."""
        if nothing_chosen(value):
            return queryset
        return queryset.about(**{name: value})
