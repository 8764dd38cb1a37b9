"""Nothing of a release that is not public reaches a public page: not a word, not a count.

A draft, a submitted, a scheduled, a withdrawn and an unpublished release are made as the
press office makes them (press/services/), each with a photo (real JPEG bytes saved
through the model, so with renditions under random names), a PDF and a nonsense word of its
own in every field and language. Beside them, public releases with their own words show
that the crawl sees what it should. Then the public site is crawled like a visitor and a
search engine would: the home page of each language, the list with each filter, searches for
every hidden word in every language, every feed, robots.txt, the sitemaps, the country,
topic and official pages, the hidden releases' addresses, and every same-site link found
on the way (at most ``MAX_PAGES`` pages).

Only a withdrawn release may still be read, on its own page (with its notice): nowhere
else may its words, its address or its files appear.
"""

import datetime
import io
import re
from urllib.parse import urljoin, urlsplit

import pytest
import time_machine
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client, override_settings
from django.utils import translation
from PIL import Image

from press import services
from press.models import (
    Appointment,
    Attachment,
    Country,
    Person,
    Photo,
    Post,
    Release,
    Status,
    Topic,
)
from tests.support import make_user, pdf

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 25, 9, 0, tzinfo=datetime.UTC)
CODES = ["uz", "uz-cyrl", "ru", "en"]
SUFFIXES = {"uz": "uz", "uz-cyrl": "uz_cyrl", "ru": "ru", "en": "en"}
HIDDEN = ["draft", "submitted", "scheduled", "withdrawn", "unpublished"]
PUBLIC = ["alpha", "beta"]
FIELDS = ["title", "lead", "body", "place", "alt", "caption", "credit", "document"]
MAX_PAGES = 400
FEEDS = ("rss", "atom")


def word(key: str, field: str, code: str) -> str:
    """A word no dictionary, stemmer or transliteration could produce by accident."""
    return f"qzx{key}{field}{SUFFIXES[code].replace('_', '')}vvq"


def jpeg(color) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (640, 400), color).save(out, "JPEG", quality=80)
    return out.getvalue()


def write(key: str, relations: dict, **fields) -> Release:
    values = {"kind": fields.pop("kind", "statement"), "event_date": datetime.date(2026, 3, 14)}
    for code, suffix in SUFFIXES.items():
        for name in ("title", "lead", "place"):
            values[f"{name}_{suffix}"] = word(key, name, code)
        values[f"body_{suffix}"] = f"<p>{word(key, 'body', code)}</p>"
    values.update(fields)
    release = Release.objects.create(status=Status.DRAFT, **values)
    for name, objects in relations.items():
        getattr(release, name).set(objects)
    photo = Photo(
        release=release,
        is_lead=True,
        **{
            f"{name}_{suffix}": word(key, name, code)
            for code, suffix in SUFFIXES.items()
            for name in ("alt", "caption", "credit")
        },
    )
    photo.image.save("photo.jpg", ContentFile(jpeg((40 + len(key) * 20, 90, 140))), save=False)
    photo.save()
    attachment = Attachment(
        release=release,
        **{f"title_{suffix}": word(key, "document", code) for code, suffix in SUFFIXES.items()},
    )
    attachment.file.save("statement.pdf", ContentFile(pdf()), save=False)
    attachment.save()
    services.revision_create(release=release, user=None, action="create")
    return release


def build(tmp_media):
    author = make_user("leak-author", "author")
    editor = make_user("leak-editor", "editor")
    uzbekistan = Country.objects.create(
        code="UZ", slug="uzbekistan", name_uz="Oʻzbekiston", name_en="Uzbekistan"
    )
    # Named only by hidden releases: no public page may advertise them.
    hiddenland = Country.objects.create(
        code="HL", slug="hiddenland", name_uz="Yashirinlandiya", name_en="Hiddenland"
    )
    trade = Topic.objects.create(slug="trade", name_uz="Savdo", name_en="Trade")
    secret_topic = Topic.objects.create(slug="secret-talks", name_uz="Sir", name_en="Secret")
    post = Post.objects.create(title_uz="Vazir", title_en="Minister", country=uzbekistan)
    minister = Appointment.objects.create(
        person=Person.objects.create(slug="demo-minister", name_uz="Demo Vazir", name_en="Demo"),
        post=post,
        started_on=datetime.date(2020, 1, 1),
    )
    envoy_post = Post.objects.create(title_uz="Elchi", title_en="Envoy", country=hiddenland)
    envoy = Appointment.objects.create(
        person=Person.objects.create(slug="hidden-envoy", name_uz="Elchi", name_en="Envoy"),
        post=envoy_post,
        started_on=datetime.date(2020, 1, 1),
    )
    shared = {"countries": [uzbekistan], "topics": [trade], "participants": [minister]}
    hidden_only = {
        "countries": [uzbekistan, hiddenland],
        "topics": [trade, secret_topic],
        "participants": [minister, envoy],
    }

    def submitted(key):
        release = write(key, hidden_only)
        return services.release_submit(release=release, user=author)

    def published(key, relations=hidden_only, **kwargs):
        release = services.release_submit(
            release=write(key, relations, kind="meeting"), user=author
        )
        return services.release_publish(release=release, user=editor, **kwargs)

    public = {key: published(key, shared) for key in PUBLIC}
    hidden = {
        "draft": write("draft", hidden_only),
        "submitted": submitted("submitted"),
        "scheduled": services.release_publish(
            release=submitted("scheduled"), user=editor, at=NOW + datetime.timedelta(days=2)
        ),
        "withdrawn": services.release_withdraw(
            release=published("withdrawn"),
            user=editor,
            reason={code: f"Sabab {code}" for code in CODES},
        ),
        "unpublished": services.release_unpublish(
            release=published("unpublished"),
            user=editor,
            reason={code: f"Xato {code}" for code in CODES},
        ),
    }
    return public, hidden


# --- The crawl ---------------------------------------------------------------------------------

LINK = re.compile(
    r"""(?:href|src|action)=["']([^"']+)["']|<loc>([^<]+)</loc>|<link>([^<]+)</link>"""
)
SRCSET = re.compile(r"""srcset=["']([^"']+)["']""")


def links(base: str, body: str) -> list[str]:
    found = []
    for groups in LINK.findall(body):
        found += [g for g in groups if g]
    for srcset in SRCSET.findall(body):
        found += [part.strip().split(" ")[0] for part in srcset.split(",") if part.strip()]
    urls = []
    for link in found:
        link = link.replace("&amp;", "&")
        url = urlsplit(urljoin(base, link))
        if url.scheme not in ("http", "https", "") or url.netloc not in ("", "testserver"):
            continue
        urls.append(url.path + (f"?{url.query}" if url.query else ""))
    return urls


def crawlable(path: str) -> bool:
    if path.startswith(("/static/", "/media/")) or "/admin/" in path or "/preview/" in path:
        return False
    return "/files/" not in path  # downloads are checked one by one below


class Site:
    def __init__(self, public, hidden):
        self.public, self.hidden = public, hidden
        self.pages: dict[str, tuple[int, str]] = {}
        self.media_links: set[str] = set()
        self.client = Client(raise_request_exception=False)

    def get(self, path):
        if path not in self.pages:
            response = self.client.get(path)
            body = b"" if response.streaming else response.content
            self.pages[path] = (response.status_code, body.decode("utf-8", "replace"))
        return self.pages[path]

    def crawl(self, start):
        """Every start page, then the same-site links found, breadth first, up to the bound."""
        queue = list(dict.fromkeys(start))
        seen, followed = set(queue), 0
        while queue and (followed < MAX_PAGES or queue[0] in start):
            path = queue.pop(0)
            followed += path not in start
            status, body = self.get(path)
            if status != 200 or "q=" in urlsplit(path).query:
                continue  # a search's links repeat its query: its variants are start pages
            for link in links(f"http://testserver{path}", body):
                if link.startswith("/media/"):
                    self.media_links.add(link)
                if crawlable(link) and link not in seen:
                    seen.add(link)
                    queue.append(link)
        return queue  # what was left when the bound was reached


def start_pages(public, hidden) -> list[str]:
    pages = ["/robots.txt", "/sitemap.xml"]
    pages += [
        f"/sitemap-{section}.xml" for section in ("releases", "countries", "topics", "officials")
    ]
    filters = [
        "",
        "?country=UZ",
        "?country=HL",
        "?topic=trade",
        "?topic=secret-talks",
        "?official=demo-minister",
        "?official=hidden-envoy",
        "?kind=statement",
        "?kind=meeting",
        "?date_from=2026-03-01&date_to=2026-03-31",
        "?country=UZ&country=HL&topic=trade&kind=statement",
    ]
    for code in CODES:
        pages.append(f"/{code}/")
        pages += [f"/{code}/press/{query}" for query in filters]
        pages += [
            f"/{code}/press/feed.{fmt}{query}" for fmt in ("rss", "atom") for query in filters
        ]
        for kind, slugs in (
            ("countries", ["uzbekistan", "hiddenland"]),
            ("topics", ["trade", "secret-talks"]),
            ("officials", ["demo-minister", "hidden-envoy"]),
        ):
            for slug in slugs:
                pages.append(f"/{code}/{kind}/{slug}/")
                pages += [f"/{code}/{kind}/{slug}/feed.{fmt}" for fmt in ("rss", "atom")]
        # Hidden words in every language's search (and public ones, to see it work): each
        # field's word in this language, and the title's as written in every language.
        for key in [*HIDDEN, *PUBLIC]:
            for field in ("title", "lead", "body", "place", "alt", "document"):
                pages.append(f"/{code}/search/?q={word(key, field, code)}")
            for written in CODES:
                pages.append(f"/{code}/search/?q={word(key, 'title', written)}")
            pages += [f"/{code}/press/feed.{fmt}?q={word(key, 'body', code)}" for fmt in FEEDS]
        for release in hidden.values():
            pages.append(f"/{code}/press/{release.slug}/")
    return pages


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The world, built once and crawled once, inside a transaction rolled back at the end."""
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")),
        time_machine.travel(NOW, tick=False),
        translation.override("uz"),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            for cache in caches.all():
                cache.clear()
            public, hidden = build(None)
            site = Site(public, hidden)
            site.left = site.crawl(start_pages(public, hidden))
            # Read now, while the media and the clock are the module's (tests move both).
            site.secrets = {key: secrets_of(key, r) for key, r in hidden.items()}
            site.photos = {key: photo_files(r) for key, r in {**public, **hidden}.items()}
            site.downloads = {
                (key, code): site.client.get(f"/{code}/press/{r.slug}/files/{a.pk}/")
                for key, r in hidden.items()
                for a in r.attachments.all()
                for code in CODES
            }
            site.documents = {
                key: [a.file.name.rsplit("/", 1)[-1] for a in r.attachments.all()]
                for key, r in hidden.items()
            }
            yield site
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def own_pages(release) -> set[str]:
    return {f"/{code}/press/{release.slug}/" for code in CODES}


def photo_files(release) -> set[str]:
    """Every stored name of the release's photos: the image and each rendition."""
    return {name for photo in release.photos.all() for name in photo.file_names()}


def secrets_of(key, release) -> dict[str, str]:
    """What must not be seen of a release: {text: what it is}."""
    found = {word(key, field, code): f"{field} ({code})" for field in FIELDS for code in CODES}
    for name in photo_files(release):
        found[name.rsplit("/", 1)[-1]] = f"photo file {name}"
    for attachment in release.attachments.all():
        found[attachment.file.name.rsplit("/", 1)[-1]] = f"document {attachment.file.name}"
    return found


def without_query(path: str, body: str) -> str:
    """A search page repeats what was asked (title, box, links): that is not a leak."""
    query = urlsplit(path).query
    for part in query.split("&"):
        if part.startswith("q="):
            body = body.replace(part[2:], "")
    return body


# --- What must hold ------------------------------------------------------------------------------


def test_the_crawl_covered_the_site(site):
    assert not site.left, f"the crawl stopped at {MAX_PAGES} pages"
    errors = [path for path, (status, _body) in site.pages.items() if status >= 500]
    assert errors == []
    ok = [path for path, (status, _body) in site.pages.items() if status == 200]
    assert len(ok) > 150
    bodies = [body for _status, body in site.pages.values()]
    for key, release in site.public.items():
        for path in own_pages(release):
            assert site.pages.get(path, (0,))[0] == 200, path
        # The checks below would be empty if the crawl missed what public pages show.
        for name in site.photos[key]:
            assert any(name.rsplit("/", 1)[-1] in body for body in bodies), name
        for field in FIELDS:
            assert any(word(key, field, "ru") in body for body in bodies), field


def test_no_hidden_word_address_or_file_on_any_public_page(site):
    leaks = []
    for key, release in site.hidden.items():
        allowed = own_pages(release) if release.status == Status.WITHDRAWN else set()
        for path, (_status, body) in site.pages.items():
            if path in allowed:
                continue
            body = without_query(path, body)
            if path in own_pages(release):
                # Its own address may be repeated by its 404 or 410 page (the language
                # switcher, the canonical link); the slug is made from the title's word.
                body = body.replace(f"/press/{release.slug}/", "")
            for text, what in site.secrets[key].items():
                if text in body:
                    leaks.append(f"{key}: {what} on {path}")
            if f"/press/{release.slug}/" in body and path not in own_pages(release):
                leaks.append(f"{key}: its address on {path}")
    assert leaks == []


def test_hidden_photos_are_linked_nowhere(site):
    hidden_files = {name for key in HIDDEN if key != "withdrawn" for name in site.photos[key]}
    linked = {link.removeprefix("/media/") for link in site.media_links}
    for key in PUBLIC:
        assert linked & site.photos[key], f"no photo of {key} linked: the crawl missed it"
    assert linked & hidden_files == set()
    withdrawn = site.hidden["withdrawn"]
    for path, (_status, body) in site.pages.items():
        if path not in own_pages(withdrawn):
            assert not any(name in body for name in site.photos["withdrawn"]), path


@pytest.mark.parametrize("code", CODES)
def test_hidden_addresses_answer_by_state(site, code):
    expected = {"draft": 404, "submitted": 404, "scheduled": 404, "unpublished": 410}
    for key, status in expected.items():
        got, body = site.get(f"/{code}/press/{site.hidden[key].slug}/")
        assert got == status, key
    got, body = site.get(f"/{code}/press/{site.hidden['withdrawn'].slug}/")
    assert got == 200
    assert word("withdrawn", "title", code) in body
    assert 'class="notice notice--withdrawn"' in body


def test_documents_of_hidden_releases_are_not_downloadable(site):
    for (key, code), response in site.downloads.items():
        expected = 200 if key == "withdrawn" else 404  # a withdrawn page keeps its documents
        assert response.status_code == expected, (key, code)
        if expected == 404:
            body = response.content.decode()
            assert not any(name in body for name in site.documents[key]), (key, code)


RESULTS = re.compile(r'<section class="results".*?</section>', re.S)
HEADING = re.compile(r'<h2 id="results-heading"[^>]*>(.*?)</h2>', re.S)


def test_every_count_shown_counts_public_releases_only(site):
    public_slugs = {r.slug for r in site.public.values()}
    # Every public release is on page one of every list that should show it.
    counted = 0
    for path, (status, body) in site.pages.items():
        section = RESULTS.search(body)
        if status != 200 or section is None:
            continue
        numbers = re.findall(r"\d+", HEADING.search(section.group()).group(1))
        if not numbers:
            continue  # "No results": an invalid filter
        shown = set(
            re.findall(
                r'<h3 class="card__title"><a href="/[\w-]+/press/([\w-]+)/"', section.group()
            )
        )
        assert shown <= public_slugs, path
        assert int(numbers[0]) == len(shown), path  # one page holds every public release
        counted += 1
    assert counted > 50


def test_subjects_of_hidden_releases_are_not_advertised(site):
    for code in CODES:
        _status, home = site.get(f"/{code}/")
        assert "/countries/hiddenland/" not in home
        assert "/topics/secret-talks/" not in home
    for section, address in (
        ("countries", "/countries/hiddenland/"),
        ("topics", "/topics/secret-talks/"),
        ("officials", "/officials/hidden-envoy/"),
    ):
        status, body = site.get(f"/sitemap-{section}.xml")
        assert status == 200
        assert address not in body, section
    # Their pages exist (a country is not a secret) but list nothing.
    for code in CODES:
        for path in ("countries/hiddenland", "topics/secret-talks", "officials/hidden-envoy"):
            status, body = site.get(f"/{code}/{path}/")
            assert status == 200
            assert '<article class="card">' not in body, path


def test_search_finds_public_words_and_not_hidden_ones(site):
    for code in CODES:
        for key in PUBLIC:
            _status, body = site.get(f"/{code}/search/?q={word(key, 'title', code)}")
            assert f"/press/{site.public[key].slug}/" in body, (code, key)
        for key, release in site.hidden.items():
            for written in CODES:
                _status, body = site.get(f"/{code}/search/?q={word(key, 'title', written)}")
                assert f"/press/{release.slug}/" not in body, (code, key, written)
