"""The public list's filters: validated query builders for ?country=UZ&topic=trade&…"""

import datetime
import hashlib
import html
from functools import cache, partial

import django_filters as df
from django import forms
from django.forms.utils import flatatt
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import resolution_order

from press import languages
from press.models import Country, Kind, Person, Release, Topic
from press.search import MAX_QUERY_LENGTH, search_counted
from press.site import page_cache


class DateInput(forms.DateInput):
    """<input type="date">, whose value must be an ISO date (YYYY-MM-DD) or nothing.

    A date typed in the local way (05.11.2020) is shown back in ISO form; one that is not
    a date at all is not shown back (the error message under the field names it), so the
    page stays valid HTML.
    """

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        if isinstance(value, str):
            for fmt in ["%Y-%m-%d", *formats.get_format("DATE_INPUT_FORMATS")]:
                try:
                    return datetime.datetime.strptime(value.strip(), fmt).date().isoformat()
                except ValueError:
                    continue
            return None
        return super().format_value(value)


class OptionsInPython:
    """A <select> whose <option>s are written in Python, not through a template each.

    The list's filter form offers ~260 countries and organisations, ~40 officials and the
    topics: Django's option template, included once per option, cost ~30 ms of every list
    page at 100,000 releases (bench/README.md). Flat choices only; the markup is Django's.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        # html.escape is what django.utils.html.escape does, without its lazy-string wrapper.
        options = "".join(
            f'<option value="{html.escape(str(option))}"'
            f"{' selected' if str(option) in chosen else ''}>{html.escape(str(label))}</option>"
            for option, label in self.choices
        )
        return mark_safe(
            f'<select name="{html.escape(name)}"{flatatt(final_attrs)}>{options}</select>'
        )


def name_choices(field, value_field: str) -> list[tuple[str, str]]:
    """The field's options: (value, name) of each row, the name in the active language or
    its fallback (as str() gives it), after the empty choice if the field has one.

    Two columns a row instead of a model instance with every translated column, kept in
    the cache until a name changes: the form offers every country on every list page.
    """
    code = languages.current()

    def rows():
        columns = [languages.field("name", c) for c in resolution_order(code)]
        rows = field.queryset.values_list(value_field, *columns)
        return [(value, next((name for name in names if name), value)) for value, *names in rows]

    model = field.queryset.model._meta.model_name
    key = f"options:{model}:{value_field}:{code}"
    names = page_cache.remember(key, rows, generation_key=page_cache.NAMES_GENERATION_KEY)
    return ([] if field.empty_label is None else [("", field.empty_label)]) + names


class QuickSelect(OptionsInPython, forms.Select):
    pass


class QuickSelectMultiple(OptionsInPython, forms.SelectMultiple):
    pass


MULTIPLE_HINT = _("To choose several, hold Ctrl (⌘ on a Mac) while you click.")


class ReleaseFilter(df.FilterSet):
    q = df.CharFilter(label=_("Search"), method="filter_q", max_length=MAX_QUERY_LENGTH * 50)
    country = df.ModelMultipleChoiceFilter(
        label=_("Country or organisation"),
        field_name="countries__code",
        to_field_name="code",
        queryset=Country.objects.all(),
        help_text=MULTIPLE_HINT,
        widget=QuickSelectMultiple,
        method="filter_linked",
    )
    topic = df.ModelMultipleChoiceFilter(
        label=_("Topic"),
        field_name="topics__slug",
        to_field_name="slug",
        queryset=Topic.objects.all(),
        help_text=MULTIPLE_HINT,
        widget=QuickSelectMultiple,
        method="filter_linked",
    )
    official = df.ModelChoiceFilter(
        label=_("Official"),
        field_name="participants__person",
        to_field_name="slug",
        queryset=Person.objects.all(),
        empty_label=_("Any official"),
        widget=QuickSelect,
        method="filter_linked",
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

    # The filters offering names, by the column their values are.
    OPTIONS = {"country": "code", "topic": "slug", "official": "slug"}

    # Filters that take one value: a repeated parameter is an error, not a guess.
    single_valued = ("q", "official", "kind", "date_from", "date_to")

    class Meta:
        model = Release
        fields = ["q", "country", "topic", "official", "kind", "date_from", "date_to"]

    def __init__(self, data=None, *args, fixed=(), **kwargs):
        super().__init__(data, *args, **kwargs)
        # A country, topic or official page fixes its own filter and hides it.
        for name in fixed:
            self.filters.pop(name, None)
        if "country" in self.form.fields:
            field = self.form.fields["country"]
            field.queryset = field.queryset.filter(active=True).order_by("kind", "name")
        # The options are read as plain (value, name) rows; the field still validates what
        # is sent against its queryset.
        for name, value_field in self.OPTIONS.items():
            if name in self.form.fields:
                field = self.form.fields[name]
                # Read when first drawn, then kept (Select also looks at the first option).
                field.widget.choices = cache(partial(name_choices, field, value_field))

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
        # Tie each error to its control, for screen readers (the page shows it below).
        for name in self.form.errors:
            if name in self.form.fields:
                bound = self.form[name]
                described = [f"{bound.auto_id}_error"]
                if bound.help_text:
                    described.insert(0, f"{bound.auto_id}_helptext")
                self.form.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": " ".join(described)}
                )
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
        for name in sorted(data, key=lambda name: name == "q"):
            queryset = self.filters[name].filter(queryset, data[name])
        return queryset

    def filter_q(self, queryset, name, value):
        found, self.matches = search_counted(queryset, value, self.remember)
        return found

    def remember(self, name: str, compute, generation_key=page_cache.GENERATION_KEY):
        """``compute()`` for this list (its page aside), in this language, kept in the cache
        until the content changes and at most a minute, so that scheduled releases count
        in time (press.cache). Its counts: 20-40 ms for a country's 30,000 releases.
        """
        if self.request is None:
            return compute()
        chosen = sorted((field, sorted(self.data.getlist(field))) for field in self.form.fields)
        text = f"{name}|{languages.current()}|{self.request.path}|{chosen}"
        key = "list:" + hashlib.sha256(text.encode()).hexdigest()
        return page_cache.remember(key, compute, page_cache.MAX_SECONDS, generation_key)

    # Releases linked to any of the chosen countries, topics or the official: a semi-join
    # (pk IN the link table's rows), so a release tagged with two of them is listed once
    # without DISTINCT, which compared whole rows, bodies and all (250 ms at 100,000).
    LINKS = {
        "countries__code": ("countries", "country__in"),
        "topics__slug": ("topics", "topic__in"),
        "participants__person": ("participants", "appointment__person"),
    }

    def filter_linked(self, queryset, name, value):
        if not value:  # nothing chosen: an empty queryset (.none(), no query) or None
            return queryset
        relation, lookup = self.LINKS[name]
        links = getattr(Release, relation).through.objects.filter(**{lookup: value})
        return queryset.filter(pk__in=links.values("release_id"))
