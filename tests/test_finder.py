"""The finder (press/site/finder.py, filters.py, widgets.py): chips that each remove one
value, the results' heading in words in the page's language, dates typed in day, month
and year boxes with errors in the visitor's language, and older date links still read."""

import datetime
import html
import re

import pytest

from press.models import Appointment, Country, Person, Status
from tests.support import committed, make_release

pytestmark = pytest.mark.django_db


@pytest.fixture
def finder_site(release_factory, uzbekistan, kyrgyzstan, trade, minister):
    """Kyrgyzstan named by three public releases of 2022, Uzbekistan by one, a draft that
    names Uzbekistan three times over (never counted), and Kazakhstan by none."""
    Country.objects.create(
        code="KZ", slug="kazakhstan", name_uz="Qozogʻiston", name_uz_cyrl="Қозоғистон",
        name_ru="Казахстан", name_en="Kazakhstan",
    )  # fmt: skip
    made = [
        release_factory(
            title=f"Bishkek {n}",
            countries=[kyrgyzstan],
            kind="visit",
            event_date=datetime.date(2022, 3, 1 + n),
        )  # fmt: skip
        for n in range(3)
    ]
    made.append(
        release_factory(
            title="Toshkent",
            countries=[uzbekistan],
            topics=[trade],
            participants=[minister],
            event_date=datetime.date(2022, 12, 3),
        )  # fmt: skip
    )
    for n in range(3):
        release_factory(title=f"Draft {n}", countries=[uzbekistan], status=Status.DRAFT)
    return made


def page_text(response) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", response.content.decode()))


def results_heading(response) -> str:
    found = re.search(r'<h2 id="results-heading"[^>]*>(.*?)</h2>', response.content.decode())
    return html.unescape(found.group(1))


def chips(response) -> dict[str, str]:
    """{accessible name: address} of each chip on the page."""
    found = re.findall(
        r'<a class="chip" href="([^"]*)"><span class="visually-hidden">([^<]*)</span>([^<]*)<',
        response.content.decode(),
    )
    return {html.unescape(hidden + label): html.unescape(url) for url, hidden, label in found}


def card_titles(response) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a [^>]*>([^<]*)</a>', response.content.decode())


class TestChips:
    def test_each_chip_is_the_same_address_without_that_one_value(self, client, finder_site):
        query = "country=KG&country=UZ&kind=visit&date_from=2022-01-01&date_to_day=31"
        query += "&date_to_month=12&date_to_year=2022&q=Bishkek"
        response = client.get(f"/en/press/?{query}&utm_source=x")
        assert response.status_code == 200
        assert chips(response) == {
            "Remove filter: Kyrgyzstan": "/en/press/?country=UZ&kind=visit&date_from=2022-01-01"
            "&date_to_day=31&date_to_month=12&date_to_year=2022&q=Bishkek&utm_source=x",
            "Remove filter: Uzbekistan": "/en/press/?country=KG&kind=visit&date_from=2022-01-01"
            "&date_to_day=31&date_to_month=12&date_to_year=2022&q=Bishkek&utm_source=x",
            "Remove filter: Visit": "/en/press/?country=KG&country=UZ&date_from=2022-01-01"
            "&date_to_day=31&date_to_month=12&date_to_year=2022&q=Bishkek&utm_source=x",
            "Remove filter: Search: “Bishkek”": "/en/press/?country=KG&country=UZ&kind=visit"
            "&date_from=2022-01-01&date_to_day=31&date_to_month=12&date_to_year=2022"
            "&utm_source=x",
            "Remove filter: From 1 January 2022": "/en/press/?country=KG&country=UZ&kind=visit"
            "&date_to_day=31&date_to_month=12&date_to_year=2022&q=Bishkek&utm_source=x",
            "Remove filter: Until 31 December 2022": "/en/press/?country=KG&country=UZ"
            "&kind=visit&date_from=2022-01-01&q=Bishkek&utm_source=x",
        }
        assert "Filter (6)" in page_text(response)
        assert 'href="/en/press/">Clear all filters</a>' in response.content.decode()

    def test_following_a_chip_removes_it_and_goes_back_to_the_first_page(self, client, finder_site):
        response = client.get("/en/press/?country=KG&country=UZ&page=1")
        address = chips(response)["Remove filter: Uzbekistan"]
        assert address == "/en/press/?country=KG"
        after = client.get(address)
        assert list(chips(after)) == ["Remove filter: Kyrgyzstan"]
        assert sorted(card_titles(after)) == ["Bishkek 0 [en]", "Bishkek 1 [en]", "Bishkek 2 [en]"]

    def test_a_search_page_keeps_its_query_when_filters_are_cleared(self, client, finder_site):
        response = client.get("/ru/search/?q=Bishkek&country=KG")
        assert list(chips(response)) == ["Убрать фильтр: Кыргызстан"]
        assert chips(response)["Убрать фильтр: Кыргызстан"] == "/ru/search/?q=Bishkek"
        assert 'href="/ru/search/?q=Bishkek">Сбросить все фильтры</a>' in (
            response.content.decode()
        )

    def test_no_filter_no_chips(self, client, finder_site):
        response = client.get("/en/press/")
        assert chips(response) == {}
        assert "Clear all filters" not in page_text(response)
        assert results_heading(response) == "4 releases"


class TestHeading:
    QUERY = "country=KG&country=UZ&date_from=2022-01-01&date_to=2022-12-03"

    @pytest.mark.parametrize(
        ("code", "heading"),
        [
            ("en", "4 releases about Kyrgyzstan or Uzbekistan, 1 January – 3 December 2022"),
            ("ru", "4 пресс-релиза: Кыргызстан или Узбекистан, 1 января – 3 декабря 2022 г."),
            ("uz", "Qirgʻiziston yoki Oʻzbekiston haqida 4 ta matbuot xabari, "
                   "1-yanvar – 3-dekabr, 2022-yil"),
            ("uz-cyrl", "Қирғизистон ёки Ўзбекистон ҳақида 4 та матбуот хабари, "
                        "1 январь – 3 декабрь 2022 йил"),
        ],
    )  # fmt: skip
    def test_the_heading_restates_the_choices_in_the_pages_language(
        self, client, finder_site, code, heading
    ):
        response = client.get(f"/{code}/press/?{self.QUERY}")
        assert results_heading(response) == heading
        assert 'aria-live="polite">\n    <h2 id="results-heading" tabindex="-1">' in (
            response.content.decode()
        )

    def test_one_release_one_country_and_a_start_only(self, client, finder_site):
        response = client.get("/en/press/?country=UZ&date_from=2022-12-01")
        assert results_heading(response) == "1 release about Uzbekistan, from 1 December 2022"
        response = client.get("/ru/press/?country=UZ&date_to=2022-12-31")
        assert results_heading(response) == "1 пресс-релиз: Узбекистан, по 31 декабря 2022 г."

    def test_topics_officials_and_kinds_are_named_too(self, client, finder_site, minister):
        response = client.get(
            f"/en/press/?topic=trade&official={minister.person.slug}&kind=meeting"
            "&date_from=2021-01-01&date_to=2022-12-31"
        )
        assert results_heading(response) == (
            f"1 release, Topic: Trade, Official: {minister.person.name_en}, Kind: Meeting, "
            "1 January 2021 – 31 December 2022"
        )


class TestDates:
    def test_day_month_and_year_boxes_filter_both_ends_included(self, client, finder_site):
        response = client.get(
            "/uz/press/?date_from_day=2&date_from_month=3&date_from_year=2022"
            "&date_to_day=3&date_to_month=3&date_to_year=2022"
        )
        assert response.status_code == 200
        assert sorted(card_titles(response)) == ["Bishkek 1 [uz]", "Bishkek 2 [uz]"]
        # What was typed is shown back in the boxes.
        page = response.content.decode()
        assert 'name="date_from_day" value="2"' in page
        assert 'name="date_to_year" value="2022"' in page
        assert 'inputmode="numeric"' in page

    @pytest.mark.parametrize(
        ("parts", "ru", "uz"),
        [
            (("31", "2", "2022"), "Введите существующую дату.", "Mavjud sanani kiriting."),
            (("", "2", "2022"), "Введите день, месяц и год.", "Kun, oy va yilni kiriting."),
            (("1", "feb", "2022"), "Введите день, месяц и год цифрами.",
             "Kun, oy va yilni raqamlar bilan kiriting."),
            (("1", "2", "22"), "Введите год четырьмя цифрами.",
             "Yilni toʻrt xonali raqam bilan kiriting."),
            (("1", "2", "9" * 5000), "Введите год четырьмя цифрами.",
             "Yilni toʻrt xonali raqam bilan kiriting."),
        ],
    )  # fmt: skip
    def test_a_wrong_date_is_a_400_with_the_error_beside_it_and_what_was_typed(
        self, client, finder_site, parts, ru, uz
    ):
        day, month, year = parts
        query = f"date_from_day={day}&date_from_month={month}&date_from_year={year}"
        for code, message in (("ru", ru), ("uz", uz)):
            response = client.get(f"/{code}/press/?{query}")
            assert response.status_code == 400
            page = response.content.decode()
            error = re.search(r'<div class="error" id="id_date_from_error"><p>([^<]*)</p>', page)
            assert error and html.unescape(error.group(1)) == message
            assert 'aria-describedby="id_date_from_helptext id_date_from_error"' in page
            assert f'name="date_from_month" value="{month}"' in page
            assert card_titles(response) == []

    def test_a_repeated_box_is_an_error_not_a_guess(self, client, finder_site):
        response = client.get("/en/press/?date_from_day=1&date_from_day=2&date_from_month=1"
                              "&date_from_year=2022")  # fmt: skip
        assert response.status_code == 400
        assert "Give this filter only one value." in page_text(response)

    def test_the_end_before_the_start_is_an_error(self, client, finder_site):
        response = client.get(
            "/en/press/?date_from_day=5&date_from_month=5&date_from_year=2022&date_to=2022-01-01"
        )
        assert response.status_code == 400
        assert "The end date is before the start date." in page_text(response)


class TestOlderLinks:
    def test_date_from_and_date_to_are_still_read(self, client, finder_site):
        response = client.get("/en/press/?date_from=2022-03-02&date_to=2022-03-03")
        assert response.status_code == 200
        assert sorted(card_titles(response)) == ["Bishkek 1 [en]", "Bishkek 2 [en]"]
        # Shown in the three boxes, so that the next Apply sends the new parameters.
        page = response.content.decode()
        assert 'name="date_from_day" value="2"' in page
        assert 'name="date_from_month" value="3"' in page
        assert 'name="date_from_year" value="2022"' in page

    def test_the_languages_own_format_and_its_errors_still_hold(self, client, finder_site):
        response = client.get("/ru/press/?date_from=02.03.2022&date_to=02.03.2022")
        assert card_titles(response) == ["Bishkek 1 [ru]"]
        assert 'name="date_to_day" value="2"' in response.content.decode()
        wrong = client.get("/ru/press/?date_from=2024-02-30")
        assert wrong.status_code == 400
        assert "Введите правильную дату." in page_text(wrong)

    def test_boxes_win_over_an_older_parameter_sent_with_them(self, client, finder_site):
        response = client.get(
            "/en/press/?date_from=2000-01-01&date_from_day=3&date_from_month=3&date_from_year=2022"
        )
        assert sorted(card_titles(response)) == ["Bishkek 2 [en]", "Toshkent [en]"]

    def test_the_feed_of_a_filtered_list_still_takes_the_older_parameters(
        self, client, finder_site
    ):
        response = client.get("/en/press/feed.rss?date_from=2022-03-03")
        assert response.status_code == 200
        body = response.content.decode()
        assert "Bishkek 2 [en]" in body and "Bishkek 0 [en]" not in body


class TestLists:
    def test_checkboxes_most_named_first_chosen_before_all(self, client, finder_site):
        def order(path):
            page = client.get(path).content.decode()
            return re.findall(r'name="country" value="(\w+)"', page)

        # Kyrgyzstan: 3 public releases; Uzbekistan: 1 (its 3 drafts are not counted).
        assert order("/en/press/")[:3] == ["KG", "UZ", "KZ"]
        assert order("/en/press/?country=KZ")[:3] == ["KZ", "KG", "UZ"]
        page = client.get("/en/press/?country=KZ").content.decode()
        assert re.search(r'name="country" value="KZ" id="[^"]+" checked', page)
        assert "hold Ctrl" not in page and "<select" not in page

    def test_a_publication_shows_at_once_without_counting_the_names_again(
        self, client, finder_site, editor, draft_factory
    ):
        """The counts only order the options: a publication does not make every list, hub
        and search count them again (a quarter of a second at 100,000 releases)."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from press import services
        from press.site import page_cache

        def counted(path):
            with CaptureQueriesContext(connection) as queries:
                page = client.get(path).content.decode()
            counting = any('AS "about"' in q["sql"] for q in queries.captured_queries)
            return page, counting

        assert counted("/en/press/")[1]  # counted once
        assert not counted("/en/press/?kind=visit")[1]  # kept for the other lists
        kazakhstan = Country.objects.get(code="KZ")
        draft = draft_factory(title="Astana talks", countries=[kazakhstan])
        services.release_publish(release=draft, user=editor, force_reason="urgent")
        page, counting = counted("/en/press/")
        assert "Astana talks" in page and not counting
        assert re.findall(r'name="country" value="(\w+)"', page)[:3] == ["KG", "UZ", "KZ"]
        page_cache.bump(page_cache.ALL)  # a name changed: counted again, at once
        assert counted("/en/press/")[1]

    def test_a_publication_keeps_the_drawn_form_unless_it_brings_an_event_to_offer(
        self, client, finder_site, editor, draft_factory
    ):
        """The drawn form (``filters``) is kept under the ``events`` tag, not every
        publication's: after a publication each list, hub and search drew its form again.
        An event is offered once a release of it is out, and then at once."""
        import datetime

        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from press import services
        from press.models import Occasion

        def drawn(path):
            with CaptureQueriesContext(connection) as queries:
                page = client.get(path).content.decode()
            # Drawing the form reads the events offered (ReleaseFilter.event, when drawn).
            return page, any('"press_occasion"' in q["sql"] for q in queries.captured_queries)

        summit = Occasion.objects.create(
            slug="astana-summit", name_en="Astana Summit", name_uz="Ostona sammiti",
            starts_on=datetime.date(2022, 3, 1), ends_on=datetime.date(2022, 3, 2),
        )  # fmt: skip
        assert drawn("/en/press/")[1]
        assert not drawn("/en/press/")[1]
        kazakhstan = Country.objects.get(code="KZ")
        talks = draft_factory(title="Astana talks", countries=[kazakhstan])
        with committed():
            services.release_publish(release=talks, user=editor, force_reason="urgent")
        page, redrawn = drawn("/en/press/")
        assert "Astana talks" in page and not redrawn
        assert 'value="astana-summit"' not in page  # nothing of it is out yet
        opening = draft_factory(title="Summit opens", occasions=[summit])
        with committed():
            services.release_publish(release=opening, user=editor, force_reason="urgent")
        page, redrawn = drawn("/en/press/")
        assert "Summit opens" in page and redrawn
        assert re.search(r'name="event" value="astana-summit"', page)
        reason = {
            "uz": "Koʻchirildi",
            "uz-cyrl": "Кўчирилди",
            "ru": "Перенесено",
            "en": "Postponed",
        }
        with committed():
            services.release_withdraw(release=opening, user=editor, reason=reason)
        page, redrawn = drawn("/en/press/")
        assert redrawn and 'value="astana-summit"' not in page

    def test_each_name_carries_its_fold_for_the_narrowing_box(self, client, finder_site):
        page = client.get("/uz-cyrl/press/").content.decode()
        # "Ўзбекистон" folded as the search folds it: typing "ozbek" or "ўзбек" finds it.
        assert re.search(r'<li data-fold="ozbekiston"><input type="checkbox" name="country"', page)
        assert "data-fold-table=" in page

    def test_officials_are_checkboxes_and_kinds_radio_buttons_with_any_first(
        self, client, finder_site, minister, django_assert_max_num_queries
    ):
        other = Appointment.objects.create(
            person=Person.objects.create(slug="deputy", name_en="A Deputy"),
            post=minister.post,
            started_on=minister.started_on,
        )
        make_release(title="Deputy's talks", participants=[other])
        url = f"/en/press/?official={minister.person.slug}&official=deputy"
        client.get(url)
        with django_assert_max_num_queries(12):  # the people's posts read with them, at once
            page = client.get(url).content.decode()
        for slug in (minister.person.slug, "deputy"):
            assert re.search(
                rf'type="checkbox" name="official" value="{slug}" id="[^"]+" checked', page
            )
        assert "Deputy&#x27;s talks" in page or "Deputy's talks" in page
        heading = re.search(r'<h2 id="results-heading"[^>]*>(.*?)</h2>', page, re.S)[1]
        assert " or A Deputy" in heading
        any_kind = r'type="radio" name="kind" value="" id="[^"]+" checked><label[^>]*>Any kind'
        assert re.search(any_kind, page)


class TestListsMadeWhenNeeded:
    """The filter form's model lists (press.site.filters.QuerysetOnUse) are made when a
    value sent is checked or the options are drawn, not with every list page's form."""

    @pytest.fixture
    def form_class(self):
        from django import forms

        from press.site.filters import ModelChoiceOnUse, ModelMultipleChoiceOnUse

        made = []

        def countries():
            made.append("countries")
            return Country.objects.order_by("code")

        class Form(forms.Form):
            country = ModelMultipleChoiceOnUse(
                queryset=countries, to_field_name="code", required=False
            )
            one = ModelChoiceOnUse(queryset=countries, to_field_name="code", required=False)

        Form.made = made
        return Form

    def test_nothing_chosen_makes_no_list(self, form_class, kyrgyzstan):
        form = form_class({})
        assert form.is_valid(), form.errors
        assert form.cleaned_data == {"country": [], "one": None}
        assert form_class.made == []

    def test_a_value_sent_is_checked_against_the_list(self, form_class, kyrgyzstan):
        form = form_class({"country": ["KG"], "one": "KG"})
        assert form.is_valid(), form.errors
        assert list(form.cleaned_data["country"]) == [kyrgyzstan]
        assert form.cleaned_data["one"] == kyrgyzstan
        wrong = form_class({"country": ["ZZ"]})
        assert not wrong.is_valid() and "country" in wrong.errors
        assert form_class.made  # made for the checks, once per form's field

    def test_the_options_drawn_come_from_the_list_made_then(self, form_class, kyrgyzstan):
        html = str(form_class()["one"])
        assert '<option value="KG">Qirgʻiziston</option>' in html
        assert form_class.made == ["countries"]


class TestOneFormClass:
    """Filtersets share one form class per set of filters (ReleaseFilter.get_form_class)
    and copy their filters shallowly (press.site.filters.CopiedCheaply): what one request
    chose, and the language it was made in, must never reach the next."""

    def test_a_second_request_gets_its_own_choices_language_and_filters(
        self, rf, finder_site, kyrgyzstan
    ):
        from django.http import QueryDict
        from django.utils import translation

        from press.models import Release
        from press.site.filters import ReleaseFilter

        def filterset(query, language):
            with translation.override(language):
                made = ReleaseFilter(
                    QueryDict(query), queryset=Release.objects.public(), request=rf.get("/")
                )
                assert made.is_valid(), made.form.errors
                titles = sorted(made.qs.values_list("title_uz", flat=True))
                label = str(made.form["country"].label)
                return made, titles, label

        first, first_titles, first_label = filterset("country=KG&kind=visit", "ru")
        second, second_titles, second_label = filterset("", "en")
        assert type(first.form) is type(second.form)
        assert first_titles == ["Bishkek 0 [uz]", "Bishkek 1 [uz]", "Bishkek 2 [uz]"]
        assert second_titles == [*first_titles, "Toshkent [uz]"]
        assert (first_label, second_label) == ("Страна или организация", "Country or organisation")
        assert list(first.form.cleaned_data["country"]) == [kyrgyzstan]
        assert second.form.cleaned_data["country"] == [] and not second.form.cleaned_data["kind"]
        # Each filter of a filterset filters through that filterset's own methods.
        for made in (first, second):
            assert all(
                f.parent is made and (f.method is None or f.filter.f is f)
                for f in made.filters.values()
            )
        # A hub's filterset hides its own filter: another set of filters, another class.
        hub, _, _ = filterset("", "uz")
        assert type(hub.form) is type(second.form)
        country_hub = ReleaseFilter(
            QueryDict(""), queryset=Release.objects.public(), fixed=("country",)
        )
        assert "country" not in country_hub.form.fields
        assert type(country_hub.form) is not type(second.form)
