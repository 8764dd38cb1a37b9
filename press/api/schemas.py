"""The shapes of the API's answers (pydantic models, from which the OpenAPI schema is made),
and how each is filled from the database's rows in the language asked for.

Every ``*_out`` function expects the active language to be the one asked for
(``translation.override``), and the rows read with what ``views`` prefetches: they run no
query of their own.
"""

import datetime

from django.urls import reverse
from ninja import Schema

from press import languages


class Error(Schema):
    detail: str
    # For a 400: each parameter at fault, with what is wrong with it.
    errors: dict[str, list[str]] = {}
    # For a release not written in the language asked for: the languages it is written in.
    languages: list[str] = []


class Link(Schema):
    slug: str
    name: str
    # The language the name is written in: the one asked for, or where the name is missing
    # in it, the one it falls back to (as the pages mark it with a lang attribute).
    name_language: str
    url: str


class CountryOut(Link):
    code: str
    iso3: str
    kind: str


class TopicOut(Link):
    description: str


class AppointmentOut(Schema):
    post: str
    country: str | None
    started_on: datetime.date
    ended_on: datetime.date | None


class OfficialOut(Link):
    biography: str
    appointments: list[AppointmentOut]


class ParticipantOut(Schema):
    official: Link
    # The post as the page names it ("Minister of Foreign Affairs of Uzbekistan"), held on
    # the event date: the admin refuses a participant who did not hold it then.
    post: str
    started_on: datetime.date
    ended_on: datetime.date | None


class RenditionOut(Schema):
    url: str
    kind: str
    format: str
    width: int
    height: int


class PhotoOut(Schema):
    url: str
    width: int
    height: int
    alt: str
    caption: str
    credit: str
    is_lead: bool
    renditions: list[RenditionOut]


class AttachmentOut(Schema):
    url: str
    title: str
    language: str
    content_type: str
    size: int


class CorrectionOut(Schema):
    changed_at: datetime.datetime
    note: str


class ReleaseOut(Schema):
    id: int
    slug: str
    url: str
    language: str
    title: str
    lead: str
    body: str
    kind: str
    kind_label: str
    event_date: datetime.date
    place: str
    published_at: datetime.datetime
    updated_at: datetime.datetime
    countries: list[CountryOut]
    topics: list[TopicOut]
    participants: list[ParticipantOut]
    photos: list[PhotoOut]
    attachments: list[AttachmentOut]
    # The last major correction and its note, as the page shows them; null if none.
    correction: CorrectionOut | None


class ReleasePage(Schema):
    items: list[ReleaseOut]
    # The next page's cursor, and its whole address; null on the last page.
    next_cursor: str | None
    next: str | None


# --- Filling them ---------------------------------------------------------------------------


def page_url(request, name: str, **kwargs) -> str:
    """The absolute address of a public page in the active language."""
    return request.build_absolute_uri(reverse(name, kwargs=kwargs))


def _text(obj, name: str) -> str:
    """The field in the active language, without falling back to another one."""
    return getattr(obj, languages.field(name)) or ""


def _name(obj) -> dict:
    """``name`` and ``name_language``: the name in the active language, else the first
    language that has it, in the order the pages fall back (press_tags.tr)."""
    for code in [languages.current(), *languages.codes()]:
        value = getattr(obj, languages.field("name", code))
        if value:
            return {"name": value, "name_language": code}
    return {"name": obj.slug, "name_language": languages.current()}


def country_out(request, country) -> dict:
    return {
        "code": country.code,
        "iso3": country.iso3,
        "slug": country.slug,
        "kind": country.kind,
        **_name(country),
        "url": page_url(request, "press:country", slug=country.slug),
    }


def topic_out(request, topic) -> dict:
    return {
        "slug": topic.slug,
        **_name(topic),
        "description": _text(topic, "description"),
        "url": page_url(request, "press:topic", slug=topic.slug),
    }


def person_link(request, person) -> dict:
    return {
        "slug": person.slug,
        **_name(person),
        "url": page_url(request, "press:official", slug=person.slug),
    }


def official_out(request, person) -> dict:
    return {
        **person_link(request, person),
        "biography": _text(person, "biography"),
        "appointments": [
            {
                "post": str(a.post),
                "country": a.post.country.code if a.post.country_id else None,
                "started_on": a.started_on,
                "ended_on": a.ended_on,
            }
            for a in person.appointments.all()
        ],
    }


def participant_out(request, appointment) -> dict:
    return {
        "official": person_link(request, appointment.person),
        "post": str(appointment.post_label()),
        "started_on": appointment.started_on,
        "ended_on": appointment.ended_on,
    }


def photo_out(request, photo) -> dict:
    storage = photo.image.storage
    absolute = request.build_absolute_uri
    return {
        "url": absolute(photo.image.url),
        "width": photo.width,
        "height": photo.height,
        "alt": _text(photo, "alt"),
        "caption": _text(photo, "caption"),
        "credit": _text(photo, "credit"),
        "is_lead": photo.is_lead,
        "renditions": [
            {
                "url": absolute(storage.url(r["name"])),
                "kind": r["kind"],
                "format": r["format"],
                "width": r["width"],
                "height": r["height"],
            }
            for r in photo.renditions or []
        ],
    }


def attachment_out(request, release, attachment) -> dict:
    return {
        # The download goes through the release's page, which checks it is still readable.
        "url": page_url(request, "press:attachment", slug=release.slug, pk=attachment.pk),
        "title": _text(attachment, "title"),
        "language": attachment.language,
        "content_type": attachment.content_type,
        "size": attachment.size,
    }


def release_out(request, release) -> dict:
    correction = None
    if release.changed_at:
        correction = {"changed_at": release.changed_at, "note": _text(release, "change_note")}
    return {
        "id": release.pk,
        "slug": release.slug,
        "url": page_url(request, "press:release", slug=release.slug),
        "language": languages.current(),
        "title": _text(release, "title"),
        "lead": _text(release, "lead"),
        # Sanitised when saved (press/text.py), and shown as it is stored by the page.
        "body": _text(release, "body"),
        "kind": release.kind,
        "kind_label": str(release.get_kind_display()),
        "event_date": release.event_date,
        "place": _text(release, "place"),
        "published_at": release.published_at,
        "updated_at": release.updated_at,
        "countries": [country_out(request, c) for c in release.countries.all()],
        "topics": [topic_out(request, t) for t in release.topics.all()],
        "participants": [participant_out(request, a) for a in release.participants.all()],
        "photos": [photo_out(request, p) for p in release.photos.all()],
        "attachments": [attachment_out(request, release, a) for a in release.attachments.all()],
        "correction": correction,
    }
