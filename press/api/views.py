"""The API's endpoints: each reads through the verbs the public pages use, and nothing else.

The language is the ``lang`` query parameter: one address per release, country or person
whatever the language, the four codes listed in the schema, and an unknown code answered
with a 400 that says so (a path segment would make it a 404 of the URL resolver).
"""

import datetime
from typing import Literal

from django.conf import settings
from django.db.models import Max, Prefetch, Q
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import ValidationError
from ninja.openapi.docs import Swagger

from press import languages
from press.api import cursor, schemas
from press.models import Appointment, Country, Kind, Person, Photo, Release, Topic
from press.site.filters import ReleaseFilter

# settings.LANGUAGES' codes, written out for the schema (tests/test_api.py compares them).
Lang = Literal["uz", "uz-cyrl", "ru", "en"]
LANG = Query(
    settings.LANGUAGE_CODE,
    description="The language of the texts and page addresses: uz, uz-cyrl, ru or en.",
)
ERRORS = {400: schemas.Error, 404: schemas.Error}

api = NinjaAPI(
    title="Ministry of Foreign Affairs: press releases",
    version="1",
    description=(
        "Public, read-only: what the press pages show, in Uzbek (Latin and Cyrillic), "
        "Russian and English. See docs/api.md."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    # No validator badge: it would load an image from validator.swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)


class ApiError(Exception):
    """An answer other than 200, with its body (schemas.Error's fields)."""

    def __init__(self, status: int, detail: str, **extra):
        super().__init__(detail)
        self.status, self.body = status, {"detail": detail, **extra}


@api.exception_handler(ApiError)
def api_error(request, exc):
    return api.create_response(request, exc.body, status=exc.status)


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc):
    """A 400 naming each parameter at fault, in the language asked for if that one is valid
    (else in the caller's, from Accept-Language)."""
    with translation.override(asked_language(request), deactivate=False):
        errors = {}
        for error in exc.errors:
            # ("query", "date_from") or ("query", "country", 0): the parameter is the last name.
            names = [part for part in error.get("loc", ()) if isinstance(part, str)]
            name = names[-1] if names else "?"
            if name == "lang":
                # The codes are what the caller types, the same in every language.
                message = _("Unknown language: use one of %(codes)s.") % {
                    "codes": ", ".join(languages.codes())
                }
            else:
                message = _("This value is not valid.")
            errors.setdefault(name, []).append(message)
        return api_error(request, bad_request(errors))


@api.exception_handler(Http404)
def not_found(request, exc):
    with translation.override(asked_language(request), deactivate=False):
        return api_error(request, ApiError(404, _("There is nothing at this address.")))


def asked_language(request) -> str:
    """The ``lang`` parameter if it names a language; else the caller's (LocaleMiddleware's
    choice, from Accept-Language)."""
    asked = request.GET.get("lang")
    return asked if asked in languages.codes() else translation.get_language()


def bad_request(errors: dict) -> ApiError:
    return ApiError(400, _("The request is not valid."), errors=errors)


def check_characters(request):
    """No NUL in any parameter: PostgreSQL refuses it in a query, which would be a 500."""
    values = request.GET.lists()
    bad = {name: [_("This value is not valid.")] for name, v in values if "\0" in "".join(v)}
    if bad:
        raise bad_request(bad)


def with_last_modified(response, *moments):
    """The response with Last-Modified: the latest of the moments given.

    ConditionalGetMiddleware answers If-Modified-Since with it (and If-None-Match with the
    ETag it makes from the content, which wins when a client sends both).
    """
    moments = [m for m in moments if m is not None]
    if moments:
        response["Last-Modified"] = http_date(max(moments).timestamp())
    return response


def in_language(view):
    """Runs ``view`` with ``lang`` active: texts, page addresses and error messages in it."""

    def wrapped(request, *args, lang: str, response, **kwargs):
        with translation.override(lang):
            check_characters(request)
            if any("\0" in str(value) for value in kwargs.values()):  # in the path
                raise ApiError(404, _("There is nothing at this address."))
            response["Content-Language"] = languages.bcp47(lang)
            return view(request, *args, lang=lang, response=response, **kwargs)

    return wrapped


# --- Releases -------------------------------------------------------------------------------


def release_rows(queryset):
    """``queryset`` read with everything schemas.release_out() shows, in six queries however
    many rows: the releases, then their countries, topics, participants, photos, documents.

    The other languages' long texts and the search vector stay in the database.
    """
    code = languages.current()
    others = [
        languages.field(name, other)
        for other in languages.codes()
        if other != code
        for name in ("lead", "body", "change_note", "withdrawal_reason")
    ]
    return queryset.defer("search_vector", *others).prefetch_related(
        Prefetch("participants", queryset=Appointment.objects.with_names()),
        "countries",
        "topics",
        Prefetch("photos", queryset=Photo.objects.order_by("-is_lead", "order", "id")),
        "attachments",
    )


def releases_last_modified():
    """The latest change to any release, or publication of one that has come (two indexed
    aggregates): a list changes when a release is edited, withdrawn or unpublished, and when
    a scheduled one comes due, which leaves its updated_at in the past.

    Photos and documents are saved with their release (the admin's form, the services);
    a name changed on a country, topic or person moves the ETag only.
    """
    edited = Release.objects.aggregate(at=Max("updated_at"))["at"]
    published = Release.objects.published().aggregate(at=Max("published_at"))["at"]
    return edited, published


class ReleaseQuery(Schema):
    """The list's parameters: the site's filters (press/site/filters.py checks them), a
    cursor and a page size."""

    q: str | None = Field(None, description="Search words, as in the site's search box.")
    country: list[str] | None = Field(None, description="Country or organisation codes: any.")
    topic: list[str] | None = Field(None, description="Topic slugs: any of them.")
    official: list[str] | None = Field(None, description="Officials' slugs: any of them.")
    event: str | None = Field(None, description="An event's slug (a summit, a visit).")
    kind: Kind | None = Field(None, description="A kind of release.")
    date_from: datetime.date | None = Field(None, description="Event date, from this day.")
    date_to: datetime.date | None = Field(None, description="Event date, up to this day.")
    sort: Literal["date", "relevance"] = Field(
        "date",
        description=(
            "date: newest publication first (the default). relevance: with q, the best "
            "matches first, as the site's search lists them (newest first past 500 matches); "
            "a release published while you walk may then be missed."
        ),
    )
    cursor: str | None = Field(None, description="next_cursor of the previous page.")
    limit: int = Field(settings.PRESS_API_PAGE_SIZE, ge=1, le=settings.PRESS_API_MAX_PAGE_SIZE)


@api.get("/releases", response={200: schemas.ReleasePage, **ERRORS}, tags=["releases"])
def release_list(request, response: HttpResponse, params: Query[ReleaseQuery], lang: Lang = LANG):
    """Public releases in the language, filtered as the site's list is: newest first, or a
    search's best matches first with ``sort=relevance``."""
    return _release_list(
        request,
        lang=lang,
        response=response,
        cursor_=params.cursor,
        limit=params.limit,
        sort=params.sort,
    )


@in_language
def _release_list(request, *, lang, response, cursor_, limit, sort="date"):
    # The order is the API's parameter (its default is date, the site's relevance): the
    # filter sees the others only.
    data = request.GET.copy()
    data.pop("sort", None)
    filterset = ReleaseFilter(data, queryset=Release.objects.public(lang))
    if not filterset.is_valid():
        errors = {name: [str(m) for m in messages] for name, messages in filterset.errors.items()}
        raise bad_request(errors)
    releases = filterset.qs
    # A search ranks up to RANK_LIMIT matches (a ``score``); beyond, it is newest first.
    ranked = sort == "relevance" and "score" in releases.query.annotations
    if not ranked:
        releases = releases.latest()
    if cursor_:
        try:
            published_at, pk, score = cursor.decode(cursor_)
            if (score is not None) != ranked:  # made for the other order
                raise cursor.BadCursor(cursor_)
            if ranked:
                releases = releases.filter(
                    Q(score__lt=score)
                    | Q(score=score, published_at__lt=published_at)
                    | Q(score=score, published_at=published_at, pk__lt=pk)
                )
            else:
                releases = releases.after(published_at, pk)
        except cursor.BadCursor:
            message = _("This cursor is not valid: start again from the first page.")
            raise bad_request({"cursor": [message]}) from None
    rows = list(release_rows(releases)[: limit + 1])
    more, rows = len(rows) > limit, rows[:limit]
    next_cursor = None
    if more:
        next_cursor = cursor.encode(rows[-1], rows[-1].score if ranked else None)
    next_url = None
    if next_cursor:
        query = request.GET.copy()
        query["cursor"] = next_cursor
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    with_last_modified(response, *releases_last_modified())
    return {
        "items": [schemas.release_out(request, r) for r in rows],
        "next_cursor": next_cursor,
        "next": next_url,
    }


@api.get(
    "/releases/{int:release_id}", response={200: schemas.ReleaseOut, **ERRORS}, tags=["releases"]
)
def release_by_id(request, release_id: int, response: HttpResponse, lang: Lang = LANG):
    """One public release, by its id."""
    return _release_detail(request, lang=lang, response=response, pk=release_id)


@api.get("/releases/slug/{slug}", response={200: schemas.ReleaseOut, **ERRORS}, tags=["releases"])
def release_by_slug(request, slug: str, response: HttpResponse, lang: Lang = LANG):
    """One public release, by the slug of its page address."""
    return _release_detail(request, lang=lang, response=response, slug=slug)


@in_language
def _release_detail(request, *, lang, response, **key):
    release = release_rows(Release.objects.public(lang)).filter(**key).first()
    if release is None:
        # As the page does: published, but not written in this language, says where to read it.
        other = Release.objects.published().filter(**key).first()
        if other is not None and other.languages_filled():
            raise ApiError(
                404,
                _("This release is not published in this language."),
                languages=other.languages_filled(),
            )
        raise ApiError(404, _("There is no public release at this address."))
    with_last_modified(response, release.updated_at, release.published_at)
    return schemas.release_out(request, release)


# --- Countries, topics, officials -----------------------------------------------------------


@api.get("/countries", response={200: list[schemas.CountryOut], **ERRORS}, tags=["subjects"])
def country_list(request, response: HttpResponse, lang: Lang = LANG):
    """Every country and international organisation a release may name."""
    return _country_list(request, lang=lang, response=response)


@in_language
def _country_list(request, *, lang, response):
    return [schemas.country_out(request, c) for c in Country.objects.order_by("kind", "code")]


@api.get("/countries/{slug}", response={200: schemas.CountryOut, **ERRORS}, tags=["subjects"])
def country_detail(request, slug: str, response: HttpResponse, lang: Lang = LANG):
    """One country or organisation; its releases are /releases?country=<code>."""
    return _country_detail(request, lang=lang, response=response, slug=slug)


@in_language
def _country_detail(request, *, lang, response, slug):
    return schemas.country_out(request, _get(Country.objects.all(), slug))


@api.get("/topics", response={200: list[schemas.TopicOut], **ERRORS}, tags=["subjects"])
def topic_list(request, response: HttpResponse, lang: Lang = LANG):
    """Every topic."""
    return _topic_list(request, lang=lang, response=response)


@in_language
def _topic_list(request, *, lang, response):
    return [schemas.topic_out(request, t) for t in Topic.objects.order_by("slug")]


@api.get("/topics/{slug}", response={200: schemas.TopicOut, **ERRORS}, tags=["subjects"])
def topic_detail(request, slug: str, response: HttpResponse, lang: Lang = LANG):
    """One topic; its releases are /releases?topic=<slug>."""
    return _topic_detail(request, lang=lang, response=response, slug=slug)


@in_language
def _topic_detail(request, *, lang, response, slug):
    return schemas.topic_out(request, _get(Topic.objects.all(), slug))


def officials():
    appointments = Appointment.objects.with_names().order_by("-started_on")
    return Person.objects.prefetch_related(Prefetch("appointments", queryset=appointments))


@api.get("/officials", response={200: list[schemas.OfficialOut], **ERRORS}, tags=["subjects"])
def official_list(request, response: HttpResponse, lang: Lang = LANG):
    """Every official, with the posts they held (latest first)."""
    return _official_list(request, lang=lang, response=response)


@in_language
def _official_list(request, *, lang, response):
    return [schemas.official_out(request, p) for p in officials().order_by("slug")]


@api.get("/officials/{slug}", response={200: schemas.OfficialOut, **ERRORS}, tags=["subjects"])
def official_detail(request, slug: str, response: HttpResponse, lang: Lang = LANG):
    """One official with the posts they held; their releases are /releases?official=<slug>."""
    return _official_detail(request, lang=lang, response=response, slug=slug)


@in_language
def _official_detail(request, *, lang, response, slug):
    return schemas.official_out(request, _get(officials(), slug))


def _get(queryset, slug):
    found = queryset.filter(slug=slug).first()
    if found is None:
        raise ApiError(404, _("There is nothing at this address."))
    return found
