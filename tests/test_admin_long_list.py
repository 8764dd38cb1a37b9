"""The editors' release list longer than its count's cap (press/admin/changelist.py): it says
"more than", offers no "select all" it cannot count, and its date hierarchy, asked a period
at a time, shows the same years, months and days as Django's own."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from press.admin import changelist
from press.admin.releases import ReleaseAdmin

pytestmark = pytest.mark.django_db

DATES = [(2019, 3, 4), (2019, 3, 4), (2021, 3, 9), (2021, 5, 1), (2021, 5, 20), (2023, 1, 2)]


@pytest.fixture
def archive(release_factory, uzbekistan, kyrgyzstan):
    """Six releases over three years, five naming Uzbekistan; a seventh names Kyrgyzstan
    only, in 2020, a year the Uzbek list must not offer."""
    for n, day in enumerate(DATES):
        release_factory(title=f"R{n}", event_date=datetime.date(*day), countries=[uzbekistan])
    release_factory(title="Other", event_date=datetime.date(2020, 6, 1), countries=[kyrgyzstan])


def cap_at(monkeypatch, cap, per_page=2):
    monkeypatch.setattr(changelist, "COUNT_CAP", cap)
    monkeypatch.setattr(ReleaseAdmin, "list_per_page", per_page)


def list_page(client, code="en", **params):
    with translation.override(code):
        url = reverse("admin:press_release_changelist")
    html = client.get(url, params).content.decode()
    hierarchy = re.search(r'<nav class="toplinks">(.*?)</nav>', html, re.S)
    links = re.findall(r'href="\?([^"]*)"', hierarchy.group(1)) if hierarchy else []
    return html, sorted(link for link in links if "event_date__" in link)


def test_a_list_past_the_cap_says_more_than_and_pages_up_to_it(monkeypatch, archive, editor_client):
    cap_at(monkeypatch, 3)
    html, _ = list_page(editor_client)
    paginator = re.search(r'<p class="paginator">(.*?)</p>', html, re.S).group(1)
    assert "More than 3 releases" in paginator
    # Two pages of two for the three counted; no "Select all" across rows it did not count.
    assert re.search(r'href="\?p=2"', paginator) and "p=3" not in paginator
    assert 'class="question' not in html and 'class="action-counter"' in html
    html, _ = list_page(editor_client, code="ru")
    assert "Более 3 пресс-релизов" in html
    html, _ = list_page(editor_client, code="uz-cyrl", q="R")
    # The search's count says it too, in the editor's language.
    assert "3 тадан ортиқ матбуот хабари" in re.search(r'id="toolbar"(.*?)</form>', html, re.S)[1]


def test_a_list_within_the_cap_counts_and_selects_across_as_django_does(
    monkeypatch, archive, editor_client
):
    cap_at(monkeypatch, 10)
    html, _ = list_page(editor_client)
    paginator = re.search(r'<p class="paginator">(.*?)</p>', html, re.S).group(1)
    assert "7 press releases" in paginator and "More than" not in paginator
    assert 'class="question' in html and "Select all 7" in html


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"countries__id__exact": "uzbekistan"},
        {"event_date__year": "2021"},
        {"event_date__year": "2021", "event_date__month": "5"},
        {"countries__id__exact": "uzbekistan", "event_date__year": "2019"},
        {"q": "R"},
    ],
    ids=["all", "country", "year", "month", "country-year", "search"],
)
def test_the_date_hierarchy_past_the_cap_offers_what_django_offers(
    monkeypatch, archive, editor_client, uzbekistan, params
):
    params = {k: uzbekistan.pk if v == "uzbekistan" else v for k, v in params.items()}
    _, django_links = list_page(editor_client, **params)
    assert django_links  # the archive gives every level something to offer
    cap_at(monkeypatch, 1)
    html, probed_links = list_page(editor_client, **params)
    assert "More than 1 releases" in html  # the probes ran, not Django's own
    assert probed_links == django_links


def test_the_probed_years_skip_a_year_without_the_filtered_releases(
    monkeypatch, archive, editor_client, uzbekistan
):
    cap_at(monkeypatch, 1)
    _, links = list_page(editor_client, countries__id__exact=uzbekistan.pk)
    years = sorted(re.findall(r"event_date__year=(\d+)", " ".join(links)))
    assert years == ["2019", "2021", "2023"]


def test_the_list_never_counts_each_filter_choice(archive, editor_client, uzbekistan):
    # Django's facets would count the archive once per country in the sidebar.
    html, _ = list_page(editor_client, _facets="True")
    assert "Show counts" not in html and "Hide counts" not in html
    link = rf'href="\?[^"]*countries__id__exact={uzbekistan.pk}"[^>]*>([^<]*)<'
    country = re.search(link, html)
    assert country and country[1].strip() == str(uzbekistan)  # no "(5)" beside it


def test_a_search_runs_once_for_the_count_the_page_and_the_dates(
    archive, editor_client, release_factory
):
    found = release_factory(title="Muzokaralar", event_date=datetime.date(2018, 2, 1))
    with CaptureQueriesContext(connection) as queries:
        html, links = list_page(editor_client, q="muzokara")
    searches = [q["sql"] for q in queries if "muzokara" in q["sql"].lower()]
    assert len(searches) == 1, searches
    assert re.findall(r'href="/en/admin/press/release/(\d+)/change/', html) == [str(found.pk)]
    assert "1 result" in html
    # The hierarchy from the one match: its year to go back to, its day.
    assert [link.replace("&amp;", "&") for link in links] == [
        "event_date__day=1&event_date__month=2&event_date__year=2018&q=muzokara",
        "event_date__year=2018&q=muzokara",
    ]


@pytest.mark.parametrize(
    "level",
    [{}, {"event_date__year": "2021"}, {"event_date__year": "2021", "event_date__month": "5"}],
    ids=["years", "months", "days"],
)
def test_a_searched_list_offers_the_dates_of_its_matches_without_asking_again(
    archive, editor_client, level
):
    # "r" is in every title: the searched list holds what the unsearched one holds.
    _, unsearched = list_page(editor_client, **level)
    with CaptureQueriesContext(connection) as queries:
        _, searched = list_page(editor_client, q="r", **level)
    assert [link.replace("&amp;q=r", "") for link in searched] == unsearched
    # The search (ids and dates at once), the count and the page: the dates are not read
    # again (MIN/MAX, DISTINCT) over the matching ids.
    asked = [
        q["sql"] for q in queries if q["sql"].startswith("SELECT") and "press_release" in q["sql"]
    ]
    assert not [sql for sql in asked if "MIN(" in sql or "DISTINCT" in sql], asked
