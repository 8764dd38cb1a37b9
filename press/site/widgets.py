"""How the public list's filter form is drawn: its date fields and its <select>s of names.

The filters themselves (press.site.filters) only build queries; what the form looks like
and how its long lists of names are kept is here.
"""

import datetime
import html
from functools import cache, lru_cache, partial

from django import forms
from django.forms.utils import flatatt
from django.utils import formats
from django.utils.safestring import mark_safe
from modeltranslation.utils import resolution_order

from press import languages
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
    topics on every list page: Django's option template would be included once per option,
    hundreds of template renders a page. Flat choices only; the markup is Django's.
    """

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        options = options_html(tuple((str(option), str(label)) for option, label in self.choices))
        # The few chosen values marked in the kept markup, rather than escaping every option.
        for chosen in set(self.format_value(value)):
            plain = f'<option value="{html.escape(str(chosen))}">'
            options = options.replace(plain, f"{plain[:-1]} selected>", 1)
        return mark_safe(
            f'<select name="{html.escape(name)}"{flatatt(final_attrs)}>{options}</select>'
        )


@lru_cache(maxsize=64)
def options_html(choices: tuple[tuple[str, str], ...]) -> str:
    """The <option>s of ``choices``, none selected: escaped once per process and list (the
    lists change with the language and when a name changes, rarely)."""
    # html.escape is what django.utils.html.escape does, without its lazy-string wrapper.
    return "".join(
        f'<option value="{html.escape(option)}">{html.escape(label)}</option>'
        for option, label in choices
    )


class QuickSelect(OptionsInPython, forms.Select):
    pass


class QuickSelectMultiple(OptionsInPython, forms.SelectMultiple):
    pass


def offer_names(field: forms.ModelChoiceField) -> None:
    """Have the field's <select> offer plain (value, name) rows, read when first drawn.

    The field still validates what is sent against its queryset; only the options drawn
    come from ``name_choices``. Set after the field's queryset, which would replace them.
    """
    # Read when first drawn, then kept (Select also looks at the first option).
    field.widget.choices = cache(partial(name_choices, field))


def name_choices(field: forms.ModelChoiceField) -> list[tuple[str, str]]:
    """The field's options: (value, name) of each row, the name in the active language or
    its fallback (as str() gives it), after the empty choice if the field has one.

    Two columns a row instead of a model instance with every translated column, kept in
    the cache until a name changes: the form offers every country on every list page.
    """
    code = languages.current()
    value_field = field.to_field_name

    def rows():
        columns = [languages.field("name", c) for c in resolution_order(code)]
        rows = field.queryset.values_list(value_field, *columns)
        return [(value, next((name for name in names if name), value)) for value, *names in rows]

    model = field.queryset.model._meta.model_name
    names = page_cache.remember_names(f"{model}:{value_field}", rows)
    return ([] if field.empty_label is None else [("", field.empty_label)]) + names
