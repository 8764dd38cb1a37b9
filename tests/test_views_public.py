import datetime
import re

import pytest
from django.utils import timezone

from press.models import Country, Status, Topic
from tests.support import committed

pytestmark = pytest.mark.django_db


def slugs(response):
    return [release.slug for release in response.context["releases"]]


@pytest.fixture
def catalogue(release_factory, uzbekistan, kyrgyzstan, trade, minister):
    """Four public releases with different countries, topics, kinds and dates."""
    return {
        "uz-trade": release_factory(
            title="Savdo", countries=[uzbekistan], topics=[trade], kind="meeting",
            event_date=datetime.date(2021, 3, 1), participants=[minister],
        ),
        "kg": release_factory(
            title="Qirgʻiziston", countries=[kyrgyzstan], kind="visit",
            event_date=datetime.date(2022, 6, 1),
        ),
        "both": release_factory(
            title="Ikkalasi", countries=[uzbekistan, kyrgyzstan], topics=[trade],
            kind="statement", event_date=datetime.date(2023, 9, 1),
        ),
        "none": release_factory(title="Boshqa", kind="news", event_date=datetime.date(2024, 1, 1)),
    }  # fmt: skip


class TestPressList:
    def test_lists_public_releases_newest_first(self, client, catalogue):
        response = client.get("/uz/press/")
        assert response.status_code == 200
        assert len(slugs(response)) == 4

    def test_filter_by_one_country(self, client, catalogue):
        response = client.get("/uz/press/?country=KG")
        assert set(slugs(response)) == {catalogue["kg"].slug, catalogue["both"].slug}

    def test_repeated_country_is_or_and_lists_each_release_once(self, client, catalogue):
        response = client.get("/uz/press/?country=KG&country=UZ")
        assert sorted(slugs(response)) == sorted(
            [catalogue[k].slug for k in ("uz-trade", "kg", "both")]
        )

    def test_filter_by_topic(self, client, catalogue):
        response = client.get("/uz/press/?topic=trade")
        assert set(slugs(response)) == {catalogue["uz-trade"].slug, catalogue["both"].slug}

    def test_filter_by_official(self, client, catalogue, minister):
        response = client.get(f"/uz/press/?official={minister.person.slug}")
        assert slugs(response) == [catalogue["uz-trade"].slug]

    def test_filter_by_kind(self, client, catalogue):
        assert slugs(client.get("/uz/press/?kind=visit")) == [catalogue["kg"].slug]

    def test_filter_by_date_range_includes_both_ends(self, client, catalogue):
        response = client.get("/uz/press/?date_from=2022-06-01&date_to=2023-09-01")
        assert set(slugs(response)) == {catalogue["kg"].slug, catalogue["both"].slug}

    def test_filters_combine(self, client, catalogue):
        response = client.get(
            "/uz/press/?country=UZ&topic=trade&kind=statement&date_from=2023-01-01"
        )
        assert slugs(response) == [catalogue["both"].slug]

    def test_local_date_format_is_accepted(self, client, catalogue):
        assert slugs(client.get("/ru/press/?date_from=01.06.2022&date_to=01.06.2022")) == [
            catalogue["kg"].slug
        ]

    def test_pagination_keeps_every_filter(self, client, release_factory, uzbekistan, trade):
        for n in range(25):
            release_factory(
                title=f"R{n}", countries=[uzbekistan], topics=[trade],
                event_date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
            )  # fmt: skip
        query = "country=UZ&topic=trade&date_from=2022-01-01&kind=meeting"
        response = client.get(f"/uz/press/?{query}")
        assert len(slugs(response)) == 20
        html = response.content.decode()
        next_link = re.search(r'href="([^"]+)" rel="next"', html).group(1).replace("&amp;", "&")
        for part in query.split("&") + ["page=2"]:
            assert part in next_link
        second = client.get(f"/uz/press/{next_link}")
        assert len(slugs(second)) == 5
        # The filter form shows the chosen values again.
        page = second.content.decode()
        assert re.search(r'name="date_from_year" value="2022"', page)
        assert re.search(r'name="country" value="UZ" id="[^"]+" checked', page)

    @pytest.mark.parametrize(
        "query, field",
        [
            ("date_from=2024-02-30", "date_from"),
            ("date_to=yesterday", "date_to"),
            ("country=XX", "country"),
            ("topic=no-such-topic", "topic"),
            ("official=nobody", "official"),
            ("kind=party", "kind"),
            ("kind=meeting&kind=visit", "kind"),
            ("date_from=2024-01-01&date_from=2024-02-01", "date_from"),
            ("date_from=2024-05-01&date_to=2024-01-01", "date_to"),
            ("country=%00", "country"),
            ("date_from=" + "9" * 5000, "date_from"),
        ],
    )
    def test_bad_input_answers_400_with_the_error_in_the_page(
        self, client, catalogue, query, field
    ):
        response = client.get(f"/ru/press/?{query}")
        assert response.status_code == 400
        assert field in response.context["filter"].form.errors
        html = response.content.decode()
        assert 'class="error"' in html
        assert response.context["releases"].count() == 0

    def test_errors_are_in_the_visitors_language(self, client, catalogue):
        assert (
            "Введите правильную дату."
            in client.get("/ru/press/?date_from=2024-02-30").content.decode()
        )
        assert (
            "Enter a valid date." in client.get("/en/press/?date_from=2024-02-30").content.decode()
        )

    def test_unknown_parameters_are_ignored(self, client, catalogue):
        response = client.get("/uz/press/?utm_source=telegram")
        assert response.status_code == 200

    @pytest.mark.parametrize("page", ["2", "abc", "-1", "0", "99999999999999999999999999", "1.5"])
    def test_page_out_of_range_or_junk_is_404(self, client, catalogue, page):
        assert client.get(f"/uz/press/?page={page}").status_code == 404

    def test_last_page_by_name(self, client, catalogue):
        assert client.get("/uz/press/?page=last").status_code == 200

    def test_filter_options_are_named_in_the_page_language_and_follow_renames(
        self, client, catalogue
    ):
        def options(path):
            html = client.get(path).content.decode()
            return re.findall(r'name="country" value="UZ"[^>]*><label [^>]*>([^<]*)</label>', html)

        assert options("/uz/press/") == ["Oʻzbekiston"]
        assert options("/uz-cyrl/press/") == ["Ўзбекистон"]
        assert options("/ru/press/?country=UZ") == ["Узбекистан"]
        # The lists are kept in the cache: a rename shows at once all the same.
        Country.objects.filter(code="UZ").update(name_ru="Республика Узбекистан")
        assert options("/ru/press/") == ["Узбекистан"]  # a bulk update sends no signal
        country = Country.objects.get(code="UZ")
        country.name_ru = "Республика Узбекистан & Co"
        with committed():
            country.save()
        assert options("/ru/press/") == ["Республика Узбекистан &amp; Co"]

    def test_a_list_is_counted_once_for_all_its_pages_until_the_content_changes(
        self, client, release_factory, uzbekistan
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for n in range(3):
            release_factory(title=f"UZ {n}", countries=[uzbekistan])
        release_factory(title="Elsewhere")

        def count(path):
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(path)
            counted = any("COUNT(" in q["sql"] for q in ctx.captured_queries)
            return response.context["paginator"].count, counted

        assert count("/uz/press/") == (4, True)
        assert count("/uz/press/?page=1") == (4, False)
        assert count("/uz/press/?country=UZ") == (3, True)  # each list its own
        assert count("/ru/press/?country=UZ") == (3, True)  # and each language
        assert count("/uz/countries/uzbekistan/?page=1") == (3, True)
        release_factory(title="UZ 4", countries=[uzbekistan])  # publishing recounts
        assert count("/uz/press/?country=UZ&page=1") == (4, True)

    def test_query_count_does_not_grow_with_releases(
        self, client, release_factory, uzbekistan, kyrgyzstan, trade, django_assert_max_num_queries
    ):
        for n in range(3):
            release_factory(title=f"Few {n}", countries=[uzbekistan], topics=[trade])
        # 10, and the finder's three counts of releases by country, topic and official
        # (kept in the cache until content changes; a test's first page computes them).
        with django_assert_max_num_queries(13) as few:
            client.get("/uz/press/?country=UZ")
        for n in range(20):
            release_factory(title=f"Many {n}", countries=[uzbekistan, kyrgyzstan], topics=[trade])
        with django_assert_max_num_queries(len(few.captured_queries)):
            client.get("/uz/press/?country=UZ")


class TestVisibility:
    @pytest.fixture
    def hidden(self, release_factory, uzbekistan, trade, minister):
        common = {"countries": [uzbekistan], "topics": [trade], "participants": [minister]}
        return [
            release_factory(title="Secret draft", status=Status.DRAFT, **common),
            release_factory(title="Secret review", status=Status.SUBMITTED, **common),
            release_factory(title="Secret withdrawn", status=Status.WITHDRAWN, **common),
            release_factory(title="Secret gone", status=Status.UNPUBLISHED, **common),
            release_factory(
                title="Secret scheduled",
                published_at=timezone.now() + datetime.timedelta(hours=2),
                **common,
            ),
        ]

    @pytest.mark.parametrize(
        "path",
        [
            "/uz/",
            "/uz/press/",
            "/uz/press/?country=UZ",
            "/uz/countries/uzbekistan/",
            "/uz/topics/trade/",
            "/uz/officials/demo-minister/",
        ],
    )
    def test_hidden_releases_appear_on_no_list(self, client, hidden, path):
        response = client.get(path)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Secret" not in html
        for release in hidden:
            assert release.slug not in html

    def test_hidden_release_pages_are_404_in_every_language(self, client, hidden):
        for release in hidden:
            if release.status == Status.WITHDRAWN:
                continue  # readable with its notice (tests/test_visibility.py)
            # An unpublished release is gone for good: 410 (see TestGone).
            expected = 410 if release.status == Status.UNPUBLISHED else 404
            for code in ("uz", "uz-cyrl", "ru", "en"):
                response = client.get(f"/{code}/press/{release.slug}/")
                assert response.status_code == expected
                assert "Secret" not in response.content.decode()

    def test_scheduled_release_appears_when_its_time_comes(self, client, release_factory):
        import time_machine

        at = timezone.now() + datetime.timedelta(hours=2)
        scheduled = release_factory(title="Later", published_at=at)
        assert client.get(f"/uz/press/{scheduled.slug}/").status_code == 404
        with time_machine.travel(at + datetime.timedelta(seconds=1)):
            assert client.get(f"/uz/press/{scheduled.slug}/").status_code == 200
            assert scheduled.slug in client.get("/uz/press/").content.decode()

    def test_countries_without_public_releases_are_not_linked_from_home(
        self, client, hidden, kyrgyzstan
    ):
        html = client.get("/uz/").content.decode()
        assert "/uz/countries/uzbekistan/" not in html


class TestReleasePage:
    def test_shows_everything_about_the_release(
        self, client, release_factory, minister, uzbekistan, trade
    ):
        release = release_factory(
            title="Meeting", countries=[uzbekistan], topics=[trade], participants=[minister],
            place_en="Tashkent", lead_en="The lead.", event_date=datetime.date(2021, 11, 5),
        )  # fmt: skip
        response = client.get(f"/en/press/{release.slug}/")
        html = response.content.decode()
        assert response.status_code == 200
        for text in (
            "Meeting [en]", "The lead.", "Tashkent", "5 November 2021", "Demo Minister",
            "Minister of Foreign Affairs", "/en/officials/demo-minister/", "Uzbekistan",
            "/en/countries/uzbekistan/", "Trade", "/en/topics/trade/", "Meeting body [en]",
        ):  # fmt: skip
            assert text in html, text

    @pytest.mark.parametrize(
        "code, date",
        [("uz", "5-noyabr, 2020-yil"), ("uz-cyrl", "5 ноябрь 2020 йил"), ("ru", "5 ноября 2020 г."),
         ("en", "5 November 2020")],
    )  # fmt: skip
    def test_event_date_is_written_the_languages_way(self, client, release_factory, code, date):
        release = release_factory(event_date=datetime.date(2020, 11, 5))
        assert date in client.get(f"/{code}/press/{release.slug}/").content.decode()

    def test_language_switcher_leads_to_the_same_release_where_it_exists(
        self, client, release_factory
    ):
        release = release_factory(title="Only three", title_en="", body_en="")
        html = client.get(f"/ru/press/{release.slug}/").content.decode()
        assert f'href="/uz/press/{release.slug}/"' in html
        assert f'href="/uz-cyrl/press/{release.slug}/"' in html
        assert f"/en/press/{release.slug}/" not in html
        assert 'hreflang="uz-Cyrl"' in html

    def test_missing_language_is_404_that_points_to_the_others(self, client, release_factory):
        release = release_factory(title="No English", body_en="")
        response = client.get(f"/en/press/{release.slug}/")
        assert response.status_code == 404
        assert f'href="/ru/press/{release.slug}/"' in response.content.decode()
        assert "No English" not in response.content.decode().split("<main")[1].split("</h1>")[1]

    def test_release_absent_from_lists_of_a_language_it_lacks(self, client, release_factory):
        release = release_factory(title="Russian only", title_en="", body_en="")
        assert release.slug not in client.get("/en/press/").content.decode()
        assert release.slug in client.get("/ru/press/").content.decode()

    def test_query_count_is_fixed(
        self, client, release_factory, minister, uzbekistan, kyrgyzstan, trade,
        django_assert_max_num_queries,
    ):  # fmt: skip
        release = release_factory(
            countries=[uzbekistan, kyrgyzstan], topics=[trade], participants=[minister]
        )
        with django_assert_max_num_queries(8):
            assert client.get(f"/uz/press/{release.slug}/").status_code == 200

    def test_html_lang_per_language(self, client, release_factory):
        release = release_factory()
        for code, lang in (("uz", "uz-Latn"), ("uz-cyrl", "uz-Cyrl"), ("ru", "ru"), ("en", "en")):
            html = client.get(f"/{code}/press/{release.slug}/").content.decode()
            assert f'<html lang="{lang}">' in html


class TestSubjectPages:
    def test_country_page_lists_its_releases_with_filters(self, client, catalogue):
        response = client.get("/en/countries/kyrgyzstan/?kind=visit")
        assert response.status_code == 200
        assert slugs(response) == [catalogue["kg"].slug]
        assert "Kyrgyzstan" in response.content.decode()
        assert 'name="country"' not in response.content.decode()

    def test_topic_page(self, client, catalogue):
        response = client.get("/ru/topics/trade/")
        assert set(slugs(response)) == {catalogue["uz-trade"].slug, catalogue["both"].slug}
        assert "Торговля" in response.content.decode()

    def test_official_page_shows_posts_over_time_and_releases(self, client, catalogue, minister):
        response = client.get("/en/officials/demo-minister/")
        html = response.content.decode()
        assert slugs(response) == [catalogue["uz-trade"].slug]
        assert "Minister of Foreign Affairs" in html
        assert "1 January 2020" in html and "1 July 2022" in html

    def test_a_kept_subject_shows_a_change_at_once(self, client, catalogue, minister):
        """The hubs' subjects are kept in the cache (ReleaseListView.kept_subject)."""
        client.get("/en/officials/demo-minister/")
        client.get("/en/countries/kyrgyzstan/")
        minister.ended_on = datetime.date(2023, 3, 1)
        with committed():
            minister.save()
        kyrgyzstan = Country.objects.get(slug="kyrgyzstan")
        kyrgyzstan.name_en = "Kyrgyz Republic"
        with committed():
            kyrgyzstan.save()
        assert "1 March 2023" in client.get("/en/officials/demo-minister/").content.decode()
        assert "Kyrgyz Republic" in client.get("/en/countries/kyrgyzstan/").content.decode()

    def test_unknown_subjects_are_404(self, client, db):
        for path in ("/uz/countries/atlantis/", "/uz/topics/nothing/", "/uz/officials/nobody/"):
            assert client.get(path).status_code == 404

    def test_home_links_countries_and_topics_with_releases(self, client, catalogue):
        html = client.get("/uz-cyrl/").content.decode()
        assert "/uz-cyrl/countries/kyrgyzstan/" in html
        assert "/uz-cyrl/topics/trade/" in html
        assert "Қирғизистон" in html


class TestLanguages:
    @pytest.mark.parametrize(
        "header, prefix",
        [("uz-Cyrl-UZ,uz;q=0.9", "/uz-cyrl/"), ("uz-Cyrl", "/uz-cyrl/"), ("uz-Latn-UZ", "/uz/"),
         ("ru-RU,ru;q=0.9", "/ru/"), ("en-GB", "/en/"), ("de-DE", "/uz/"), ("", "/uz/")],
    )  # fmt: skip
    def test_root_redirects_by_accept_language(self, client, db, header, prefix):
        response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
        assert response.status_code == 302
        assert response["Location"] == prefix

    def test_cookie_wins_over_header(self, client, db):
        client.cookies["django_language"] = "ru"
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
        assert response["Location"] == "/ru/"

    @pytest.mark.parametrize("path", ["/uz/", "/uz-cyrl/", "/ru/", "/en/"])
    def test_every_prefix_serves_the_site(self, client, db, path):
        assert client.get(path).status_code == 200

    def test_unknown_prefix_is_404(self, client, db):
        assert client.get("/uz-Cyrl/").status_code == 404

    def test_fallback_text_is_marked_with_its_language(self, client, release_factory):
        Country.objects.create(code="XK", slug="demo-land", name_uz="Namuna", name_en="Demo land")
        release = release_factory(countries=Country.objects.filter(code="XK"))
        html = client.get(f"/uz-cyrl/press/{release.slug}/").content.decode()
        assert '<span lang="uz-Latn">Namuna</span>' in html

    def test_error_pages_use_the_layout_and_language(self, client, db):
        response = client.get("/ru/no-such-page/")
        assert response.status_code == 404
        assert '<html lang="ru">' in response.content.decode()
        assert 'class="skip-link"' in response.content.decode()


def test_topic_and_country_models_link_to_their_pages(db, uzbekistan, trade):
    assert uzbekistan.get_absolute_url() == "/uz/countries/uzbekistan/"
    assert Topic.objects.get().get_absolute_url() == "/uz/topics/trade/"
