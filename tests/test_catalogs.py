"""Our own gettext catalogs (locale/<lang>/LC_MESSAGES/django.po) are complete and sound.

makemessages adds every new string with an empty msgstr, and msgmerge marks guesses as
fuzzy; Django shows the English msgid for both, so an untranslated entry is a page in the
wrong language. The last test reads the compiled catalogs: run compilemessages first
(`make test` does).
"""

import json
import re
import unicodedata

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils import translation

LOCALE = settings.BASE_DIR / "locale"
LANGUAGES = ["uz", "uz_Cyrl", "ru", "en"]
PLURAL_FORMS = {
    "uz": 1,  # as in Django's uz catalog: a noun after a numeral stays singular
    "uz_Cyrl": 1,
    "ru": 4,
    "en": 2,
}

# Python-format placeholders (%(name)s, %s, %d, %%) and HTML tags with their attributes.
_PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxX]|%[-#0 +]*\d*[sdifrxX%]")
_MARKUP = re.compile(r"<[^>]+>|&[a-zA-Z]+;|&#\d+;")
# File formats and the hash keep their Latin names in Cyrillic text, as in Russian: an
# editor matches them against file extensions and the names the error messages list.
_TECHNICAL = re.compile(r"\b(?:JPEG|PNG|WebP|PDF|DOCX|XLSX|ODT|ODS|SHA-256)\b")


# django: Python and templates; djangojs: the admin's scripts (served by its jsi18n view).
DOMAINS = ["django", "djangojs"]


def catalog(lang, domain="django"):
    with (LOCALE / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as fp:
        return read_po(fp, locale=None)


def entries(lang, domain="django"):
    """(msgid, [msgstr, …], flags) for every entry but the header and obsolete ones."""
    for message in catalog(lang, domain):
        if not message.id:
            continue
        strings = list(message.string) if message.pluralizable else [message.string]
        msgid = message.id[0] if message.pluralizable else message.id
        yield msgid, message, strings


def placeholders(text):
    return set(_PLACEHOLDER.findall(text))


def latin_letters(text):
    """Latin-script letters (and the ʻ ʼ of Latin Uzbek) outside placeholders, markup and
    the names of file formats."""
    rest = _TECHNICAL.sub(" ", _MARKUP.sub(" ", _PLACEHOLDER.sub(" ", text)))
    return [
        ch
        for ch in rest
        if ch in "\u02bb\u02bc" or (ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN"))
    ]


def test_latin_letter_heuristic():
    assert latin_letters("%(counter)s та матбуот хабари") == []
    assert latin_letters('<a href="/x">Матбуот</a> %s') == []
    assert latin_letters("Мaтбуот") == ["a"]  # a Latin "a" among Cyrillic letters
    assert latin_letters("JPEG, PNG ёки WebP") == []
    assert latin_letters("JPEGs ёки Webp") == list("JPEGsWebp")  # not the names, then
    assert latin_letters("Oʻzbekiston") == ["O", "ʻ", "z", "b", "e", "k", "i", "s", "t", "o", "n"]


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_header(lang, domain):
    cat = catalog(lang, domain)
    headers = dict(cat.mime_headers)
    assert headers["Language"] == lang
    assert cat.charset.lower() == "utf-8"
    assert cat.num_plurals == PLURAL_FORMS[lang]
    assert not cat.fuzzy, "the header is still marked fuzzy"


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated_and_not_fuzzy(lang, domain):
    nplurals = PLURAL_FORMS[lang]
    problems = []
    for msgid, message, strings in entries(lang, domain):
        if message.fuzzy:
            problems.append(("fuzzy", msgid))
        if message.pluralizable and len(strings) != nplurals:
            problems.append((f"{len(strings)} plural forms, not {nplurals}", msgid))
        if not all(s and s.strip() for s in strings):
            problems.append(("untranslated", msgid))
    assert problems == []


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_are_kept(lang, domain):
    problems = []
    for msgid, message, strings in entries(lang, domain):
        ids = list(message.id) if message.pluralizable else [message.id]
        expected = set().union(*(placeholders(i) for i in ids))
        found = [placeholders(s) for s in strings]
        if any(not f <= expected for f in found) or set().union(*found) != expected:
            problems.append((msgid, strings))
    assert problems == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_uz_cyrl_has_no_latin_letters(domain):
    problems = [
        (msgid, s, "".join(latin_letters(s)))
        for msgid, _, strings in entries("uz_Cyrl", domain)
        for s in strings
        if latin_letters(s)
    ]
    assert problems == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_uz_latin_uses_modifier_letter_apostrophes(domain):
    """Oʻ/gʻ take ʻ (U+02BB) and the tutuq belgisi is ʼ (U+02BC), never ' ‘ ’ or `."""
    problems = [
        (msgid, s)
        for msgid, _, strings in entries("uz", domain)
        for s in strings
        if re.search(r"[A-Za-z]['‘’`][A-Za-z]", s)
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("uz", "Matbuot xabarlari"),
        ("uz-cyrl", "Матбуот хабарлари"),
        ("ru", "Пресс-релизы"),
        ("en", "Press releases"),
    ],
)
def test_compiled_catalog_is_used(language, expected):
    with translation.override(language):
        assert translation.gettext("Press releases") == expected


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("uz", 5, "5 ta matbuot xabari"),
        ("uz-cyrl", 1, "1 та матбуот хабари"),
        ("ru", 1, "1 пресс-релиз"),
        ("ru", 3, "3 пресс-релиза"),
        ("ru", 11, "11 пресс-релизов"),
        ("ru", 21, "21 пресс-релиз"),
        ("en", 2, "2 releases"),
    ],
)
def test_plural_forms_are_applied(language, count, expected):
    with translation.override(language):
        text = translation.ngettext("%(counter)s release", "%(counter)s releases", count)
    assert text % {"counter": count} == expected


@pytest.mark.parametrize(
    ("language", "expected"), [("uz", "Tiklash"), ("uz-cyrl", "Тиклаш"), ("ru", "Восстановить")]
)
def test_the_admin_scripts_get_our_javascript_catalog(admin_client, language, expected):
    """admin:jsi18n (Django's JavaScriptCatalog) serves djangojs.po from LOCALE_PATHS too."""
    from django.urls import reverse

    with translation.override(language):
        url = reverse("admin:jsi18n")
    script = admin_client.get(url).content.decode()
    assert f'"Restore": {json.dumps(expected)}' in script  # JSON, non-ASCII escaped
