"""The rich text editor and the server keep the same HTML.

EDITOR_HTML (tests/support.py) is what the editor writes for every element and attribute it
offers (checked against the editor itself in tests/browser/test_drafting.py); sanitising it
must change nothing. Pasted Word and web HTML keeps its structure and loses its styles.
"""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from django_prose_editor.config import allowlist_from_extensions

from press.admin.editor import CONFIG_ATTRIBUTE
from press.models import Person
from press.text import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, EDITOR_EXTENSIONS, sanitize_html
from tests.support import EDITOR_HTML, WORD, structure


def test_the_editor_offers_exactly_what_the_server_keeps():
    library = allowlist_from_extensions(EDITOR_EXTENSIONS)
    assert library["tags"] == ALLOWED_TAGS
    offered = {tag: set(attrs) for tag, attrs in library["attributes"].items()}
    # The server writes rel itself (nh3's link_rel), on every link.
    offered["a"] -= {"rel"}
    kept = {tag: attrs for tag, attrs in ALLOWED_ATTRIBUTES.items() if attrs}
    assert offered == kept


def test_the_samples_cover_every_element_and_attribute():
    used_tags = {item[1] for s in EDITOR_HTML for item in structure(s) if item[0] == "start"}
    used_attrs = {
        (item[1], name)
        for s in EDITOR_HTML
        for item in structure(s)
        if item[0] == "start"
        for name, _value in item[2]
    }
    # thead: the library allows it for pasted tables; the editor writes header cells in tbody.
    assert used_tags == ALLOWED_TAGS - {"thead"}
    allowed = {(tag, a) for tag, attrs in ALLOWED_ATTRIBUTES.items() for a in attrs}
    assert allowed <= used_attrs


@pytest.mark.parametrize("html", EDITOR_HTML)
def test_editor_html_survives_sanitising_unchanged(html):
    assert structure(sanitize_html(html)) == structure(html)
    assert sanitize_html(sanitize_html(html)) == sanitize_html(html)


def test_pasted_word_keeps_its_structure_and_loses_its_styles():
    cleaned = sanitize_html(WORD)
    assert re.search(r"<h2>\s*Muzokaralar natijalari\s*</h2>", cleaned)
    assert "<strong>savdo</strong>" not in cleaned  # <b> is not the editor's: text stays
    assert "savdo" in cleaned and "transport" in cleaned
    assert '<a href="https://mfa.uz/" rel="noopener noreferrer">mfa.uz</a>' in cleaned
    assert re.search(r"<ul><li>suv\s+resurslari</li><li>energetika</li></ul>", cleaned)
    assert re.search(r"<table>\s*<tbody><tr><td><p>2024</p></td>", cleaned)
    for junk in ("style=", "class=", "<span", "<o:p", "<!--", "mso-", "<script", "alert", "lang="):
        assert junk not in cleaned, junk


def test_pasted_web_page_keeps_its_structure_and_loses_its_styles():
    html = (
        '<div class="article" style="font-family:Georgia"><h3 id="x" class="title">Bayonot</h3>'
        '<p><span style="font-weight:700">Matn</span> <strong class="b">muhim</strong> '
        '<font color="red">eski</font></p><ol start="2"><li onclick="x()">ikki</li></ol>'
        '<blockquote cite="https://x" class="q"><p>Soʻz</p></blockquote>'
        '<img src="https://tracker.example/p.gif"><iframe src="https://x"></iframe></div>'
    )
    assert sanitize_html(html) == (
        "<h3>Bayonot</h3><p>Matn <strong>muhim</strong> eski</p>"
        '<ol start="2"><li>ikki</li></ol><blockquote><p>Soʻz</p></blockquote>'
    )


# --- The editor in the admin ----------------------------------------------------------------


def editor_fields(html):
    found = set()
    for tag in re.findall(r"<textarea[^>]*>", html):
        if CONFIG_ATTRIBUTE in tag:
            found.add(re.search(r'name="(\w+)"', tag).group(1))
    return found


@pytest.mark.parametrize("code", ["uz", "uz-cyrl", "ru", "en"])
def test_the_release_body_has_the_editor_in_all_four_tabs(admin_client, release_factory, code):
    release = release_factory()
    with translation.override(code):
        html = admin_client.get(reverse("admin:press_release_change", args=[release.pk])).content
    html = html.decode()
    assert editor_fields(html) == {"body_uz", "body_uz_cyrl", "body_ru", "body_en"}
    assert "js/admin-editor.js" in html and 'type="module"' in html
    assert "django_prose_editor/editor.css" in html
    assert "importmap" not in html  # our CSP allows no inline script, not even an import map
    # The live counters' advised lengths, in each language's tab.
    for name, limit in (("title", 65), ("lead", 160)):
        for suffix in ("uz", "uz_cyrl", "ru", "en"):
            tag = re.search(rf'<(?:input|textarea)[^>]*name="{name}_{suffix}"[^>]*>', html)
            assert f'data-advised-length="{limit}"' in tag.group(0)


def test_the_add_form_and_the_biography_have_the_editor(admin_client):
    html = admin_client.get(reverse("admin:press_release_add")).content.decode()
    assert editor_fields(html) == {"body_uz", "body_uz_cyrl", "body_ru", "body_en"}
    html = admin_client.get(reverse("admin:press_person_add")).content.decode()
    assert editor_fields(html) == {
        "biography_uz",
        "biography_uz_cyrl",
        "biography_ru",
        "biography_en",
    }


def test_the_editor_script_and_styles_are_served_from_our_static_files(client):
    from django.contrib.staticfiles import finders

    for path in (
        "js/admin-editor.js",
        "js/admin-drafting.js",
        "django_prose_editor/editor.js",
        "django_prose_editor/editor.css",
        "django_prose_editor/material-icons.woff2",
    ):
        assert finders.find(path), path
    # The bundle imports nothing from elsewhere: no CDN, no import map needed.
    bundle = open(finders.find("django_prose_editor/editor.js"), encoding="utf-8").read()
    assert not re.search(r"""\bimport[\w\s{},*$]*from\s*["'][^."']""", bundle)
    assert not re.search(r"""\bimport\s*\(\s*["']https?:""", bundle)


def test_a_biography_is_sanitised_and_shown_as_html(client, db):
    person = Person.objects.create(
        slug="demo",
        name_uz="Demo",
        biography_uz='<p style="color:red">Tugʻilgan <strong>1960</strong></p><script>x</script>',
        biography_en="Born in 1960.\n\nDiplomat & writer.",
    )
    person.refresh_from_db()
    assert person.biography_uz == "<p>Tugʻilgan <strong>1960</strong></p>"
    assert person.biography_en == "<p>Born in 1960.</p>\n\n<p>Diplomat &amp; writer.</p>"
    html = client.get(person.get_absolute_url()).content.decode()
    assert "<p>Tugʻilgan <strong>1960</strong></p>" in html
    # Text saved before the editor (plain, not re-saved since) still reads as paragraphs.
    Person.objects.filter(pk=person.pk).update(biography_uz="Birinchi.\n\nIkkinchi <b>")
    cache.clear()  # update() tells no one: the page cache would answer
    html = client.get(person.get_absolute_url()).content.decode()
    assert "<p>Birinchi.</p>" in html, html[html.find("lede") : html.find("lede") + 300]
    assert "Ikkinchi &lt;b&gt;" in html
