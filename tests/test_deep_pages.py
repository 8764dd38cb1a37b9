"""What keeps lists fast at 100,000 releases (bench/pages.py measures it): stored language
flags that the database computes, and pages read ids first."""

import pytest
from django.core.paginator import Paginator
from django.utils import translation

from press.models import Release
from press.site.views import IdsFirstPaginator

pytestmark = pytest.mark.django_db


def test_language_flags_follow_title_and_body_on_every_kind_of_write(release_factory):
    release = release_factory(title_ru="", body_en="")
    flags = Release.objects.values("in_uz", "in_uz_cyrl", "in_ru", "in_en").get(pk=release.pk)
    assert flags == {"in_uz": True, "in_uz_cyrl": True, "in_ru": False, "in_en": False}
    # A bulk write that no save() sees: the database keeps the flag right all the same.
    Release.objects.filter(pk=release.pk).update(body_uz="")
    assert not Release.objects.public("uz").filter(pk=release.pk).exists()
    assert Release.objects.public("uz-cyrl").filter(pk=release.pk).exists()


class OneQueryPaginator(Paginator):
    """Django's own: each page in one query, counted every time."""

    def __init__(self, *args, counted=None, **kwargs):
        super().__init__(*args, **kwargs)


def titles(response):
    return [str(r.pk) for r in response.context["releases"]]


@pytest.mark.parametrize("path", ["/uz/press/?page={n}", "/uz/officials/demo-minister/?page={n}"])
def test_pages_read_ids_first_and_show_what_one_query_would(
    client, release_factory, minister, monkeypatch, settings, path
):
    for n in range(7):
        release_factory(title=f"R{n}", participants=[minister])
    monkeypatch.setattr("press.site.views.ReleaseListView.paginate_by", 3)
    assert client.get(path.format(n=1)).context["paginator"].__class__ is IdsFirstPaginator
    ids_first = [titles(client.get(path.format(n=n))) for n in (1, 2, 3)]
    monkeypatch.setattr("press.site.views.ReleaseListView.paginator_class", OneQueryPaginator)
    one_query = [titles(client.get(path.format(n=n))) for n in (1, 2, 3)]
    assert ids_first == one_query
    assert [len(page) for page in ids_first] == [3, 3, 1]
    newest_first = [
        str(pk) for pk in Release.objects.public().latest().values_list("pk", flat=True)
    ]
    assert sum(ids_first, []) == newest_first


def test_deep_pages_take_a_fixed_number_of_queries(
    client, release_factory, uzbekistan, monkeypatch, django_assert_max_num_queries
):
    for n in range(6):
        release_factory(title=f"R{n}", countries=[uzbekistan])
    monkeypatch.setattr("press.site.views.ReleaseListView.paginate_by", 2)
    with django_assert_max_num_queries(12), translation.override("uz"):
        assert client.get("/uz/press/?page=3&country=UZ").status_code == 200
