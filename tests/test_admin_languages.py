"""The admin speaks the editor's language: no Latin Uzbek under /uz-cyrl/, no English under /uz/.

Rendered with real data: a release with photos and attachments, list filters, the search box,
the date hierarchy, the login page, and a history page with an entry made through the admin
in the language under test (audit notes are written in the editor's language).
Proper names and codes aside, every word of the interface must come from the page's language.
"""

import re
from functools import cache
from pathlib import Path

import django
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from press.models import Attachment, Photo
from tests.support import form_data, jpeg, latin_words, make_user, pdf

pytestmark = pytest.mark.django_db

# Codes, not words: language codes (modeltranslation's tabs and field suffixes), file formats,
# and acronyms that every language writes in Latin.
CODES = {"uz", "cyrl", "ru", "en", "PDF", "JPEG", "PNG", "WebP", "DOCX", "XLSX", "ODT", "ODS"}


@cache
def english_only_words() -> frozenset[str]:
    """Words of the English msgids of Django, the apps we use and our own catalogs that no
    Uzbek Latin translation uses: where one shows on a /uz/ page, a string was not translated."""
    roots = [Path(django.__file__).parent, *[Path(p) for p in settings.LOCALE_PATHS]]
    sources = [p for root in roots for p in root.rglob("en/LC_MESSAGES/django.po")]
    uzbek = [p for root in roots for p in root.rglob("uz/LC_MESSAGES/django*.po")]
    for name in ("modeltranslation", "django_filters", "axes", "django_otp"):
        module = __import__(name)
        sources += Path(module.__path__[0]).rglob("*/LC_MESSAGES/django.po")

    def words(paths, keyword):
        found = set()
        for path in paths:
            current = None
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.startswith("msg"):
                    current = line.split(" ", 1)[0]
                elif not line.startswith('"'):
                    current = None
                if current and current.startswith(keyword) and '"' in line:
                    text = line[line.index('"') :]
                    found.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", text))
        return found

    return frozenset(words(sources, "msgid") - words(uzbek, "msgstr"))


@pytest.fixture
def admin_user(db):
    # The cast's administrator with a Cyrillic username: the header greets them by it on
    # every page, and a Latin one would be a Latin word on a Cyrillic page.
    return make_user("муҳаррир", is_superuser=True)


@pytest.fixture
def release(release_factory, uzbekistan, kyrgyzstan, trade, minister):
    release = release_factory(
        title="Учрашув",
        countries=[uzbekistan, kyrgyzstan],
        topics=[trade],
        participants=[minister],
        place_uz="Toshkent",
        place_uz_cyrl="Тошкент",
    )
    release.title_uz = "Oʻzbekiston va Qirgʻiziston vazirlari uchrashuvi"
    release.title_uz_cyrl = "Ўзбекистон ва Қирғизистон вазирлари учрашуви"
    release.save()
    photo = Photo(release=release, image=SimpleUploadedFile("a.jpg", jpeg()), order=1)
    photo.alt_uz, photo.alt_uz_cyrl = "Vazirlar uchrashuvi", "Вазирлар учрашуви"
    photo.alt_ru, photo.alt_en = "Встреча министров", "The ministers meet"
    photo.save()
    document = Attachment(release=release, file=SimpleUploadedFile("b.pdf", pdf()), language="uz")
    document.title_uz, document.title_uz_cyrl = "Qoʻshma bayonot", "Қўшма баёнот"
    document.save()
    return release


def edit(client, release):
    """Save the release through the admin's change form, as an editor does: it makes history."""
    url = reverse("admin:press_release_change", args=[release.pk])
    data = form_data(client.get(url).content.decode())
    data["lead_uz_cyrl"] = ["Музокаралар бўлиб ўтди."]
    data["title_ru"] = ["Встреча министров"]
    response = client.post(url, data)
    assert response.status_code == 302, [
        response.context["adminform"].form.errors,
        *[f.formset.errors for f in response.context["inline_admin_formsets"]],
        response.context["errors"],
    ]


def render(client, user, code, release, query):
    """The pages, as an editor working in ``code`` sees them after saving the release once."""
    with translation.override(code):
        changelist = reverse("admin:press_release_changelist")
        urls = {
            "index": reverse("admin:index"),
            "changelist": f"{changelist}?q={query}",
            "changelist, filtered": f"{changelist}?event_date__year=2021&status__exact=published",
            "change form": reverse("admin:press_release_change", args=[release.pk]),
            "history": reverse("admin:press_release_history", args=[release.pk]),
            "login": reverse("admin:login"),
        }
    pages = {"login": client.get(urls.pop("login"))}
    client.force_login(user)
    with translation.override(code):
        edit(client, release)
    pages.update((name, client.get(url)) for name, url in urls.items())
    for name, response in pages.items():
        assert response.status_code == 200, name
    assert "<table" in pages["history"].content.decode()  # the entries are there
    return {name: response.content.decode() for name, response in pages.items()}


def data_words(release):
    """Content, not interface: the slug (shown read-only) and the Latin title, which the index's
    "Recent actions" shows as it was when the editor saved (Django's LogEntry.object_repr)."""
    return {*release.slug.split("-"), *release.title_uz.split()}


def test_the_cyrillic_admin_has_no_latin_words(client, admin_user, release):
    allowed = CODES | data_words(release)
    found = {
        name: sorted({w for w in latin_words(html, "uz-cyrl") if w not in allowed})
        for name, html in render(client, admin_user, "uz-cyrl", release, "учрашув").items()
    }
    assert not any(found.values()), "\n".join(f"{k}: {v}" for k, v in found.items())


def test_the_latin_admin_has_no_english_words(client, admin_user, release):
    english = english_only_words()
    found = {
        name: sorted(
            {w for w in latin_words(html, "uz") if w.lower() in english and w not in CODES}
        )
        for name, html in render(client, admin_user, "uz", release, "uchrashuv").items()
    }
    assert not any(found.values()), "\n".join(f"{k}: {v}" for k, v in found.items())


def test_the_checkers_find_what_they_look_for():
    assert latin_words('<p>Сақлаш <span lang="en">Save</span> Saqlash</p>') == ["Saqlash"]
    assert {"save", "delete", "history"} <= english_only_words()
    assert not {"saqlash", "tarix", "uchrashuv"} & english_only_words()


def test_a_title_shown_from_another_language_says_so(client, admin_user, release_factory):
    """The Russian list shows a release not yet in Russian by its Latin Uzbek title, marked
    with its language, and the Russian title of one that has it, unmarked."""
    latin_only = release_factory(
        title="Vazirlar uchrashuvi", title_uz_cyrl="", title_ru="", title_en="", status="draft"
    )
    both = release_factory(title="Встреча", title_uz="Uchrashuv")
    client.force_login(admin_user)
    with translation.override("ru"):
        html = client.get(reverse("admin:press_release_changelist")).content.decode()
    assert (
        f'<span id="title-{latin_only.pk}"><span lang="uz-Latn">Vazirlar uchrashuvi [uz]</span> '
        '<small class="other-language">(Узбекский (латиница))</small></span>'
    ) in html
    assert f'<span id="title-{both.pk}">{both.title_ru}</span>' in html
    # The row's checkbox is named by that title, its lang kept.
    assert f'aria-labelledby="select-{both.pk} title-{both.pk}"' in html
    # Every Latin word of a title is inside its lang.
    assert not {"Vazirlar", "uchrashuvi", "Uchrashuv"} & set(latin_words(html, "ru"))
    assert latin_only.status == "draft"


def test_the_sidebar_names_each_filter_once(client, admin_user, release):
    client.force_login(admin_user)
    for code in ("ru", "uz", "uz-cyrl", "en"):
        with translation.override(code):
            html = client.get(reverse("admin:press_release_changelist")).content.decode()
        titles = re.findall(r"<summary[^>]*>\s*(.*?)\s*</summary>", html, re.S)
        assert len(titles) >= 6, (code, titles)
        assert len(titles) == len(set(titles)), (code, titles)
