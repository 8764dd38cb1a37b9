"""Many matches: newest first, and the count that chooses that order, capped on each side.

With more than RANK_LIMIT matches the engine lists by date: among the ids it gathered, when
it gathered them all (up to GATHER_LIMIT on each side, on PostgreSQL), else
with the text's match OR the named entity's tag in one WHERE (so the database can walk the
newest releases and stop). RANK_LIMIT and GATHER_LIMIT are lowered here so that a handful of
releases is "many".
"""

import datetime

import pytest
from django.db import connection
from django.utils import timezone, translation

from press.models import Release, Status
from press.search import engine
from tests.support import make_release

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(kyrgyzstan):
    """Releases an hour apart, newest first in this order: two that name Kyrgyzstan in the
    text, two only tagged with it, a draft naming it, one about something else, and one
    that names it in the text and is tagged too."""
    now = timezone.now()

    def release(n, title, **fields):
        fields.setdefault("published_at", now - datetime.timedelta(hours=n + 1))
        return make_release(title=title, **fields)

    return {
        "text 1": release(0, "Qirgʻiziston bilan muzokaralar"),
        "tagged 1": release(1, "Savdo hamkorligi", countries=[kyrgyzstan]),
        "draft": release(2, "Qirgʻiziston loyihasi", status=Status.DRAFT, published_at=None),
        "text 2": release(3, "Qirgʻiziston vaziri tashrifi"),
        "other": release(4, "Madaniyat kunlari"),
        "tagged 2": release(5, "Suv resurslari", countries=[kyrgyzstan]),
        "both": release(6, "Qirgʻiziston va Oʻzbekiston", countries=[kyrgyzstan]),
    }


@pytest.mark.parametrize(
    "limit, gather, order",
    [(3, 2, "date, walked"), (3, 10, "date, among the ids"), (10, 10, "relevance")],
)
def test_many_matches_come_newest_first_with_the_tagged_ones(
    archive, monkeypatch, limit, gather, order
):
    monkeypatch.setattr(engine, "RANK_LIMIT", limit)
    monkeypatch.setattr(engine, "GATHER_LIMIT", gather)
    with translation.override("uz"):
        found, matches, _matched = engine.search_counted(
            Release.objects.public("uz"), "Qirgʻiziston"
        )
        titles = [release.title_uz.removesuffix(" [uz]") for release in found]
    expected = ["text 1", "tagged 1", "text 2", "tagged 2", "both"]
    assert sorted(titles) == sorted(archive[key].title_uz.removesuffix(" [uz]") for key in expected)
    if order.startswith("date"):
        # More than the limit: the count stops just past it, and the list is by date.
        assert matches == limit + 1
        assert titles == [archive[key].title_uz.removesuffix(" [uz]") for key in expected]
        sql = str(found.query)
        assert "UNION" not in sql
        # SQLite gathers no more than it may rank, and walks beyond.
        walked = order == "date, walked" or connection.vendor == "sqlite"
        if walked:  # one WHERE with the text's match OR the tag
            assert "press_release_countries" in sql
        else:  # the gathered ids only, matched no more
            assert "press_release_countries" not in sql
    else:
        assert matches == 5  # every match counted once, "both" included once
    # The order a results page takes from the kept matches (KnownOrderPaginator) is the
    # database's, in the order asked and by date; unknown when the search walked instead.
    database = [release.pk for release in found]
    by_date = list(found.order_by("-published_at", "-id").values_list("pk", flat=True))
    if order == "date, walked" or (connection.vendor == "sqlite" and order.startswith("date")):
        assert _matched.ordered() is None
    else:
        assert _matched.ordered() == database and _matched.ordered(by_date=True) == by_date
