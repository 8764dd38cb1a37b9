"""The admin's pickers (autocomplete) of countries, topics, people and posts fold as search
does: any apostrophe, either Uzbek script, any case; and select2 speaks the editor's language
(issue 16, pickers)."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation

from press.models import Country, Person, Post, Topic

pytestmark = pytest.mark.django_db

APOSTROPHES = ["'", "\u2018", "\u2019", "\u02bb", "\u02bc", "`"]


@pytest.fixture
def places(uzbekistan):
    kazakhstan = Country.objects.create(
        code="KZ",
        iso3="KAZ",
        slug="kazakhstan",
        name_uz="Qozogʻiston",
        name_uz_cyrl="Қозоғистон",
        name_ru="Казахстан",
        name_en="Kazakhstan",
    )
    education = Topic.objects.create(
        slug="education", name_uz="Taʼlim", name_uz_cyrl="Таълим", name_ru="Образование",
        name_en="Education",
    )  # fmt: skip
    spokesman = Person.objects.create(
        slug="spokesman", name_uz="Gʻayrat Soʻzlov", name_uz_cyrl="Ғайрат Сўзлов"
    )
    post = Post.objects.create(
        title_uz="Matbuot kotibi", title_uz_cyrl="Матбуот котиби", country=uzbekistan
    )
    return {"kazakhstan": kazakhstan, "education": education, "person": spokesman, "post": post}


def picked(client, model_name, field_name, term, code="uz"):
    """The texts the picker of ``model_name.field_name`` offers for ``term``."""
    with translation.override(code):
        url = reverse("admin:autocomplete")
    query = {"term": term, "app_label": "press", "model_name": model_name}
    response = client.get(url, {**query, "field_name": field_name})
    assert response.status_code == 200, response.content
    return [item["text"] for item in response.json()["results"]]


@pytest.mark.parametrize("apostrophe", APOSTROPHES)
def test_countries_and_topics_are_found_with_any_apostrophe(editor_client, places, apostrophe):
    assert picked(editor_client, "release", "countries", f"Qozog{apostrophe}") == ["Qozogʻiston"]
    assert picked(editor_client, "release", "topics", f"Ta{apostrophe}lim") == ["Taʼlim"]


@pytest.mark.parametrize("term", ["qozog", "QOZOGʻISTON", "Қозоғ", "қозоғистон", "казах"])
def test_a_country_is_found_in_either_script_and_any_case(editor_client, places, term):
    assert picked(editor_client, "release", "countries", term) == ["Qozogʻiston"]


def test_a_cyrillic_page_finds_a_latin_query(editor_client, places):
    assert picked(editor_client, "release", "countries", "Qozog'", "uz-cyrl") == ["Қозоғистон"]
    assert picked(editor_client, "release", "topics", "таълим", "uz") == ["Taʼlim"]


def test_people_and_posts_are_found_in_either_script(editor_client, places):
    for term in ("g'ayrat", "ҒАЙРАТ", "so`zlov"):
        assert picked(editor_client, "appointment", "person", term) == ["Gʻayrat Soʻzlov"], term
    for term in ("матбуот", "Matbuot kotibi"):
        assert picked(editor_client, "appointment", "post", term) == ["Matbuot kotibi"], term


def test_codes_and_slugs_still_find_a_country(editor_client, places):
    assert picked(editor_client, "release", "countries", "KZ") == ["Qozogʻiston"]
    assert picked(editor_client, "release", "countries", "kazakh") == ["Qozogʻiston"]


@pytest.mark.parametrize(
    ("code", "name", "no_results"),
    [("uz", "uz", "Hech narsa topilmadi"), ("uz-cyrl", "uz-Cyrl", "Ҳеч нарса топилмади")],
)
def test_select2_speaks_uzbek_in_either_script(
    editor_client, draft_factory, code, name, no_results
):
    release = draft_factory(title="Loyiha")
    with translation.override(code):
        html = editor_client.get(
            reverse("admin:press_release_change", args=[release.pk])
        ).content.decode()
    assert f"admin/js/vendor/select2/i18n/{name}.js" in html
    assert f'lang="{name}"' in html
    script = open(finders.find(f"admin/js/vendor/select2/i18n/{name}.js"), encoding="utf-8").read()
    assert f'"select2/i18n/{name}"' in script and no_results in script
