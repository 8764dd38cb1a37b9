import pytest

from press.models import Country, Person, Release, Status
from press.search import fold, fold_sql_body, parse, search_releases
from tests.support import committed

pytestmark = pytest.mark.django_db

APOSTROPHE_FORMS = ["O'zbekiston", "Oʻzbekiston", "Oʼzbekiston", "O‘zbekiston", "O’zbekiston",
                    "O`zbekiston", "O´zbekiston", "Ozbekiston", "OʻZBEKISTON"]  # fmt: skip


@pytest.fixture
def releases(release_factory):
    meeting = release_factory(title="x")
    meeting.title_uz = "Oʻzbekiston va Qirgʻiziston tashqi ishlar vazirlarining uchrashuvi"
    meeting.body_uz = "<p>Vazirlar koʻp tomonlama hamkorlikni muhokama qildilar.</p>"
    meeting.title_uz_cyrl = "Ўзбекистон ва Қирғизистон ташқи ишлар вазирларининг учрашуви"
    meeting.body_uz_cyrl = "<p>Вазирлар кўп томонлама ҳамкорликни муҳокама қилдилар.</p>"
    meeting.title_ru = "Встреча министров иностранных дел Узбекистана и Киргизии"
    meeting.body_ru = "<p>Министры обсудили многостороннее сотрудничество.</p>"
    meeting.title_en = "Meeting of the foreign ministers of Uzbekistan and Kyrgyzstan"
    meeting.body_en = "<p>The ministers discussed cooperation in many fields.</p>"
    meeting.save()
    latin_only = release_factory(title="x", title_uz_cyrl="", body_uz_cyrl="")
    latin_only.title_uz = "Germaniya bilan savdo aloqalari"
    latin_only.body_uz = "<p>Savdo hajmi oshdi.</p>"
    latin_only.title_en = "Trade with Germany"
    latin_only.body_en = "<p>Trade grew.</p>"
    latin_only.title_ru = "Торговля с Германией"
    latin_only.body_ru = "<p>Товарооборот вырос.</p>"
    latin_only.save()
    draft = release_factory(title="Maxfiy uchrashuv qoralama", status=Status.DRAFT)
    return {"meeting": meeting, "latin": latin_only, "draft": draft}


def found(client, query, code="uz", **params):
    response = client.get(f"/{code}/search/", {"q": query, **params})
    assert response.status_code == 200, response.status_code
    return [r.slug for r in response.context["releases"]]


def test_fold_spells_ye_as_uzbek_latin_does():
    assert fold("Европа Мирзиёев объект Ер ер-сув беседа") == (
        "yevropa mirziyoyev obyekt yer yer-suv beseda"
    )


def test_fold_makes_every_apostrophe_and_both_scripts_one():
    assert {fold(form) for form in APOSTROPHE_FORMS} == {"ozbekiston"}
    assert fold("Ўзбекистон") == fold("Oʻzbekiston")
    assert fold("ҚИРҒИЗИСТОН") == fold("Qirgʻiziston") == "qirgiziston"
    assert fold("Шанхай ҳамкорлик") == "shanxay hamkorlik"


def test_database_fold_matches_python_fold(db):
    from django.db.models import Value

    from press.search import UzFold

    samples = ["Oʻzbekiston O'zbekiston O’zbekiston", "ЎЗБЕКИСТОН Қирғиз ШАНХАЙ ЁШЛАР Юрт Япония",
               "Европа Мирзиёев объект, ЕИ-2024 (ер) Ильин беседа"]  # fmt: skip
    for text in samples:
        value = Country.objects.annotate(f=UzFold(Value(text))).values_list("f", flat=True)
        Country.objects.create(code=text[:2], slug=fold(text)[:20], name_uz=text)
        assert value.first() == fold(text)


def test_migration_keeps_the_sql_fold_in_step():
    import importlib

    migration = importlib.import_module("press.migrations.0022_search_v2")
    assert migration.UZ_FOLD == fold_sql_body()


@pytest.mark.parametrize("form", APOSTROPHE_FORMS)
def test_every_apostrophe_form_finds_the_same_release(client, releases, form):
    assert found(client, form) == [releases["meeting"].slug]


@pytest.mark.parametrize("query", ["Қирғизистон", "қирғизистон", "ҚИРҒИЗИСТОН"])
def test_cyrillic_query_finds_latin_and_cyrillic_text(client, releases, query):
    assert releases["meeting"].slug in found(client, query)


def test_latin_query_finds_a_release_written_only_in_latin_from_a_cyrillic_query(client, releases):
    # The release has no Cyrillic version: found on the Latin page by a Cyrillic query.
    assert found(client, "Германия") == [releases["latin"].slug]
    assert found(client, "germaniya", code="ru") == [releases["latin"].slug]


def test_uzbek_prefixes_find_inflected_words(client, releases):
    assert releases["meeting"].slug in found(client, "vazir")  # vazirlarining, vazirlar
    assert releases["meeting"].slug in found(client, "вазир", code="uz-cyrl")


def test_case_insensitive_cyrillic(client, releases):
    assert found(client, "ВСТРЕЧА", code="ru") == [releases["meeting"].slug]


def test_drafts_are_never_found(client, releases):
    for code in ("uz", "ru", "en"):
        assert releases["draft"].slug not in found(client, "qoralama", code=code)
        assert releases["draft"].slug not in found(client, "maxfiy", code=code)


def test_search_combines_with_filters(client, releases, uzbekistan):
    releases["latin"].countries.set([uzbekistan])
    assert found(client, "savdo", country="UZ") == [releases["latin"].slug]
    assert found(client, "uchrashuv", country="UZ") == []
    assert found(client, "savdo", kind="visit") == []


def test_press_list_takes_q_too(client, releases):
    response = client.get("/en/press/", {"q": "Germany"})
    assert [r.slug for r in response.context["releases"]] == [releases["latin"].slug]


def test_results_show_an_escaped_highlighted_snippet(client, releases):
    html = client.get("/uz/search/", {"q": "hamkorlik"}).content.decode()
    assert "<mark>hamkorlikni</mark>" in html
    html = client.get("/uz/search/", {"q": '<script>alert(1)</script> "><b>'}).content.decode()
    assert "<script>alert" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_snippet_marks_words_with_any_apostrophe(client, releases):
    html = client.get("/uz/search/", {"q": "koʼp"}).content.decode()
    assert "<mark>koʻp</mark>" in html


@pytest.mark.parametrize("query", ["Germaniya", "Германия", "Germany", "germ", "GERMANIYA"])
def test_countries_found_by_name_in_any_language_and_script(client, releases, query):
    Country.objects.create(
        code="DE", slug="germany", name_uz="Germaniya", name_uz_cyrl="Германия",
        name_ru="Германия", name_en="Germany",
    )  # fmt: skip
    response = client.get("/en/search/", {"q": query})
    assert [c.code for c in response.context["countries"]] == ["DE"]
    assert 'href="/en/countries/germany/"' in response.content.decode()


def test_officials_found_by_name_in_either_script(client, minister):
    for query in ("Demo Vazir", "Демо Вазир", "demo minister"):
        response = client.get("/uz/search/", {"q": query})
        assert list(response.context["officials"]) == [minister.person], query
    assert Person.objects.count() == 1


@pytest.mark.parametrize(
    "query",
    ["", " ", "a", "x" * 10_000, "& | ! : * ( ) < > '", "\x00", 'foo "bar', '"', "-", "--x",
     "or", "OR or |", "Ўзбек O'zbek mixed", "':*", "\\", "%", "_", "(a|b)&!c:*"],
)  # fmt: skip
def test_junk_never_breaks_the_page(client, releases, query):
    response = client.get("/uz/search/", {"q": query})
    assert response.status_code in (200, 400)


def test_repeated_q_is_a_400(client, releases):
    assert client.get("/uz/search/?q=a&q=b").status_code == 400


def test_parse_understands_phrases_exclusions_and_or():
    query = parse('"tashqi ishlar" -vazir or Ўзбекистон')
    assert [[(t.words, t.negated) for t in g] for g in query.groups] == [
        [(["tashqi", "ishlar"], False), (["vazir"], True)],
        [(["ozbekiston"], False)],
    ]
    assert not parse("-only -negative")
    assert len(parse("w " * 50).groups[0]) == 8


def test_phrase_and_exclusion(client, releases):
    assert found(client, '"tashqi ishlar"') == [releases["meeting"].slug]
    assert found(client, '"ishlar tashqi"') == []
    assert found(client, "savdo -germaniya") == []
    assert found(client, "savdo or uchrashuv") != []


def test_russian_morphology(client, releases):
    assert found(client, "встречи", code="ru") == [releases["meeting"].slug]
    assert found(client, "министра", code="ru") == [releases["meeting"].slug]


def test_english_stemming(client, releases):
    assert found(client, "meetings", code="en") == [releases["meeting"].slug]
    assert found(client, "discussing", code="en") == [releases["meeting"].slug]


def test_trigram_did_you_mean(client, releases):
    response = client.get("/uz/search/", {"q": "Ozbekistn"})
    assert list(response.context["releases"]) == []
    assert [r.slug for r in response.context["similar"]] == [releases["meeting"].slug]
    assert response.context["suggestion"] == "Oʻzbekiston"
    html = response.content.decode()
    # Nothing matches as typed: the results of the suggestion are shown, labelled as such.
    assert "“Oʻzbekiston” boʻyicha natijalar koʻrsatilmoqda" in html
    assert releases["meeting"].title_uz in html
    # Asked for exactly as typed: no results, "did you mean" and the closest titles.
    response = client.get("/uz/search/", {"q": "Ozbekistn", "exact": "1"})
    html = response.content.decode()
    assert "Ehtimol, siz shuni izlagandirsiz" in html and "natijalar koʻrsatilmoqda" not in html
    assert '<a href="/uz/search/?q=O%CA%BBzbekiston">Oʻzbekiston</a>' in html
    # A misspelt Cyrillic word too, on the Cyrillic page, with its title's spelling.
    response = client.get("/uz-cyrl/search/", {"q": "Қирғизистан"})
    assert response.context["suggestion"] == "Қирғизистон"


def test_ranking_puts_title_matches_first(release_factory):
    body_match = release_factory(title="Boshqa")
    body_match.body_uz = "<p>Mongoliya haqida.</p>"
    body_match.save()
    title_match = release_factory(title="Mongoliya bilan muzokaralar")
    ranked = list(search_releases(Release.objects.public(), "Mongoliya"))
    assert ranked == [title_match, body_match]


def test_results_page_query_count(client, releases, release_factory, django_assert_max_num_queries):
    for n in range(15):
        release_factory(title=f"Uchrashuv {n}")
    with django_assert_max_num_queries(15):
        assert client.get("/uz/search/", {"q": "uchrashuv"}).status_code == 200


def test_admin_search_finds_a_title_in_either_script(admin_client, releases):
    for query in ("Германия", "Germaniya", "Qirgʻiziston", "қирғизистон"):
        response = admin_client.get("/uz/admin/press/release/", {"q": query})
        assert response.context["cl"].result_count >= 1, query


def test_broad_searches_say_more_than_the_cap_instead_of_counting(
    client, release_factory, monkeypatch
):
    from press.site.views import CappedPaginator

    monkeypatch.setattr(CappedPaginator, "CAP", 3)
    for n in range(5):
        release_factory(title=f"Uchrashuv {n}")
    response = client.get("/en/search/", {"q": "uchrashuv"})
    assert response.context["paginator"].is_capped
    assert "More than 3 releases" in response.content.decode()
    assert len(response.context["releases"]) == 4  # pages stop one past the cap
    assert client.get("/en/press/").context["paginator"].count == 5  # lists count exactly


def test_matching_names_are_kept_until_a_name_changes(client, uzbekistan, release_factory):
    release_factory(title="Uzbekistan")

    def names():
        response = client.get("/en/search/", {"q": "Uzbekistan"})
        return [country.name_en for country in response.context["countries"]]

    assert names() == ["Uzbekistan"]
    release_factory(title="Uzbekistan again")  # a publication keeps the names
    Country.objects.filter(pk=uzbekistan.pk).update(name_en="Uzbekistan (bulk)")
    assert names() == ["Uzbekistan"]
    uzbekistan.name_en = "Uzbekistan, Republic of"
    with committed():
        uzbekistan.save()  # a rename does not
    assert names() == ["Uzbekistan, Republic of"]


def test_a_results_page_counts_its_matches_once(client, release_factory):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from press.search.engine import gather_limit

    for n in range(3):
        release_factory(title=f"Uchrashuv {n}")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/uz/search/", {"q": "uchrashuv"})
    assert response.context["paginator"].count == 3
    # The search gathers the matching ids up to the cap (they choose the order and are the
    # paginator's count): once, and no COUNT besides; and another page of the list does neither
    # again. (The finder's releases per country, topic and official are grouped counts.)
    gathers = f"LIMIT {gather_limit() + 1}"
    assert sum(gathers in q["sql"] for q in ctx.captured_queries) == 1
    assert sum(counts_matches(q["sql"]) for q in ctx.captured_queries) == 0
    with CaptureQueriesContext(connection) as ctx:
        client.get("/uz/search/", {"q": "uchrashuv", "page": "1"})
    assert sum(gathers in q["sql"] or counts_matches(q["sql"]) for q in ctx.captured_queries) == 0


def counts_matches(sql: str) -> bool:
    return "COUNT(" in sql and "GROUP BY" not in sql
