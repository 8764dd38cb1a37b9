"""The public API (press/api/): what it shows in each language, what it never shows, its
pages, its conditional answers, CORS, errors and its schema."""

import datetime
import json

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone

from press import languages
from press.models import Attachment, Photo, Release, Status
from tests.support import jpeg, make_release, pdf

API = "/api/v1"


def get(client, path, **params):
    response = client.get(f"{API}{path}", params)
    return response, (json.loads(response.content) if response.content else None)


@pytest.fixture
def full_release(db, uzbekistan, trade, minister):
    """A public release naming a country, a topic and an official, with a photo and a
    document."""
    release = make_release(
        title="Muzokaralar",
        lead_en="Talks in Tashkent.",
        lead_ru="Переговоры в Ташкенте.",
        place_en="Tashkent",
        countries=[uzbekistan],
        topics=[trade],
        participants=[minister],
    )
    photo = Photo(release=release, alt_en="The two delegations", credit_en="MFA", is_lead=True)
    photo.image.save("talks.jpg", ContentFile(jpeg()), save=False)
    photo.save()
    document = Attachment(release=release, title_en="Joint statement", language="en")
    document.file.save("statement.pdf", ContentFile(pdf()), save=False)
    document.save()
    return release


# --- Releases in two languages ----------------------------------------------------------------


def test_a_release_in_english_and_uzbek_cyrillic(client, full_release):
    _, page = get(client, "/releases", lang="en")
    [item] = page["items"]
    assert item["id"] == full_release.pk
    assert item["title"] == "Muzokaralar [en]"
    assert item["lead"] == "Talks in Tashkent."
    assert item["body"] == "<p>Muzokaralar body [en]</p>"
    assert item["place"] == "Tashkent"
    assert item["url"] == f"http://testserver/en/press/{full_release.slug}/"
    assert item["kind"] == "meeting" and item["kind_label"] == "Meeting"
    assert item["event_date"] == "2021-05-05"
    assert [c["name"] for c in item["countries"]] == ["Uzbekistan"]
    assert item["countries"][0]["url"] == "http://testserver/en/countries/uzbekistan/"
    assert [t["name"] for t in item["topics"]] == ["Trade"]
    [participant] = item["participants"]
    assert participant["official"]["name"] == "Demo Minister"
    assert participant["post"] == "Minister of Foreign Affairs of Uzbekistan"
    [photo] = item["photos"]
    assert photo["alt"] == "The two delegations" and photo["credit"] == "MFA"
    assert photo["renditions"] and all(
        r["url"].startswith("http://testserver/media/photos/") for r in photo["renditions"]
    )
    [document] = item["attachments"]
    assert document["title"] == "Joint statement" and document["language"] == "en"
    assert client.get(document["url"])["Content-Type"] == "application/pdf"
    assert page["next_cursor"] is None

    response, item = get(client, f"/releases/{full_release.pk}", lang="uz-cyrl")
    assert response["Content-Language"] == "uz-Cyrl"
    assert item["title"] == "Muzokaralar [uz_cyrl]"
    assert item["url"] == f"http://testserver/uz-cyrl/press/{full_release.slug}/"
    assert [c["name"] for c in item["countries"]] == ["Ўзбекистон"]
    assert item["participants"][0]["official"]["name"] == "Демо Вазир"
    # Not written in Cyrillic: empty, never the Latin text in its place.
    assert item["lead"] == "" and item["place"] == ""

    _, by_slug = get(client, f"/releases/slug/{full_release.slug}", lang="ru")
    assert by_slug["id"] == full_release.pk and by_slug["lead"] == "Переговоры в Ташкенте."


def test_the_correction_note_is_shown(client, db):
    release = make_release(
        changed_at=timezone.now(), change_note_en="The date of the visit was corrected."
    )
    _, item = get(client, f"/releases/{release.pk}", lang="en")
    assert item["correction"]["note"] == "The date of the visit was corrected."
    _, item = get(client, f"/releases/{make_release().pk}", lang="en")
    assert item["correction"] is None


def test_filters_and_search_are_the_sites(client, uzbekistan, kyrgyzstan, trade, minister):
    about_uz = make_release(
        title="Paxta savdosi", countries=[uzbekistan], topics=[trade], participants=[minister]
    )
    about_kg = make_release(title="Suv xoʻjaligi", countries=[kyrgyzstan], kind="visit")

    def ids(**params):
        response, page = get(client, "/releases", lang="en", **params)
        assert response.status_code == 200, page
        return {item["id"] for item in page["items"]}

    assert ids(country="UZ") == {about_uz.pk}
    assert ids(country=["UZ", "KG"]) == {about_uz.pk, about_kg.pk}
    assert ids(topic="trade") == {about_uz.pk}
    assert ids(official="demo-minister") == {about_uz.pk}
    assert ids(kind="visit") == {about_kg.pk}
    assert ids(q="paxta") == {about_uz.pk}
    # Cyrillic and apostrophes aside, as on the site.
    assert ids(q="хўжалиги") == {about_kg.pk}
    assert ids(date_from="2021-05-06") == set()


def test_a_search_may_list_the_best_matches_first(client, db):
    now = timezone.now()
    in_title = make_release(title="Paxta eksporti", published_at=now - datetime.timedelta(days=3))
    body = {"body_uz": "<p>Paxta haqida.</p>"}
    in_body = make_release(title="Savdo", published_at=now - datetime.timedelta(days=1), **body)
    older = make_release(title="Tashrif", published_at=now - datetime.timedelta(days=5), **body)

    def ids(**params):
        response, page = get(client, "/releases", lang="en", q="paxta", **params)
        assert response.status_code == 200, page
        return [item["id"] for item in page["items"]], page

    assert ids()[0] == ids(sort="date")[0] == [in_body.pk, in_title.pk, older.pk]
    ranked, _ = ids(sort="relevance")
    assert ranked == [in_title.pk, in_body.pk, older.pk]  # the title first, as on the site
    # A cursor walks the ranked order too, one release a page.
    seen, params = [], {"sort": "relevance", "limit": 1}
    while True:
        page_ids, page = ids(**params)
        seen += page_ids
        if not page["next_cursor"]:
            break
        assert "sort=relevance" in page["next"]
        params["cursor"] = page["next_cursor"]
    assert seen == ranked
    # Without a search there is nothing to rank: newest first.
    response, page = get(client, "/releases", lang="en", sort="relevance")
    assert [item["id"] for item in page["items"]] == [in_body.pk, in_title.pk, older.pk]
    # A date cursor is no relevance cursor, and an unknown order is refused, in the language.
    _, first = ids(limit=1)
    response, page = get(
        client, "/releases", lang="ru", q="paxta", sort="relevance", cursor=first["next_cursor"]
    )
    assert response.status_code == 400 and list(page["errors"]) == ["cursor"]
    response, page = get(client, "/releases", lang="ru", q="paxta", sort="random")
    assert response.status_code == 400 and list(page["errors"]) == ["sort"]


def test_the_schema_documents_the_order(client, db):
    schema = json.loads(client.get(f"{API}/openapi.json").content)
    parameters = schema["paths"]["/api/v1/releases"]["get"]["parameters"]
    sort = next(p for p in parameters if p["name"] == "sort")
    assert sort["schema"]["enum"] == ["date", "relevance"]
    assert sort["schema"]["default"] == "date"
    assert "relevance" in sort["description"]


# --- Never shown --------------------------------------------------------------------------------


@pytest.fixture
def hidden(db, uzbekistan):
    """Releases no visitor may read, each naming Uzbekistan and the word "maxfiy"."""
    now = timezone.now()
    common = {"title": "Maxfiy", "countries": [uzbekistan]}
    return {
        "draft": make_release(status=Status.DRAFT, published_at=None, **common),
        "submitted": make_release(status=Status.SUBMITTED, published_at=None, **common),
        "scheduled": make_release(published_at=now + datetime.timedelta(days=1), **common),
        "withdrawn": make_release(
            status=Status.WITHDRAWN, withdrawn_at=now, withdrawal_reason_en="Wrong", **common
        ),
        "unpublished": make_release(status=Status.UNPUBLISHED, unpublished_at=now, **common),
    }


@pytest.mark.parametrize("lang", ["uz", "en"])
def test_drafts_scheduled_withdrawn_and_unpublished_never_show(client, hidden, lang):
    for params in ({}, {"country": "UZ"}, {"q": "maxfiy"}, {"kind": "meeting"}):
        response, page = get(client, "/releases", lang=lang, **params)
        assert response.status_code == 200 and page["items"] == [], params
    for name, release in hidden.items():
        for path in (f"/releases/{release.pk}", f"/releases/slug/{release.slug}"):
            response, body = get(client, path, lang=lang)
            assert response.status_code == 404, name
            assert "title" not in body and "Maxfiy" not in response.content.decode()


def test_a_release_not_in_the_language_is_treated_as_the_page_treats_it(client, db):
    release = make_release(title_en="", body_en="")
    _, page = get(client, "/releases", lang="en")
    assert page["items"] == []
    response, body = get(client, f"/releases/{release.pk}", lang="en")
    assert response.status_code == 404
    assert body["detail"] == "This release is not published in this language."
    assert body["languages"] == ["uz", "uz-cyrl", "ru"]
    assert client.get(f"/en/press/{release.slug}/").status_code == 404  # the page agrees
    _, item = get(client, f"/releases/{release.pk}", lang="ru")
    assert item["title"] == "Uchrashuv [ru]"


# --- Pages by cursor ----------------------------------------------------------------------------


def test_the_cursor_walks_every_release_once_while_one_is_published(client, db):
    start = timezone.now() - datetime.timedelta(days=1)
    made = [make_release(published_at=start - datetime.timedelta(hours=n)) for n in range(5)]
    # Two at the same moment: the id orders them, and neither is skipped.
    made.append(make_release(published_at=made[2].published_at))
    seen, params = [], {"lang": "en", "limit": 2}
    while True:
        _, page = get(client, "/releases", **params)
        seen += [item["id"] for item in page["items"]]
        if len(seen) == 2:
            newcomer = make_release(title="Yangi")  # published between two pages
        if not page["next_cursor"]:
            break
        assert page["next"].startswith("http://testserver/api/v1/releases?")
        params["cursor"] = page["next_cursor"]
    assert sorted(seen) == sorted(r.pk for r in made)
    assert newcomer.pk not in seen
    _, first = get(client, "/releases", lang="en", limit=2)
    assert first["items"][0]["id"] == newcomer.pk


@pytest.mark.parametrize("bad", ["nonsense", "eyJwIjogMX0", "eyJwIjoiMjAyNi0wMS0wMSIsImkiOjF9"])
def test_a_bad_cursor_is_a_400_in_the_language_asked_for(client, db, bad):
    response, body = get(client, "/releases", lang="ru", cursor=bad)
    assert response.status_code == 400
    assert body["detail"] == "Запрос неверен."
    assert body["errors"]["cursor"] == ["Этот курсор неверен: начните снова с первой страницы."]


# --- Errors -------------------------------------------------------------------------------------


def test_errors_are_400_with_json_in_the_callers_language(client, db):
    response, body = get(client, "/releases", lang="uz", date_from="2021-02-30")
    assert response.status_code == 400 and response["Content-Type"].startswith("application/json")
    assert body["detail"] == "Soʻrov notoʻgʻri."
    assert body["errors"] == {"date_from": ["Bu qiymat notoʻgʻri."]}

    response, body = get(client, "/releases", lang="uz-cyrl", country="ZZ")
    assert response.status_code == 400
    assert body["detail"] == "Сўров нотўғри."
    assert list(body["errors"]) == ["country"]

    response, body = get(
        client, "/releases", lang="en", date_from="2021-05-06", date_to="2021-05-01"
    )
    assert body["errors"] == {"date_to": ["The end date is before the start date."]}

    # An unknown language: said in the caller's own (Accept-Language).
    response = client.get(f"{API}/releases", {"lang": "fr"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "lang": ["Неизвестный язык: используйте один из кодов uz, uz-cyrl, ru, en."]
    }

    for name in ("q", "cursor"):
        response, body = get(client, "/releases", lang="en", **{name: "a\x00b"})
        assert response.status_code == 400 and list(body["errors"]) == [name]


def test_unknown_objects_are_404(client, db):
    for path in ("/releases/999999", "/releases/slug/nothing", "/countries/atlantis",
                 "/topics/nothing", "/officials/nobody"):  # fmt: skip
        response, body = get(client, path, lang="en")
        assert response.status_code == 404, path
        assert body["detail"], path


# --- Countries, topics, officials ---------------------------------------------------------------


def test_countries_topics_and_officials_in_two_languages(client, uzbekistan, trade, minister):
    _, countries = get(client, "/countries", lang="ru")
    assert [(c["code"], c["name"]) for c in countries] == [("UZ", "Узбекистан")]
    assert countries[0]["url"] == "http://testserver/ru/countries/uzbekistan/"
    _, country = get(client, "/countries/uzbekistan", lang="uz")
    assert country["name"] == "Oʻzbekiston" and country["iso3"] == "UZB"
    assert country["name_language"] == "uz"

    _, topics = get(client, "/topics", lang="uz-cyrl")
    assert [t["name"] for t in topics] == ["Савдо"]
    _, topic = get(client, "/topics/trade", lang="en")
    assert topic["url"] == "http://testserver/en/topics/trade/"

    _, officials = get(client, "/officials", lang="en")
    [official] = officials
    assert official["name"] == "Demo Minister"
    assert official["appointments"] == [
        {
            "post": "Minister of Foreign Affairs",
            "country": "UZ",
            "started_on": "2020-01-01",
            "ended_on": "2022-07-01",
        }
    ]
    _, official = get(client, "/officials/demo-minister", lang="ru")
    assert official["name"] == "Демо Министр"
    assert official["appointments"][0]["post"] == "Министр иностранных дел"


# --- Queries, caching, CORS ---------------------------------------------------------------------


def test_queries_do_not_grow_with_the_page(client, uzbekistan, trade, minister,
                                           django_assert_max_num_queries):  # fmt: skip
    def some(n):
        for _ in range(n):
            make_release(countries=[uzbekistan], topics=[trade], participants=[minister])

    # Settles the session-less request's one-off work (translations, content types).
    client.get(f"{API}/releases", {"lang": "en"})
    some(2)
    with django_assert_max_num_queries(9):
        assert len(get(client, "/releases", lang="en", country="UZ")[1]["items"]) == 2
    some(18)
    with django_assert_max_num_queries(9):
        assert len(get(client, "/releases", lang="en", country="UZ")[1]["items"]) == 20
    # The search counts its matches (press.search.engine) and asks which countries, people
    # or topics the query names (press.search.entities), and scores what it ranks
    # (press.search.engine.scores): a query each, whatever the page.
    with django_assert_max_num_queries(11):
        assert len(get(client, "/releases", lang="en", q="uchrashuv", limit=50)[1]["items"]) == 20
    release = Release.objects.first()
    with django_assert_max_num_queries(6):
        get(client, f"/releases/{release.pk}", lang="en")
    with django_assert_max_num_queries(2):
        get(client, "/officials", lang="en")


def test_conditional_get_answers_304(client, full_release):
    url = f"{API}/releases/{full_release.pk}?lang=en"
    first = client.get(url)
    assert first.status_code == 200
    assert first["Cache-Control"].startswith("public, max-age=60, stale-while-revalidate=")
    etag, modified = first["ETag"], first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["Access-Control-Allow-Origin"] == "*"
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    listed = client.get(f"{API}/releases?lang=en")
    assert (
        client.get(f"{API}/releases?lang=en", HTTP_IF_NONE_MATCH=listed["ETag"]).status_code == 304
    )
    assert (
        client.get(
            f"{API}/releases?lang=en", HTTP_IF_MODIFIED_SINCE=listed["Last-Modified"]
        ).status_code
        == 304
    )

    # A correction, a little later (Last-Modified counts whole seconds): both are stale.
    Release.objects.filter(pk=full_release.pk).update(
        title_en="Talks, corrected", updated_at=timezone.now() + datetime.timedelta(seconds=2)
    )
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed.json()["title"] == "Talks, corrected"
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=modified).status_code == 200
    stale = client.get(f"{API}/releases?lang=en", HTTP_IF_MODIFIED_SINCE=listed["Last-Modified"])
    assert stale.status_code == 200


def test_a_scheduled_release_coming_due_moves_the_lists_last_modified(client, db):
    make_release(published_at=timezone.now() - datetime.timedelta(days=3))
    due = timezone.now() + datetime.timedelta(minutes=5)
    make_release(title="Rejada", published_at=due)
    listed = client.get(f"{API}/releases?lang=en")
    later = listed["Last-Modified"]
    with time_machine.travel(due + datetime.timedelta(minutes=1)):
        response = client.get(f"{API}/releases?lang=en", HTTP_IF_MODIFIED_SINCE=later)
        assert response.status_code == 200
        assert response.json()["items"][0]["title"] == "Rejada [en]"


def test_cors_for_reads_and_preflight(client, db):
    response = client.get(f"{API}/countries", HTTP_ORIGIN="https://news.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = client.options(
        f"{API}/releases?lang=en",
        HTTP_ORIGIN="https://news.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    # The answer is in the lang asked for, whatever the browser's language: one copy to keep.
    assert "Accept-Language" not in response.get("Vary", "")
    # The site's pages are not the API's: no CORS there.
    assert not client.get("/en/").has_header("Access-Control-Allow-Origin")


# --- The schema and its docs --------------------------------------------------------------------


def test_the_schema_is_openapi_3_1(client, db):
    schema = client.get(f"{API}/openapi.json").json()
    assert schema["openapi"].startswith("3.1.")
    assert {"/api/v1/releases", "/api/v1/releases/{release_id}", "/api/v1/officials"} <= set(
        schema["paths"]
    )
    lang = next(
        p for p in schema["paths"]["/api/v1/releases"]["get"]["parameters"] if p["name"] == "lang"
    )
    assert lang["schema"]["enum"] == languages.codes()


def test_the_docs_page_uses_our_own_files_under_the_sites_csp(client, db):
    response = client.get(f"{API}/docs")
    page = response.content.decode()
    assert response.status_code == 200
    assert '<script src="/static/ninja/swagger-ui-bundle.js">' in page
    assert "cdn" not in page.lower() and "https://" not in page
    assert '"validatorUrl": null' in page
    # Served under the site's policy: scripts from our own origin only, none inline.
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_a_missing_name_says_which_language_it_falls_back_to(client, uzbekistan):
    """The pages mark such a name with its lang; a Cyrillic reader must be told it is Latin."""
    uzbekistan.name_uz_cyrl = ""
    uzbekistan.save()
    _, country = get(client, "/countries/uzbekistan", lang="uz-cyrl")
    assert (country["name"], country["name_language"]) == ("Oʻzbekiston", "uz")
    _, country = get(client, "/countries/uzbekistan", lang="ru")
    assert (country["name"], country["name_language"]) == ("Узбекистан", "ru")
