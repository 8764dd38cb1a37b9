"""How the finder's form is drawn: its dates in three boxes and its lists of names.

The filters themselves (press.site.filters) only build queries; what the form looks like
and how its long lists of names are kept is here.
"""

import datetime
import html
import re
from functools import cache, partial

from django import forms
from django.forms.utils import flatatt
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from press import languages
from press.models import Release
from press.search import fold
from press.site import page_cache

# How long past its hour the finder's counts may still order the options while one request
# counts again (press.site.page_cache.remember's ``stale``).
COUNTS_STALE_SECONDS = 24 * 3600


class DateParts(forms.MultiWidget):
    """A date as three text boxes, day, month and year (GOV.UK's date input): the page's
    language decides nothing about the order of what is typed, unlike <input type="date">.

    Sent as ``<name>_day``, ``<name>_month``, ``<name>_year``. A link that still has the
    single ``<name>`` (``date_from=2026-01-31``: older links, the feeds' links, the API) is
    read when no part is sent; the field (press.site.filters.DatePartsField) parses it.
    What was typed is shown back, valid or not, so that an error can be corrected.
    """

    use_fieldset = True
    suffixes = ("_day", "_month", "_year")

    def __init__(self, attrs=None):
        def box(size):
            return forms.TextInput(
                {"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false",
                 "class": f"date-parts__{size}"}
            )  # fmt: skip

        super().__init__(dict(zip(self.suffixes, (box(2), box(2), box(4)), strict=True)), attrs)

    def value_from_datadict(self, data, files, name):
        parts = [data.get(name + suffix) for suffix in self.suffixes]
        if any(part not in (None, "") for part in parts):
            return parts
        return data.get(name)  # an older link's single date, or None

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str):  # an older link's date, valid or not: its parts
            match = LEGACY_DATE.fullmatch(value.strip())
            if match:
                found = {k.rstrip("2"): v for k, v in match.groupdict().items() if v}
                # As a person types them: 2, not 02 (at most four digits each).
                return [str(int(found[part])) for part in ("day", "month", "year")]
        return [None, None, None]

    def render(self, name, value, attrs=None, renderer=None):
        """The three labelled boxes; the template draws the fieldset and its legend."""
        if not isinstance(value, list):
            value = self.decompress(value)
        final_attrs = self.build_attrs(self.attrs, attrs)
        base_id = final_attrs.pop("id", None) or f"id_{name}"
        labels = (_("Day"), _("Month"), _("Year"))
        boxes = []
        each = zip(self.suffixes, self.widgets, value, labels, strict=True)
        for suffix, widget, part, label in each:
            part_id = base_id + suffix
            box = widget.render(name + suffix, part, {**final_attrs, "id": part_id})
            boxes.append(
                f'<div class="date-parts__item"><label for="{part_id}">{html.escape(str(label))}'
                f"</label>{box}</div>"
            )
        return mark_safe(f'<div class="date-parts">{"".join(boxes)}</div>')

    def id_for_label(self, id_):
        return f"{id_}_day" if id_ else id_


# YYYY-MM-DD, or the day first with dots or slashes: enough to show an older link's date
# back in its three boxes. Which of these is valid in a language is the field's business.
LEGACY_DATE = re.compile(
    r"(?P<year>\d{1,4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})[./](?P<month2>\d{1,2})[./](?P<year2>\d{1,4})"
)


class ChoiceList:
    """Checkboxes (or radio buttons) in a scrollable box, each ``<input>`` written in Python.

    The finder offers ~260 countries and organisations, ~40 officials and the topics on
    every list page: Django's templates would be rendered once per option, hundreds of
    renders a page. The template draws the fieldset and its legend around this.

    Choices are (value, name) or (value, name, fold, n): ``fold`` is the name as
    press.search.fold spells it, which the type-to-narrow box (static/js/site.js) compares
    with what is typed; ``n`` how many public releases name it. The most named come first,
    and the chosen ones before all, so that nothing chosen is ever out of sight.
    """

    use_fieldset = True
    NARROW_FROM = 12  # more options than this: scrolled, with a box to narrow them

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        final_attrs = self.build_attrs(self.attrs, attrs)
        base_id = final_attrs.pop("id", None) or f"id_{name}"
        choices = [tuple(choice) + (None, None) for choice in self.choices]
        order = sorted(
            range(len(choices)),
            key=lambda i: (
                str(choices[i][0]) not in chosen and choices[i][0] != "",
                -(choices[i][3] or 0),
            ),
        )
        items = []
        for i in order:
            option, label, fold, _n = choices[i][:4]
            option, label = html.escape(str(option)), html.escape(str(label))
            checked = " checked" if option in chosen or (not chosen and option == "") else ""
            folded = f' data-fold="{html.escape(fold)}"' if fold else ""
            items.append(
                f'<li{folded}><input type="{self.input_type}" name="{html.escape(name)}" '
                f'value="{option}" id="{base_id}_{i}"{checked}{flatatt(final_attrs)}>'
                f'<label for="{base_id}_{i}">{label}</label></li>'
            )
        # A long list scrolls, and static/js/site.js puts a box to narrow it above.
        classes, narrow = "choices", ""
        if len(items) > self.NARROW_FROM:
            classes += " choices--many"
            narrow = f' data-narrow-label="{html.escape(str(_("Type to narrow the list")))}"'
        return mark_safe(
            f'<div class="{classes}" id="{base_id}"{narrow}><ul>{"".join(items)}</ul></div>'
        )

    def id_for_label(self, id_, index=None):
        return id_


class CheckboxList(ChoiceList, forms.CheckboxSelectMultiple):
    pass


class RadioList(ChoiceList, forms.RadioSelect):
    pass


def offer_names(field: forms.ModelChoiceField, counted: str | None = None) -> None:
    """Have the field's list offer plain rows, read when first drawn: (value, name, fold, n).

    The field still validates what is sent against its queryset; only the options drawn
    come from ``name_choices``. Set after the field's queryset, which would replace them.
    ``counted`` ("countries", "topics", "officials") orders them by how many public
    releases name each (ReleaseQuerySet.counts_by).
    """
    # Read when first drawn, then kept (the widget may look at the choices more than once).
    field.widget.choices = cache(partial(name_choices, field, counted))


def name_choices(field: forms.ModelChoiceField, counted: str | None = None) -> list[tuple]:
    """The field's options: (value, name, fold, n) of each row, the name in the active
    language or its fallback (as str() gives it), after the empty choice if the field has
    one; ``n`` is how many public releases name it (0 when not ``counted``).

    A few columns a row instead of a model instance with every translated column, kept in
    the cache until a name changes; the counts until any public content does (one grouped
    query): the form offers every country on every list page.
    """
    code = languages.current()
    value_field = field.to_field_name

    def rows():
        named = languages.names(field.queryset, value_field, code)
        return [(pk, value, name, fold(name)) for pk, value, name in named]

    model = field.queryset.model._meta.model_name
    # The rows changed shape once (the fold was added): a new key, so no old entry is read.
    names = page_cache.remember_names(f"{model}:{value_field}:folded", rows)
    counts = {}
    # Only the order depends on the counts, so they outlive publications (``all`` alone)
    # and are served a while stale as one request counts again: at 100,000 releases the
    # count takes a quarter of a second of the database, and every list, hub and search
    # redrawing its form after a publication ran it at once (bench/README.md, the publish
    # storm). An order an hour old, or missing a release just out, never misleads.
    if counted:
        every = page_cache.remember(
            f"counts:{code}",
            lambda: Release.objects.public(code).counts_by(),
            tags=(page_cache.ALL,),
            stale=COUNTS_STALE_SECONDS,
        )
        counts = every[counted]
    empty = [] if field.empty_label is None else [("", field.empty_label)]
    return empty + [(value, name, folded, counts.get(pk, 0)) for pk, value, name, folded in names]
