"""The three spellings of each site language, kept apart in one place.

- ``code``: Django's LANGUAGES code and URL prefix ("uz-cyrl")
- ``locale``: gettext catalog name ("uz_Cyrl")
- ``suffix``: modeltranslation column suffix ("uz_cyrl" as in ``title_uz_cyrl``)
- ``bcp47``: what HTML ``lang`` and hreflang say ("uz-Cyrl")
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

BCP47 = {"uz": "uz-Latn", "uz-cyrl": "uz-Cyrl", "ru": "ru", "en": "en"}


def codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def suffix(code: str) -> str:
    return code.replace("-", "_")


def field(name: str, code: str | None = None) -> str:
    """``field("title", "uz-cyrl") == "title_uz_cyrl"``; the active language by default."""
    return f"{name}_{suffix(code or current())}"


def locale(code: str) -> str:
    return translation.to_locale(code)


def bcp47(code: str | None = None) -> str:
    return BCP47.get(code or current(), code or current())


def current() -> str:
    code = translation.get_language() or settings.LANGUAGE_CODE
    return code if code in codes() else settings.LANGUAGE_CODE


def names(queryset, fallback: str, code: str | None = None) -> list[tuple]:
    """(pk, ``fallback``'s value, name) of each row: its ``name`` in the language (the
    active one) or those modeltranslation falls back to, as str() of the row gives it, else
    the fallback's value. A few columns a row, not a model instance with every translation:
    for lists of hundreds of names (the finder's options, the admin's sidebar)."""
    from modeltranslation.utils import resolution_order  # its settings need Django's

    columns = [field("name", c) for c in resolution_order(code or current())]
    rows = queryset.values_list("pk", fallback, *columns)
    return [
        (pk, value, next((name for name in found if name), value)) for pk, value, *found in rows
    ]


def native_name(code: str) -> str:
    return dict(settings.LANGUAGES)[code]


# For choosing the language a document is written in.
LANGUAGE_CHOICES = [
    ("uz", _("Uzbek (Latin script)")),
    ("uz-cyrl", _("Uzbek (Cyrillic script)")),
    ("ru", _("Russian")),
    ("en", _("English")),
]


def name(code: str) -> str:
    """The language's name in the active language ("Uzbek (Cyrillic script)"), for the admin;
    native_name() is for language switchers, where each name carries its own lang."""
    return str(dict(LANGUAGE_CHOICES)[code])
