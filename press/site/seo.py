"""What a page tells machines and other sites: share links, the share card (Open Graph
image), JSON-LD NewsArticle for a release and Event for an event's hub."""

import json
from urllib.parse import quote, urlencode

from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from press import languages
from press.files.share_cards import HEIGHT, WIDTH
from press.models import CountryKind
from press.text import plain_text, shorten


def translated(obj, field_name: str) -> str:
    """Plain text in the active language, else in the first language that has it."""
    for code in [languages.current(), *languages.codes()]:
        value = getattr(obj, languages.field(field_name, code), "")
        if value:
            return value
    return ""


def summary(release, length: int = 200) -> str:
    """The lead, else the body's text, cut at a word boundary: a meta description."""
    lead = getattr(release, languages.field("lead"), "")
    return shorten(lead or plain_text(getattr(release, languages.field("body"), "")), length)


def post_label(post) -> str:
    """The post's title, and its country or organisation, in the active language."""
    title = translated(post, "title")
    return f"{title}, {translated(post.country, 'name')}" if post.country_id else title


def post_description(post, holders) -> str:
    """A meta description of a post page: who has held it, newest first, with their years."""
    names = []
    for appointment in holders:
        end = appointment.ended_on.year if appointment.ended_on else ""
        names.append(
            f"{translated(appointment.person, 'name')} ({appointment.started_on.year}–{end})"
        )
    text = _("Who has held the post of %(post)s: %(holders)s.") % {
        "post": post_label(post),
        "holders": "; ".join(names),
    }
    return shorten(text, 200)


def image_url(request, photo) -> str:
    return request.build_absolute_uri(photo.picture("full")["src"])


def share_card(request, release) -> dict:
    """The release's share card for og:image and twitter:image: its address in this
    language, its size, and an alternative text saying what it shows.

    The address stays the same through corrections; the image behind it follows the
    release's last change (press/site/share_cards.py).
    """
    return {
        "url": request.build_absolute_uri(
            reverse("press:release_card", kwargs={"slug": release.slug})
        ),
        "type": "image/png",
        "width": WIDTH,
        "height": HEIGHT,
        "alt": _("%(kind)s: %(title)s")
        % {
            "kind": release.get_kind_display(),
            "title": getattr(release, languages.field("title")),
        },
    }


def share_links(request, release) -> dict:
    """Plain links to share the release: no script from any of these sites is loaded."""
    url = request.build_absolute_uri(release.get_absolute_url())
    title = getattr(release, languages.field("title"))
    return {
        "url": url,
        "links": [
            {
                "name": "Telegram",
                "lang": "en",
                "url": "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
            },
            {
                "name": "Facebook",
                "lang": "en",
                "url": "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
            },
            {
                "name": "X",
                "lang": "en",
                "url": "https://x.com/intent/post?" + urlencode({"url": url, "text": title}),
            },
            {
                "name": _("E-mail"),
                "lang": None,
                "url": f"mailto:?subject={quote(title)}&body={quote(title + chr(10) + url)}",
            },
        ],
    }


def _publisher(request) -> dict:
    return {
        "@type": "GovernmentOrganization",
        "name": _("Ministry of Foreign Affairs of the Republic of Uzbekistan"),
        "url": request.build_absolute_uri(reverse("press:home")),
    }


def news_article(request, release) -> dict:
    """schema.org NewsArticle for the release in the active language."""
    url = request.build_absolute_uri(release.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": getattr(release, languages.field("title"))[:110],
        "description": summary(release),
        "inLanguage": languages.bcp47(),
        "datePublished": release.published_at.isoformat(),
        "dateModified": max(release.updated_at, release.published_at).isoformat(),
        "publisher": _publisher(request),
        "author": _publisher(request),
    }
    photos = list(release.photos.all())
    if photos:
        lead = release.lead_photo()
        data["image"] = [image_url(request, lead)] + [
            image_url(request, p) for p in photos if p.pk != lead.pk
        ]
    place = getattr(release, languages.field("place"), "")
    if place:
        data["contentLocation"] = {"@type": "Place", "name": place}
    about = [
        {
            "@type": "Country" if c.kind == CountryKind.COUNTRY else "Organization",
            "name": translated(c, "name"),
            "url": request.build_absolute_uri(c.get_absolute_url()),
        }
        for c in release.countries.all()
    ]
    about += [
        {
            "@type": "Thing",
            "name": translated(t, "name"),
            "url": request.build_absolute_uri(t.get_absolute_url()),
        }
        for t in release.topics.all()
    ]
    if about:
        data["about"] = about
    mentions = [
        {
            "@type": "Person",
            "name": translated(a.person, "name"),
            "jobTitle": str(a.post_label()),
            "url": request.build_absolute_uri(a.person.get_absolute_url()),
        }
        for a in release.participants.all()
    ]
    if mentions:
        data["mentions"] = mentions
    return data


def event_description(event) -> str:
    """A meta description of an event's hub: its description's text, else its dates and
    place."""
    text = plain_text(translated(event, "description"))
    if text:
        return shorten(text, 200)
    place = translated(event, "place")
    return shorten(f"{translated(event, 'name')}{', ' + place if place else ''}", 200)


def event(request, occasion) -> dict:
    """schema.org Event for an event's hub, in the active language."""
    url = request.build_absolute_uri(occasion.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": translated(occasion, "name"),
        "url": url,
        "startDate": occasion.starts_on.isoformat(),
        "endDate": occasion.ends_on.isoformat(),
        "inLanguage": languages.bcp47(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": _publisher(request),
    }
    description = plain_text(translated(occasion, "description"))
    if description:
        data["description"] = shorten(description, 500)
    place = translated(occasion, "place")
    if place:
        data["location"] = {"@type": "Place", "name": place}
    return data


_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data) -> str:
    """<script type="application/ld+json"> that no text inside can close early."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
