import functools
import json
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, reverse, translate_url
from django.utils import timezone, translation
from django.utils.html import format_html, linebreaks
from django.utils.safestring import mark_safe

from press import languages, search
from press.site import cards, fragments, seo
from press.text import sanitize_html, shorten

register = template.Library()


@register.simple_tag
def tr(obj, field_name, length=None):
    """A translated field in the active language; fallback text carries its own lang.

    A Cyrillic page must never show Latin Uzbek (or Russian) unmarked. With ``length``,
    plain text cut to that many characters at a word boundary (press.text.shorten).
    """
    current = languages.current()
    for code in [current, *languages.codes()]:
        value = getattr(obj, languages.field(field_name, code), "")
        if not value:
            continue
        if length is not None:
            value = shorten(value, int(length))
        if code == current:
            return value
        return format_html('<span lang="{}">{}</span>', languages.bcp47(code), value)
    return ""


@register.simple_tag
def release_cards(releases, query=""):
    """The cards of a page, a queryset or a list of releases, kept in the cache
    (press.site.cards): ``{% release_cards page_obj query as cards %}``."""
    return cards.release_cards(releases, query or "")


@register.simple_tag
def tr_own(obj, field_name):
    """A translated field in the active language only, never another's: for what must be
    said to this language's readers or not at all (a withdrawal's reason)."""
    return getattr(obj, languages.field(field_name, languages.current()), "")


@register.simple_tag
def tr_html(obj, field_name):
    """A translated rich text (a biography, sanitised on save) like ``tr``, as HTML.

    Text saved before the editor existed is plain: its lines become paragraphs.
    """
    current = languages.current()
    for code in [current, *languages.codes()]:
        value = getattr(obj, languages.field(field_name, code), "") or ""
        if not value.strip():
            continue
        if value.lstrip().startswith("<"):
            html = mark_safe(sanitize_html(value))  # sanitised just now
        else:
            html = mark_safe(linebreaks(value, autoescape=True))  # escaped by linebreaks
        if code == current:
            return html
        return format_html('<div lang="{}">{}</div>', languages.bcp47(code), html)
    return ""


@register.simple_tag
def tr_text(obj, field_name):
    """The same text as ``tr`` without markup: for <title>, attributes and metadata."""
    return seo.translated(obj, field_name)


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
            "url": translated_url(request, request.get_full_path(), code),
            "current": code == current,
        }
        for code in languages.codes()
        if code in available
    ]


def translated_url(request, path, code) -> str:
    """``translate_url(path, code)``, once per request: the switcher and the alternate
    links ask for the same four addresses, and each is a resolve and a reverse.

    ``path`` is this page's own (with a query or not), so its match is the request's:
    only the reverse is done here, as translate_url does it, and kept for the process
    (reversed_in); another path goes through translate_url itself.
    """
    known = request.__dict__.setdefault("_translated_urls", {})
    if (path, code) not in known:
        parsed = urlsplit(path)
        match = request.resolver_match
        if match is None or match.url_name is None or unquote(parsed.path) != request.path:
            known[path, code] = translate_url(path, code)
        else:
            key = (code, get_script_prefix(), match.view_name, tuple(match.args))
            kwargs = tuple(sorted(match.kwargs.items()))
            try:
                found = reversed_in(*key, kwargs)
            except TypeError:  # a view given unhashable arguments in its path() (sitemaps)
                found = reversed_in.__wrapped__(*key, kwargs)
            known[path, code] = path if found is None else urlunsplit(parsed._replace(path=found))
    return known[path, code]


@functools.lru_cache(maxsize=8192)
def reversed_in(code, script_prefix, view_name, args=(), kwargs=()) -> str | None:
    """``reverse()`` in language ``code``, kept for the process: an address depends only on
    the URLconf, the language and the script prefix (``script_prefix`` is in the key: the
    reverse reads the current one). Every page links to itself in four languages and to the
    site's fixed addresses (``fixed_url``); reversing each (its language activated and
    deactivated, then the URL resolver's walk) was a third of the site's chrome. None where
    this address does not exist in that language."""
    with translation.override(code):
        try:
            return reverse(view_name, args=args, kwargs=dict(kwargs))
        except NoReverseMatch:
            return None


@receiver(setting_changed)
def forget_reversed_urls(setting, **kwargs):
    # Django empties its own URL caches when a test changes these (clear_url_caches).
    if setting in ("ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "PREFIX_DEFAULT_LANGUAGE"):
        reversed_in.cache_clear()


@register.simple_tag
def fixed_url(view_name, **kwargs):
    """``{% url %}`` for the addresses every page links to, which depend only on the
    language (the home page, the list, the search, the feeds): reversed once per language
    (reversed_in). ``{% fixed_url 'press:home' as home_url %}`` works as ``url`` does."""
    found = reversed_in(
        languages.current(), get_script_prefix(), view_name, (), tuple(sorted(kwargs.items()))
    )
    if found is None:
        raise NoReverseMatch(f"No address for {view_name!r} with {kwargs!r}")
    return found


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """<link rel=alternate hreflang> for each language the page exists in, and x-default.

    x-default is the address without a language prefix (it redirects by the visitor's
    language) when the page exists in Uzbek, else the first language it exists in: the
    same as the sitemap says (press/site/sitemaps.py).
    """
    request = context["request"]
    available = context.get("available_languages") or languages.codes()
    path = canonical_path(context)
    links = [
        (languages.bcp47(code), request.build_absolute_uri(translated_url(request, path, code)))
        for code in languages.codes()
        if code in available
    ]
    if not links:
        return links
    default = settings.LANGUAGE_CODE
    if default in available:
        unprefixed = translated_url(request, path, default).replace(f"/{default}/", "/", 1)
        links.append(("x-default", request.build_absolute_uri(unprefixed)))
    else:
        links.append(("x-default", links[0][1]))
    return links


def canonical_path(context) -> str:
    """This page's path with only the query parameters that choose what it shows."""
    request = context["request"]
    filterset = context.get("filter")
    if filterset is None:
        return request.path
    names = [*filterset.form.fields, "page"]
    params = [
        (name, value)
        for name in names
        for value in request.GET.getlist(name)
        if value and not (name == "page" and value == "1")
    ]
    return request.path + (f"?{urlencode(params)}" if params else "")


@register.simple_tag(takes_context=True)
def canonical_url(context):
    return context["request"].build_absolute_uri(canonical_path(context))


OG_LOCALES = {"uz": "uz_UZ", "uz-cyrl": "uz_UZ", "ru": "ru_RU", "en": "en_GB"}


@register.simple_tag
def og_locale():
    return OG_LOCALES.get(languages.current(), "uz_UZ")


@register.simple_tag
def json_ld(data):
    return seo.json_ld_script(data)


@register.simple_tag
def summary(release, length=200):
    return seo.summary(release, length)


@register.simple_tag(takes_context=True)
def photo_url(context, photo):
    return seo.image_url(context["request"], photo)


@register.filter
def iso(value):
    """A date-time for a datetime attribute or metadata: local time, whole seconds, offset."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


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


@register.simple_tag
def telegram_channel_url() -> str:
    """The public address of the ministry's Telegram channel in the page's language, or ""
    (none configured, or a private channel known only by its numeric id)."""
    from press import telegram

    return telegram.channel_url(telegram.channel_for(languages.current()))


@register.simple_tag
def fold_table():
    """press.search's fold as JSON {character: spelling}, for the finder's type-to-narrow
    box (static/js/site.js), which must compare names exactly as the search does."""
    table = {chr(code): spelling or "" for code, spelling in search.FOLD_TABLE.items()}
    return json.dumps(table, ensure_ascii=False, separators=(",", ":"))


class KeptForReleaseNode(template.Node):
    def __init__(self, nodelist, release, name):
        self.nodelist, self.release, self.name = nodelist, release, name

    def render(self, context):
        return fragments.kept_for_release(
            self.release.resolve(context),
            self.name,
            context.template.source,
            lambda: self.nodelist.render(context),
            preview=bool(context.get("preview")),
        )


@register.tag
def kept_for(parser, token):
    """{% kept_for release "name" %}…{% endkept_for %}: the block's HTML kept in the cache
    until the release changes (press.site.fragments). Only what depends on the release and
    the language alone may be inside."""
    try:
        _, release, name = token.split_contents()
    except ValueError:
        raise template.TemplateSyntaxError('usage: {% kept_for release "name" %}') from None
    nodelist = parser.parse(("endkept_for",))
    parser.delete_first_token()
    return KeptForReleaseNode(nodelist, parser.compile_filter(release), name.strip("\"'"))
