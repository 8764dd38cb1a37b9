"""What the finder says about the filters chosen: a chip for each, to remove it, and the
results' heading in words ("12 releases about Kazakhstan, 1 January – 3 December 2026").

Reads the valid filter form only; the queries are press.site.filters'.
"""

import datetime
from dataclasses import dataclass

from django.http import QueryDict
from django.utils import formats
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from press.models import Kind
from press.site.filters import nothing_chosen
from press.site.widgets import DateParts


@dataclass(frozen=True)
class Chip:
    """One chosen value: its words, and the same address without it."""

    label: str
    url: str


def chips(filterset, request, keep=()) -> list[Chip]:
    """A chip for each value chosen, in the form's order; ``keep`` names the parameters
    that are not offered as chips (a search page's query, which its box shows)."""
    if filterset.form.errors or not hasattr(filterset.form, "cleaned_data"):
        return []
    found = []
    for name, label in chosen(filterset):
        if name in keep:
            continue
        for value, words in label:
            found.append(Chip(words, _without(request, name, value)))
    return found


def clear_url(request, keep=()) -> str:
    """The address with no filter: the page itself, with only ``keep`` kept."""
    query = QueryDict(mutable=True)
    for name in keep:
        query.setlist(name, request.GET.getlist(name))
    return f"{request.path}?{query.urlencode()}" if query else request.path


def chosen(filterset):
    """(parameter, [(value sent, its words)]) for each filter with a value; the value is
    None where the chip removes the whole parameter. A filter not named here (one added
    later) is listed by neither the chips nor the heading until it is."""
    data = filterset.form.cleaned_data
    fields = filterset.form.fields
    for name, field in fields.items():
        value = data.get(name)
        if nothing_chosen(value):
            continue
        if name in ("country", "topic", "official"):
            names = {str(choice[0]): choice[1] for choice in field.widget.choices}
            # In the order they were chosen (sent), not the queryset's.
            sent = filterset.data.getlist(name)
            values = sorted(
                (str(getattr(obj, field.to_field_name)) for obj in value),
                key=lambda v: sent.index(v) if v in sent else len(sent),
            )
            yield name, [(v, str(names.get(v, v))) for v in values]
        elif name == "event":  # one value, an Occasion: its name in the page's language
            yield name, [(None, str(value))]
        elif name == "kind":
            yield name, [(None, str(Kind(value).label))]
        elif name == "q":
            yield name, [(None, _("Search: “%(query)s”") % {"query": value})]
        elif name == "date_from":
            yield name, [(None, _("From %(date)s") % {"date": _date(value)})]
        elif name == "date_to":
            yield name, [(None, _("Until %(date)s") % {"date": _date(value)})]


def heading(filterset, paginator, keep=()) -> str:
    """The results' heading: how many, and what was chosen, in the page's language."""
    if filterset.form.errors:
        return _("No results")
    picked = dict(
        (name, [words for _value, words in values])
        for name, values in chosen(filterset)
        if name not in keep
    )
    subjects = picked.pop("country", [])
    count = paginator.count or 0
    cap = formats.number_format(getattr(paginator, "CAP", 0), force_grouping=True)
    if getattr(paginator, "is_capped", False):
        if subjects:
            words = _("More than %(cap)s releases about %(subjects)s")
        else:
            words = _("More than %(cap)s releases")
    elif subjects:
        words = ngettext(
            "%(counter)s release about %(subjects)s",
            "%(counter)s releases about %(subjects)s",
            count,
        )
    else:
        words = ngettext("%(counter)s release", "%(counter)s releases", count)
    parts = [
        words
        % {
            "counter": formats.number_format(count, force_grouping=True),
            "cap": cap,
            "subjects": get_text_list(subjects, _("or")),
        }
    ]
    labels = {name: field.label for name, field in filterset.form.fields.items()}
    for name in ("topic", "official", "event", "kind"):
        if name in picked:
            parts.append(f"{labels[name]}: {get_text_list(picked[name], _('or'))}")
    dates = date_range(
        filterset.form.cleaned_data.get("date_from"), filterset.form.cleaned_data.get("date_to")
    )
    if dates:
        parts.append(dates)
    if "q" in picked:
        parts.append(picked["q"][0])
    return ", ".join(parts)


def date_range(start: datetime.date | None, end: datetime.date | None) -> str:
    """ "1 January – 3 December 2026", "from 1 January 2026", "until …", or ""."""
    if start and end:
        if start == end:
            return _date(start)
        first = "MONTH_DAY_FORMAT" if start.year == end.year else "DATE_FORMAT"
        return f"{formats.date_format(start, first)} – {_date(end)}"
    if start:
        return _("from %(date)s") % {"date": _date(start)}
    if end:
        return _("until %(date)s") % {"date": _date(end)}
    return ""


def _date(day: datetime.date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


def _without(request, name: str, value) -> str:
    """The page's address without one value of ``name``, or (``value`` None) without the
    parameter, a date's three boxes with it, whichever way it was sent; on the first page."""
    query = request.GET.copy()
    query.pop("page", None)
    if value is None:
        for sent in (name, *(name + suffix for suffix in DateParts.suffixes)):
            query.pop(sent, None)
    else:
        query.setlist(name, [v for v in query.getlist(name) if v != value])
    rest = query.urlencode()
    return f"{request.path}?{rest}" if rest else request.path
