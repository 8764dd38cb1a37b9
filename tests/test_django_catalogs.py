"""Django's own strings in Uzbek: Cyrillic on uz-cyrl, Latin on uz (catalogs in locale/django).

Django ships no uz_Cyrl catalog, and gettext falls back uz_Cyrl -> uz, so without
locale/django/uz_Cyrl every admin or form string on a /uz-cyrl/ page would come out in
Latin Uzbek. These tests assume the catalogs have been compiled (compilemessages).
"""

import datetime
import gettext
import re

import pytest
from django.conf import settings
from django.utils import formats, translation

CATALOGS = settings.BASE_DIR / "locale" / "django"

# What may legitimately stay in Latin script inside a Cyrillic msgstr.
_TECHNICAL = re.compile(
    r"""
    %\([^)]+\)[-\#0\ +]*\d*(?:\.\d+)?[sdifrxX]      # %(name)s
  | %[-\#0\ +]*\d*(?:\.\d+)?[sdifrxX%]              # %s, %d, %%
  | \{[^{}]*\}                                      # {name}
  | <[^>]+>                                         # HTML tags and their attributes
  | &[a-zA-Z]+; | &\#\d+;                           # entities
  | https?://\S+                                    # URLs
  | [A-Za-z_][A-Za-z0-9_]*_[A-Za-z0-9_]*(?:\(\))?   # identifiers: allow_future, get_absolute_url()
  # date/time format codes: YYYY-MM-DD HH:MM[:ss[.uuuuuu]][TZ]
  | [\[\]]*(?:YYYY|MM|DD|HH|ss|uuuuuu|TZ)(?:[-:.\[\]\ ]*(?:YYYY|MM|DD|HH|ss|uuuuuu|TZ))*[\[\]]*
  | \b[a-z]-[a-z]\b | \b[A-Z]-[A-Z]\b                # a-z, A-Z
    """,
    re.X,
)
_ALLOWED_WORDS = {
    "Django", "JavaScript", "PostgreSQL", "URL", "ID", "IP", "IPv4", "IPv6", "HTML", "HTTP",
    "HTTPS", "JSON", "UUID", "CSRF", "LDAP", "OK", "DEBUG", "True", "False", "None", "NULL",
    "Null", "null",
    "python", "cookie", "Unicode", "Referer", "Referrer-Policy", "no-referrer", "same-origin",
    "Single", "Sign-On", "ManagementForm", "Control", "Command", "Mac",
}  # fmt: skip
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9ʻʼ'’-]*")
_MIXED_WORD = re.compile(r"\w*(?:[A-Za-z][\u0400-\u04FF]|[\u0400-\u04FF][A-Za-z])\w*")


def latin_words(text):
    """Latin-script words in ``text`` that are not placeholders, markup or technical tokens."""
    rest = _TECHNICAL.sub(" ", text)
    return [w for w in _LATIN_WORD.findall(rest) if w.rstrip("-") not in _ALLOWED_WORDS]


def mixed_script_words(text):
    """Words mixing Latin and Cyrillic letters (a transliteration slip such as 'Cонтрол')."""
    return _MIXED_WORD.findall(_TECHNICAL.sub(" ", text))


def is_cyrillic(text):
    return bool(re.search("[\u0400-\u04ff]", text)) and not latin_words(text)


def compiled(lang, domain):
    path = CATALOGS / lang / "LC_MESSAGES" / f"{domain}.mo"
    with path.open("rb") as fp:
        return gettext.GNUTranslations(fp)


def catalog_items(lang, domain):
    """(context, msgid, msgstr) for every entry of a compiled catalog, header excluded."""
    for key, msgstr in compiled(lang, domain)._catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid == "":
            continue
        context, _, msgid = msgid.rpartition("\x04")
        yield context or None, msgid, msgstr


def test_heuristic_flags_latin_uzbek():
    assert latin_words("Saqlash") == ["Saqlash"]
    assert latin_words("Oʻzgartirish %(name)s") == ["Oʻzgartirish"]
    assert latin_words('%(name)s “<a href="https://example.org/x">%(obj)s</a>” ўзгартирилди') == []
    assert latin_words("“%(class_name)s.allow_empty” қиймати False.") == []
    assert mixed_script_words("“Cонтрол” тугмаси") == ["Cонтрол"]


@pytest.mark.parametrize(
    ("msgid", "expected"),
    [
        ("Save", "Сақлаш"),
        ("Log in", "Кириш"),
        ("Enter a valid date.", "Санани тўғри киритинг."),
        ("Site administration", "Сайт бошқаруви"),
        ("Add %(name)s", "%(name)s қўшиш"),
        (
            "Select a valid choice. %(value)s is not one of the available choices.",
            "Тўғри танловни танланг. %(value)s мавжуд танловлардан бири эмас.",
        ),
    ],
)
def test_django_strings_are_cyrillic_on_uz_cyrl(msgid, expected):
    with translation.override("uz-cyrl"):
        text = translation.gettext(msgid)
    assert is_cyrillic(text), text
    assert text == expected


def test_alt_month_is_lower_case_cyrillic():
    with translation.override("uz-cyrl"):
        assert translation.pgettext("alt. month", "November") == "ноябрь"
        assert translation.gettext("November") == "Ноябрь"
        assert formats.date_format(datetime.date(2020, 11, 5)) == "5 ноябрь 2020 йил"


def test_django_strings_are_latin_uzbek_on_uz():
    with translation.override("uz"):
        assert translation.gettext("Log in") == "Kirish"
        assert translation.gettext("Site administration") == "Sayt boshqaruvi"
        assert translation.pgettext("alt. month", "November") == "noyabr"
        assert formats.date_format(datetime.date(2020, 11, 5)) == "5-noyabr, 2020-yil"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_compiled_uz_cyrl_catalogs_have_no_latin_uzbek(domain):
    entries = list(catalog_items("uz_Cyrl", domain))
    assert entries
    suspects = [
        (ctx, msgid, msgstr, latin_words(msgstr) + mixed_script_words(msgstr))
        for ctx, msgid, msgstr in entries
        if not msgstr or latin_words(msgstr) or mixed_script_words(msgstr)
    ]
    assert suspects == []


def test_no_django_string_reaches_uz_cyrl_in_latin():
    """Every msgid we translate resolves, under uz-cyrl, to text without Latin Uzbek.

    This catches catalogs loaded later (or fallbacks) that would override ours.
    """
    leaks = []
    with translation.override("uz-cyrl"):
        for ctx, msgid, _ in catalog_items("uz_Cyrl", "django"):
            text = translation.pgettext(ctx, msgid) if ctx else translation.gettext(msgid)
            if latin_words(text):
                leaks.append((ctx, msgid, text))
    assert leaks == []


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_uz_catalogs_use_modifier_letter_apostrophes(domain):
    """Latin Uzbek is written with ʻ (U+02BB) in oʻ/gʻ and ʼ (U+02BC) for the tutuq belgisi."""
    wrong = [
        (msgid, msgstr)
        for _, msgid, msgstr in catalog_items("uz", domain)
        if not msgstr or re.search(r"[A-Za-z]['‘’`][A-Za-z]", msgstr)
    ]
    assert wrong == []
