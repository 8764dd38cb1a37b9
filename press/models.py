"""The press office's domain: who held which post, where, about what, and the releases."""

import datetime
import secrets
from pathlib import PurePath

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from press import images, languages
from press.text import make_slug, sanitize_html


class CountryKind(models.TextChoices):
    COUNTRY = "country", _("Country or territory")
    ORGANISATION = "organisation", _("International organisation")


class MachineTranslated(models.Model):
    """Remembers which languages were filled by machine transliteration and await a reader."""

    machine_translated = models.JSONField(
        _("machine transliteration awaiting review"),
        default=list,
        blank=True,
        help_text=_(
            "Languages filled by the transliteration action. Untick a language once you have "
            "read and corrected it."
        ),
    )

    class Meta:
        abstract = True


class Country(MachineTranslated):
    code = models.CharField(
        _("code"),
        max_length=8,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2 code for a country; a short acronym for an organisation."),
    )
    iso3 = models.CharField(_("ISO alpha-3 code"), max_length=3, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=CountryKind, default=CountryKind.COUNTRY
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive entries are not offered to editors.")
    )

    class Meta:
        verbose_name = _("country or organisation")
        verbose_name_plural = _("countries and organisations")
        ordering = ["code"]

    def __str__(self):
        return self.name or self.code

    def get_absolute_url(self):
        return reverse("press:country", kwargs={"slug": self.slug})


class Topic(MachineTranslated):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["slug"]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("press:topic", kwargs={"slug": self.slug})


def random_name(prefix: str, filename: str) -> str:
    """An upload path with a random part, so that a draft's file cannot be guessed."""
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"{prefix}/{timezone.now():%Y/%m}/{secrets.token_urlsafe(12)}{suffix}"


def upload_portrait(instance, filename):
    return random_name("portraits", filename)


def upload_photo(instance, filename):
    return random_name("photos", filename)


def upload_attachment(instance, filename):
    return random_name("attachments", filename)


class Person(MachineTranslated):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("As it is spelled in each language: Kamilov, Камилов."),
    )
    biography = models.TextField(_("biography"), blank=True)
    portrait = models.ImageField(_("portrait"), upload_to=upload_portrait, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["slug"]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("press:official", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        # Written in the rich text editor (press/editor.py); plain text becomes paragraphs.
        for code in languages.codes():
            name = languages.field("biography", code)
            value = getattr(self, name) or ""
            if value.strip() and not value.lstrip().startswith("<"):
                value = linebreaks(value, autoescape=True)
            setattr(self, name, sanitize_html(value))
        super().save(*args, **kwargs)


class Post(MachineTranslated):
    title = models.CharField(
        _("title"), max_length=300, help_text=_("For example: Minister of Foreign Affairs.")
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country or organisation"),
        on_delete=models.PROTECT,
        related_name="posts",
        null=True,
        blank=True,
    )
    seniority = models.PositiveSmallIntegerField(
        _("seniority"), default=100, help_text=_("Lower numbers are listed first.")
    )

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["seniority", "id"]

    def __str__(self):
        return self.title or str(self.pk)


class AppointmentQuerySet(models.QuerySet):
    def current_on(self, day: datetime.date):
        """Appointments in force on ``day``: started, and not yet ended."""
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=day), started_on__lte=day)

    def overlapping(self, *, post, started_on, ended_on):
        """Appointments to ``post`` sharing at least one day with [started_on, ended_on)."""
        clash = self.filter(post=post).filter(Q(ended_on__isnull=True) | Q(ended_on__gt=started_on))
        if ended_on is not None:
            clash = clash.filter(started_on__lt=ended_on)
        return clash

    def with_names(self):
        return self.select_related("person", "post", "post__country")


class Appointment(models.Model):
    """A person holding a post from one day to another: what a release names."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="appointments"
    )
    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.PROTECT, related_name="appointments"
    )
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(
        _("ended on"),
        null=True,
        blank=True,
        help_text=_(
            "The first day the person no longer held the post (the successor's first day). "
            "Empty while the person is in office."
        ),
    )

    objects = AppointmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("appointment")
        verbose_name_plural = _("appointments")
        ordering = ["post__seniority", "-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gt=models.F("started_on")),
                name="appointment_ends_after_start",
            )
        ]

    def __str__(self):
        return _("%(person)s — %(post)s (%(dates)s)") % {
            "person": self.person,
            "post": self.post_label(),
            "dates": self.date_range(),
        }

    def post_label(self) -> str:
        if self.post.country_id and self.post.country.kind == CountryKind.COUNTRY:
            return _("%(post)s of %(country)s") % {
                "post": self.post,
                "country": self.post.country,
            }
        if self.post.country_id:
            return f"{self.post}, {self.post.country}"
        return str(self.post)

    def date_range(self) -> str:
        start = formats.date_format(self.started_on, "SHORT_DATE_FORMAT")
        if self.ended_on is None:
            return _("from %(start)s") % {"start": start}
        end = formats.date_format(self.ended_on, "SHORT_DATE_FORMAT")
        return f"{start} – {end}"

    def is_current_on(self, day: datetime.date) -> bool:
        return self.started_on <= day and (self.ended_on is None or day < self.ended_on)

    def clean(self):
        super().clean()
        if self.started_on and self.ended_on and self.ended_on <= self.started_on:
            raise ValidationError(
                {"ended_on": _("An appointment must end after the day it started.")}
            )
        if self.post_id and self.started_on:
            clashes = Appointment.objects.overlapping(
                post=self.post, started_on=self.started_on, ended_on=self.ended_on
            ).exclude(pk=self.pk)
            clash = clashes.select_related("person").first()
            if clash is not None:
                raise ValidationError(
                    _(
                        "This post is already held by %(person)s in %(dates)s; "
                        "appointments to one post may not overlap."
                    )
                    % {"person": clash.person, "dates": clash.date_range()}
                )


class Kind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    VISIT = "visit", _("Visit")
    PHONE_CALL = "phone-call", _("Phone call")
    STATEMENT = "statement", _("Statement")
    BRIEFING = "briefing", _("Briefing")
    COMMENT = "comment", _("Comment")
    INTERVIEW = "interview", _("Interview")
    NEWS = "news", _("News")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    UNPUBLISHED = "unpublished", _("Unpublished")


def _when(value) -> datetime.datetime:
    return datetime.datetime.fromisoformat(value) if isinstance(value, str) else value


class TranslationState(models.TextChoices):
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")
    MACHINE = "machine", _("machine-made, to review")
    UP_TO_DATE = "up-to-date", _("up to date")


def filled_flag(code: str | None = None) -> str:
    """``in_uz_cyrl``: the Release field saying the language's title and body are written."""
    return f"in_{languages.suffix(code or languages.current())}"


def _filled(code: str):
    """What ``in_<lang>`` is computed from: the language's title and body are not empty."""
    return models.GeneratedField(
        expression=Q(**{f"title_{code}__gt": ""}) & Q(**{f"body_{code}__gt": ""}),
        output_field=models.BooleanField(),
        db_persist=True,
    )


def _public_index(code: str):
    """Public releases in one language, newest first: pages, counts and deep pages.

    Event date and kind ride along (after the order, so it is unchanged): a list filtered
    by year or kind finds its page's ids in the index alone. Without them, PostgreSQL read
    ~47,000 whole rows back from today to reach 2021 (120 ms at 100,000 releases).
    """
    return models.Index(
        F("published_at").desc(),
        F("id").desc(),
        F("event_date"),
        F("kind"),
        condition=Q(status=Status.PUBLISHED, **{f"in_{code}": True}),
        name=f"release_public_{code}_idx",
    )


def _public_ids_index(code: str):
    """The same releases by id: counting a country's or an official's releases becomes a
    merge of two id-ordered index scans (this, and the link table's, migration 0012)
    instead of hashing tens of thousands of rows (10 against 21 ms for 30,000 releases).
    """
    return models.Index(
        fields=["id", "published_at"],
        condition=Q(status=Status.PUBLISHED, **{f"in_{code}": True}),
        name=f"release_public_ids_{code}_idx",
    )


class ReleaseQuerySet(models.QuerySet):
    def published(self):
        """The visibility rule: every public surface starts here."""
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def in_language(self, code: str | None = None):
        """Releases whose title and body are written in the language (the active one).

        Asks the stored flag ``in_<lang>`` (Release.FILLED), which the database computes
        from the title and body on every write: an indexed boolean instead of reading every
        body, which at 100,000 releases made each list count take a second.
        """
        return self.filter(**{filled_flag(code): True})

    def public(self, code: str | None = None):
        """Published and written in the language: what a visitor may list and read."""
        return self.published().in_language(code)

    def visible(self):
        """Published or withdrawn, once the publication time has come: in any language."""
        return self.filter(
            Q(status=Status.PUBLISHED) | Q(status=Status.WITHDRAWN),
            published_at__lte=timezone.now(),
        )

    def readable(self, code: str | None = None):
        """What the detail page shows: public, or withdrawn after its publication time.

        A withdrawn release keeps its page (with a dated notice) but leaves listings, feeds,
        sitemaps and search, which all use ``public()``.
        """
        return self.visible().in_language(code)

    def needing_translation(self, code: str):
        """Releases whose text in ``code`` is missing, outdated or machine-made."""
        return self.filter(translation_needed__contains=f"|{code}|")

    def for_cards(self):
        """What a list of release cards shows, fetched in a fixed number of queries.

        Only the columns a card shows (the body in the active language for search snippets):
        not the search vector nor the other bodies, kilobytes a row. Of the links, the
        countries' names and the photos: cards show no topics.
        """
        codes = languages.codes()
        shown = [languages.field(name, code) for name in ("title", "lead") for code in codes]
        names = [languages.field("name", code) for code in codes]
        return self.only(
            "slug", "kind", "event_date", "status", "published_at", languages.field("body"), *shown
        ).prefetch_related(
            models.Prefetch("countries", queryset=Country.objects.only("slug", *names)),
            models.Prefetch("photos", queryset=Photo.objects.order_by("-is_lead", "order", "id")),
        )

    def latest(self):
        return self.order_by("-published_at", "-id")


class Release(MachineTranslated):
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_(
            "The address of the release. Made from the title when first saved and "
            "kept when the title changes later."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.NEWS)
    event_date = models.DateField(_("event date"), help_text=_("The day the event took place."))
    place = models.CharField(_("place"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=300, blank=True)
    lead = models.TextField(
        _("lead"), blank=True, help_text=_("One paragraph that sums up the release.")
    )
    body = models.TextField(_("body"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status,
        default=Status.DRAFT,
        db_index=True,
        help_text=_(
            "A release is public when it is published and its publication time has come, "
            "in each language whose title and body are filled."
        ),
    )
    published_at = models.DateTimeField(
        _("publication time"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A time in the future schedules the release: it appears at that moment."),
    )
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries and organisations"), related_name="releases", blank=True
    )
    topics = models.ManyToManyField(
        Topic, verbose_name=_("topics"), related_name="releases", blank=True
    )
    participants = models.ManyToManyField(
        Appointment,
        verbose_name=_("participants"),
        related_name="releases",
        blank=True,
        help_text=_("Officials in the posts they held on the event date."),
    )
    # --- Workflow (press/services.py is the only writer of these) -----------------------
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True, editable=False)
    force_published = models.BooleanField(
        _("published without review"),
        default=False,
        editable=False,
        help_text=_("Published by force, with a reason kept in the history."),
    )
    change_note = models.TextField(
        _("change note"),
        blank=True,
        help_text=_("What the last major correction changed, shown on the page."),
    )
    changed_at = models.DateTimeField(_("updated"), null=True, blank=True, editable=False)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True, editable=False)
    withdrawal_reason = models.TextField(
        _("reason for withdrawal"),
        blank=True,
        help_text=_("Shown on the page of a withdrawn release."),
    )
    unpublished_at = models.DateTimeField(_("unpublished"), null=True, blank=True, editable=False)
    replacement = models.ForeignKey(
        "self",
        verbose_name=_("replaced by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="replaces",
        help_text=_("Visitors to an unpublished release are sent here."),
    )
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="successors",
        help_text=_("The release this draft was made from by reverting to a revision."),
    )
    # {"uz": "2026-11-25T10:00:00+05:00", ...}: when each language's text last changed
    # (press/services.py revision_create). Compared with the source language's time.
    language_edited_at = models.JSONField(
        _("languages last edited"),
        default=dict,
        blank=True,
        editable=False,
        encoder=DjangoJSONEncoder,
    )
    # "|ru|en|": the languages that are missing, outdated or machine-made, kept by save()
    # so that the admin can filter on it in SQL on every database.
    translation_needed = models.CharField(
        _("needs translation into"), max_length=40, blank=True, editable=False, db_index=True
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    # Title and body written in the language: computed by the database on every write,
    # bulk ones included (ReleaseQuerySet.in_language). One per language in LANGUAGES.
    in_uz = _filled("uz")
    in_uz_cyrl = _filled("uz_cyrl")
    in_ru = _filled("ru")
    in_en = _filled("en")
    # All four languages, weighted title > lead > body; kept by a PostgreSQL trigger
    # (migration 0002), unused on SQLite. See press/search.py.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "published_at"], name="release_visible_idx"),
            *[_public_index(code) for code in ("uz", "uz_cyrl", "ru", "en")],
            *[_public_ids_index(code) for code in ("uz", "uz_cyrl", "ru", "en")],
            # The admin's date hierarchy and the lists' date filters; the newest change for
            # the sitemap index (press/sitemaps.py).
            models.Index(fields=["event_date"], name="release_event_date_idx"),
            models.Index(fields=["updated_at"], name="release_updated_idx"),
            # The admin list's usual filters and its date hierarchy: counts and years read
            # from the index alone, not from 100,000 wide rows (80 ms -> 2 ms each).
            models.Index(fields=["status", "kind", "event_date"], name="release_status_kind_idx"),
            GinIndex(fields=["search_vector"], name="release_search_gin"),
        ]
        permissions = [
            ("submit_release", _("Can submit a release for review")),
            ("publish_release", _("Can publish, schedule and unschedule a release")),
            ("force_publish_release", _("Can publish a release without a second reviewer")),
            ("correct_release", _("Can correct a published release")),
            ("withdraw_release", _("Can withdraw a release")),
            ("unpublish_release", _("Can unpublish a release")),
            ("translate_release", _("Can edit the text of a release in any language")),
        ]

    def __str__(self):
        for code in [languages.current(), *languages.codes()]:
            title = getattr(self, languages.field("title", code))
            if title:
                return title
        return self.slug or _("(untitled)")

    def get_absolute_url(self):
        return reverse("press:release", kwargs={"slug": self.slug})

    def languages_filled(self) -> list[str]:
        """Language codes in which the title and body are written."""
        deferred = self.get_deferred_fields()
        return [
            code
            for code in languages.codes()
            # Fetched without that body (a list): the stored flag says the same, unfetched.
            if (
                getattr(self, f"in_{languages.suffix(code)}")
                if languages.field("body", code) in deferred
                else getattr(self, languages.field("title", code))
                and getattr(self, languages.field("body", code))
            )
        ]

    def is_public(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def public_replacement(self):
        """The release an unpublished one sends its readers to, if that one is public."""
        replacement = self.replacement
        if replacement is not None and replacement.is_public() and replacement.languages_filled():
            return replacement
        return None

    def is_scheduled(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def state_label(self) -> str:
        """The status as editors say it: "Scheduled" for a publication still to come."""
        if self.is_scheduled():
            return _("Scheduled")
        return self.get_status_display()

    # --- Translation status --------------------------------------------------------------

    def source_language(self) -> str | None:
        """The language translations follow: Uzbek Latin if written, else the first written."""
        filled = self.languages_filled()
        if "uz" in filled:
            return "uz"
        return filled[0] if filled else None

    def translation_states(self) -> dict[str, str]:
        """``{code: state}`` with state one of TranslationState's values."""
        filled = self.languages_filled()
        source = self.source_language()
        edited = self.language_edited_at or {}
        machine = set(getattr(self, "machine_translated", None) or [])
        states = {}
        for code in languages.codes():
            if code not in filled:
                states[code] = TranslationState.MISSING
            elif code in machine:
                states[code] = TranslationState.MACHINE
            elif (
                code != source
                and edited.get(source)
                and edited.get(code)
                and _when(edited[code]) < _when(edited[source])
            ):
                states[code] = TranslationState.OUTDATED
            else:
                states[code] = TranslationState.UP_TO_DATE
        return states

    def _translation_needed(self) -> str:
        states = self.translation_states().items()
        needed = [code for code, state in states if state != TranslationState.UP_TO_DATE]
        return f"|{'|'.join(needed)}|" if needed else ""

    def lead_photo(self):
        photos = list(self.photos.all())  # uses the for_cards() prefetch when there is one
        return next((p for p in photos if p.is_lead), photos[0] if photos else None)

    def clean(self):
        super().clean()
        if not any(getattr(self, languages.field("title", code)) for code in languages.codes()):
            raise ValidationError(_("Write the title in at least one language."))
        if self.status == Status.PUBLISHED:
            if not self.languages_filled():
                raise ValidationError(
                    _("A published release needs a title and a body in at least one language.")
                )
            if self.published_at is None:
                raise ValidationError(
                    {"published_at": _("A published release needs a publication time.")}
                )

    def save(self, *args, **kwargs):
        for code in languages.codes():
            name = languages.field("body", code)
            setattr(self, name, sanitize_html(getattr(self, name)))
        if not self.slug:
            self.slug = self._unique_slug()
        self.translation_needed = self._translation_needed()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "translation_needed"}
        super().save(*args, **kwargs)

    def _unique_slug(self) -> str:
        titles = [getattr(self, languages.field("title", code)) for code in ("uz", "en")]
        titles += [getattr(self, languages.field("title", code)) for code in ("ru", "uz-cyrl")]
        base = make_slug(next((t for t in titles if t), ""), max_length=80) or "release"
        slug, n = base, 1
        while Release.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            n += 1
            slug = f"{base}-{n}"
        return slug


def participant_errors(event_date: datetime.date, appointments) -> list[str]:
    """Messages naming each appointment that was not in force on the event date."""
    return [
        _(
            "%(person)s did not hold the post “%(post)s” on %(date)s "
            "(held it %(dates)s). Pick the appointment in force on the event date."
        )
        % {
            "person": a.person,
            "post": a.post_label(),
            "date": formats.date_format(event_date),
            "dates": a.date_range(),
        }
        for a in appointments
        if not a.is_current_on(event_date)
    ]


class Photo(models.Model):
    """A photo of a release: stored re-encoded (never as uploaded), with its renditions."""

    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(
        _("image"),
        upload_to=upload_photo,
        help_text=_("JPEG, PNG or WebP. Stored re-encoded, without location or camera data."),
    )
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    alt = models.CharField(
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the photo shows, for people who cannot see it. "
            "Required in each language the release is published in."
        ),
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    is_lead = models.BooleanField(_("lead photo"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    focal_x = models.FloatField(
        _("focal point, across"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the left edge, 1 the right edge: cards are cropped around it."),
    )
    focal_y = models.FloatField(
        _("focal point, down"),
        default=0.5,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text=_("0 is the top edge, 1 the bottom edge."),
    )
    # [{"kind": "full"|"card", "format": "avif"|"webp"|"jpeg"|"png", "width", "height",
    #   "name"}]: made once when the photo is saved (press/images.py), never on request.
    renditions = models.JSONField(_("renditions"), default=list, blank=True, editable=False)
    content_hash = models.CharField(
        _("SHA-256 of the upload"), max_length=64, blank=True, editable=False
    )

    # What the database holds, to tell a new image or focal point from an old one.
    _stored_image = ""
    _stored_renditions: list = []
    _stored_focal = None

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["order", "id"]

    def __str__(self):
        return self.alt or PurePath(self.image.name).name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._remember_stored()
        return instance

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember_stored()

    def _remember_stored(self):
        if "image" in self.__dict__:
            self._stored_image = getattr(self.__dict__["image"], "name", self.__dict__["image"])
        self._stored_renditions = list(self.__dict__.get("renditions") or [])
        self._stored_focal = (self.__dict__.get("focal_x"), self.__dict__.get("focal_y"))

    def save(self, *args, **kwargs):
        """Re-encode a new image and make its renditions; old files go after the commit.

        Both the admin (an uploaded file) and code that calls ``image.save(name, content,
        save=False)`` first (the demo data) come through here.
        """
        storage = self.image.storage
        obsolete = []
        if self.image and "image" not in self.get_deferred_fields():
            new_image = not self.image._committed or self.image.name != self._stored_image
            if new_image:
                obsolete += [self._stored_image, *self._names(self._stored_renditions)]
                self._store_image(storage)
            elif (self.focal_x, self.focal_y) != self._stored_focal and self.renditions:
                obsolete += self._names(self.renditions, kind="card")
                self._remake_cards(storage)
        if self.is_lead and self.release_id:
            others = Photo.objects.filter(release_id=self.release_id, is_lead=True)
            others.exclude(pk=self.pk).update(is_lead=False)
        super().save(*args, **kwargs)
        self._remember_stored()
        if obsolete:
            names = [n for n in obsolete if n]
            transaction.on_commit(lambda: images.delete_files(storage, names))

    def _store_image(self, storage):
        raw = self.image.name if self.image._committed else None
        try:
            source = self.image.file
            prepared = images.prepare_photo(source, self.image.name)
        finally:
            if raw:
                # Stored as uploaded by image.save(): never kept, not even for a moment longer.
                self.image.close()
                storage.delete(raw)
        self.image.save(f"photo.{prepared.extension}", ContentFile(prepared.data), save=False)
        self.width, self.height = prepared.width, prepared.height
        self.content_hash = prepared.content_hash
        self.renditions = images.make_renditions(
            prepared.image, storage=storage, stem=self._stem(), focal=(self.focal_x, self.focal_y)
        )

    def _remake_cards(self, storage):
        from PIL import Image

        with storage.open(self.image.name, "rb") as f:
            image = Image.open(f)
            image.load()
        cards = images.make_renditions(
            image,
            storage=storage,
            stem=self._stem(),
            kinds=("card",),
            focal=(self.focal_x, self.focal_y),
        )
        self.renditions = [r for r in self.renditions if r["kind"] != "card"] + cards

    def _stem(self) -> str:
        return str(PurePath(self.image.name).with_suffix(""))

    @staticmethod
    def _names(renditions, kind=None) -> list[str]:
        return [r["name"] for r in renditions or [] if kind is None or r["kind"] == kind]

    def file_names(self) -> list[str]:
        return [self.image.name, *self._names(self.renditions)]

    def picture(self, kind: str = "full") -> dict:
        """What <picture> needs: sources per format, the <img> src/srcset, width and height."""
        data = images.picture_data(self.renditions or [], kind, self.image.storage)
        if data is None and kind == "card":
            data = images.picture_data(self.renditions or [], "full", self.image.storage)
        if data is None:  # made before renditions existed
            data = {
                "sources": [],
                "src": self.image.url,
                "srcset": "",
                "width": self.width,
                "height": self.height,
            }
        return data

    def alt_text(self) -> str:
        """Alt text in the active language, else in the first language that has it.

        Plain text: an attribute cannot carry the lang mark that visible fallback text does.
        """
        for code in [languages.current(), *languages.codes()]:
            value = getattr(self, languages.field("alt", code))
            if value:
                return value
        return ""

    def missing_alt(self, codes) -> list[str]:
        return [code for code in codes if not getattr(self, languages.field("alt", code))]


@receiver(post_delete, sender=Photo)
def _delete_photo_files(sender, instance, **kwargs):
    storage, names = instance.image.storage, instance.file_names()
    transaction.on_commit(lambda: images.delete_files(storage, names))


class Attachment(models.Model):
    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("file"),
        upload_to=upload_attachment,
        help_text=_("PDF, DOCX, XLSX, ODT or ODS, without macros."),
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    language = models.CharField(
        _("language of the document"),
        max_length=10,
        choices=languages.LANGUAGE_CHOICES,
        default="uz",
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    content_type = models.CharField(_("content type"), max_length=100, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    _stored_file = ""

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["order", "id"]

    def __str__(self):
        return self.title or PurePath(self.file.name).name

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        if "file" in instance.__dict__:
            stored = instance.__dict__["file"]
            instance._stored_file = getattr(stored, "name", stored) or ""
        return instance

    def save(self, *args, **kwargs):
        replaced = None
        if self.file and (not self.file._committed or self.file.name != self._stored_file):
            # Checked here too, for code that does not come through the admin's form.
            kind = images.check_document(self.file.file, self.file.name)
            self.size = self.file.size
            self.content_type = images.DOCUMENT_TYPES[kind][0]
            replaced = self._stored_file
        super().save(*args, **kwargs)
        self._stored_file = self.file.name
        if replaced:
            storage = self.file.storage
            transaction.on_commit(lambda: images.delete_files(storage, [replaced]))

    def get_absolute_url(self):
        return reverse("press:attachment", kwargs={"slug": self.release.slug, "pk": self.pk})

    @property
    def extension(self) -> str:
        return PurePath(self.file.name).suffix.lower().lstrip(".")

    def type_label(self) -> str:
        """PDF, DOCX…: what the page says the file is."""
        return images.DOCUMENT_TYPES.get(self.extension, ("", self.extension.upper()))[1]

    def download_name(self) -> str:
        """The title in the active language (else any) with the extension, safe as a name."""
        title = ""
        for code in [languages.current(), *languages.codes()]:
            title = getattr(self, languages.field("title", code)) or ""
            if title:
                break
        cleaned = "".join(c for c in title if c.isprintable() and c not in '\\/:*?"<>|')
        cleaned = " ".join(cleaned.split())[:150].strip(" .") or "document"
        return f"{cleaned}.{self.extension}"


@receiver(post_delete, sender=Attachment)
def _delete_attachment_file(sender, instance, **kwargs):
    storage, name = instance.file.storage, instance.file.name
    transaction.on_commit(lambda: images.delete_files(storage, [name]))


class RevisionQuerySet(models.QuerySet):
    def for_release(self, release):
        return self.filter(release=release).select_related("author").order_by("-number")


class Revision(models.Model):
    """An append-only snapshot of a release after a save: every language, relation and file.

    Written only by ``press.services.revision_create``; never changed or deleted on its own.
    """

    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("number"))
    created_at = models.DateTimeField(_("time"), default=timezone.now, editable=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=30, default="save")
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(_("snapshot"), encoder=DjangoJSONEncoder)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["release", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["release", "number"], name="revision_number_unique")
        ]

    def __str__(self):
        return _("Revision %(number)s") % {"number": self.number}

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Revisions are append-only.")
        super().save(*args, **kwargs)


class PreviewLinkQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """A signed address that lets someone without an account read a release before it is out."""

    SALT = "press.preview-link"

    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="preview_links"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Preview of %(release)s") % {"release": self.release}

    def token(self) -> str:
        from django.core import signing

        return signing.TimestampSigner(salt=self.SALT).sign(str(self.pk))

    def get_absolute_url(self, code: str | None = None) -> str:
        from django.utils import translation

        with translation.override(code or languages.current()):
            return reverse("press:preview", kwargs={"token": self.token()})

    def is_valid(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class EditingSession(models.Model):
    """Who opened a release's form, and when: to warn the next person who opens it."""

    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)

    class Meta:
        verbose_name = _("editing session")
        verbose_name_plural = _("editing sessions")
        constraints = [
            models.UniqueConstraint(fields=["release", "user"], name="editing_session_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.release_id}"
