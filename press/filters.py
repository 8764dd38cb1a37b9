"""The public list's filters: validated query builders for ?country=UZ&topic=trade&…"""

import django_filters as df
from django import forms
from django.utils.translation import gettext_lazy as _

from press.models import Country, Kind, Person, Release, Topic
from press.search import MAX_QUERY_LENGTH, search_releases


class ReleaseFilter(df.FilterSet):
    q = df.CharFilter(label=_("Search"), method="filter_q", max_length=MAX_QUERY_LENGTH * 50)
    country = df.ModelMultipleChoiceFilter(
        label=_("Country or organisation"),
        field_name="countries__code",
        to_field_name="code",
        queryset=Country.objects.all(),
    )
    topic = df.ModelMultipleChoiceFilter(
        label=_("Topic"),
        field_name="topics__slug",
        to_field_name="slug",
        queryset=Topic.objects.all(),
    )
    official = df.ModelChoiceFilter(
        label=_("Official"),
        field_name="participants__person",
        to_field_name="slug",
        queryset=Person.objects.all(),
        empty_label=_("Any official"),
    )
    kind = df.ChoiceFilter(label=_("Kind"), choices=Kind.choices, empty_label=_("Any kind"))
    date_from = df.DateFilter(
        label=_("From"),
        field_name="event_date",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = df.DateFilter(
        label=_("To"),
        field_name="event_date",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

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

    def filter_q(self, queryset, name, value):
        return search_releases(queryset, value)

    @property
    def qs(self):
        # Several countries (or topics) are OR-ed through a join: without distinct()
        # a release tagged with two of them would be listed twice.
        qs = super().qs
        if any(self.form.cleaned_data.get(name) for name in ("country", "topic", "official")):
            qs = qs.distinct()
        return qs
