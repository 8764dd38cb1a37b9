from django import template
from django.urls import translate_url
from django.utils.html import format_html

from press import languages, search

register = template.Library()


@register.simple_tag
def tr(obj, field_name):
    """A translated field in the active language; fallback text carries its own lang.

    A Cyrillic page must never show Latin Uzbek (or Russian) unmarked.
    """
    current = languages.current()
    value = getattr(obj, languages.field(field_name, current), "")
    if value:
        return value
    for code in languages.codes():
        value = getattr(obj, languages.field(field_name, code), "")
        if value:
            return format_html('<span lang="{}">{}</span>', languages.bcp47(code), value)
    return ""


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"links": language_links(context)}


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in each language; a release only where it is written."""
    request = context["request"]
    available = context.get("available_languages") or languages.codes()
    current = languages.current()
    return [
        {
            "code": code,
            "name": languages.native_name(code),
            "lang": languages.bcp47(code),
            "url": translate_url(request.get_full_path(), code),
            "current": code == current,
        }
        for code in languages.codes()
        if code in available
    ]


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """<link rel=alternate hreflang> for each language the page exists in."""
    request = context["request"]
    available = context.get("available_languages") or languages.codes()
    return [
        (languages.bcp47(code), request.build_absolute_uri(translate_url(request.path, code)))
        for code in languages.codes()
        if code in available
    ]


@register.filter
def html_lang(code):
    return languages.bcp47(code)


@register.simple_tag
def search_snippet(release, query):
    """An escaped extract of the release with the query's words marked."""
    return search.snippet(release, query)


@register.inclusion_tag("includes/picture.html")
def picture(photo, kind="full", sizes="100vw", lazy=True, css_class=""):
    """<picture> with a <source> per modern format and a JPEG/PNG <img>, sized to not shift.

    ``kind`` is "full" (the photo's own proportions) or "card" (3:2 around the focal point).
    """
    return {
        "data": photo.picture(kind),
        "alt": photo.alt_text(),
        "sizes": sizes,
        "lazy": lazy,
        "css_class": css_class,
    }
