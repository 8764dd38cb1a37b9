"""Numbers and dates as each language writes them, shown and typed (ministry/formats)."""

import datetime
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation

from press.site import finder
from tests.support import form_data

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("uz", f"12{NBSP}345 ta matbuot xabari"),
        ("uz-cyrl", f"12{NBSP}345 та матбуот хабари"),
        ("ru", f"12{NBSP}345 пресс-релизов"),
        ("en", "12,345 releases"),
    ],
)
def test_a_count_of_results_groups_its_thousands(code, heading):
    # No filter chosen: the heading is the count alone (press.site.finder.heading).
    form = SimpleNamespace(errors={}, cleaned_data={}, fields={})
    paginator = SimpleNamespace(count=12345, is_capped=False)
    with translation.override(code):
        words = finder.heading(SimpleNamespace(form=form), paginator)
        html = render_to_string(
            "includes/release_results.html", {"results_heading": words, "releases": []}
        )
    assert heading in html


@pytest.mark.parametrize(
    ("code", "number"),
    [("uz", f"1{NBSP}234{NBSP}567,5"), ("uz-cyrl", f"1{NBSP}234{NBSP}567,5"),
     ("ru", f"1{NBSP}234{NBSP}567,5"), ("en", "1,234,567.5")],
)  # fmt: skip
def test_decimal_numbers(code, number):
    with translation.override(code):
        assert formats.number_format(1234567.5, 1, force_grouping=True) == number


# Each language's own way of typing 5 November 2020, and ISO, which every language accepts.
TYPED = [
    ("uz", "05.11.2020"),
    ("uz-cyrl", "05.11.2020"),
    ("ru", "05.11.2020"),
    ("en", "05/11/2020"),
    *[(code, "2020-11-05") for code in ("uz", "uz-cyrl", "ru", "en")],
]


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "typed"), TYPED)
def test_admin_date_input_in_the_languages_format(admin_client, release_factory, code, typed):
    release = release_factory(event_date=datetime.date(2021, 1, 1))
    with translation.override(code):
        url = reverse("admin:press_release_change", args=[release.pk])
    data = form_data(admin_client.get(url).content.decode())
    data["event_date"] = [typed]
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    release.refresh_from_db()
    assert release.event_date == datetime.date(2020, 11, 5)


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "typed"), TYPED)
def test_public_filter_accepts_the_languages_format(client, release_factory, code, typed):
    that_day = release_factory(title="Oʻsha kun", event_date=datetime.date(2020, 11, 5))
    release_factory(title="Ertasi", event_date=datetime.date(2020, 11, 6))
    response = client.get(f"/{code}/press/?date_from={typed}&date_to={typed}")
    assert response.status_code == 200
    assert [r.slug for r in response.context["releases"]] == [that_day.slug]


@pytest.mark.django_db
def test_a_date_in_another_languages_order_is_an_error_not_a_guess(client, release_factory):
    release_factory(event_date=datetime.date(2020, 11, 5))
    response = client.get("/uz/press/?date_from=05/11/2020")
    assert response.status_code == 400
