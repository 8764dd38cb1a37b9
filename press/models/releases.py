"""The press release: its text in four languages, what it names, its workflow fields."""

import datetime

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from press import languages
from press.models.choices import Kind, Status
from press.models.language_states import LanguageStates
from press.models.occasions import Occasion
from press.models.querysets import ReleaseQuerySet
from press.models.reference import Appointment, Country, MachineTranslated, Topic
from press.text import make_slug, sanitize_html


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
    by year or kind finds its page's ids in the index alone. Without them, PostgreSQL reads
    every whole row (bodies and all) from today back to the year asked for, only to skip
    most of them.
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
    merge of two id-ordered index scans (this, and the link table's, migration 0012;
    ReleaseQuerySet.about) instead of hashing every one of the subject's links.
    """
    return models.Index(
        fields=["id", "published_at"],
        condition=Q(status=Status.PUBLISHED, **{f"in_{code}": True}),
        name=f"release_public_ids_{code}_idx",
    )


class Release(LanguageStates, MachineTranslated):
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
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
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
        choices=Status.choices,
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
    occasions = models.ManyToManyField(
        Occasion,
        verbose_name=_("events"),
        related_name="releases",
        blank=True,
        help_text=_("The summit, visit or series this release is part of: listed on its page."),
    )
    # --- Workflow (press/services/ is the only writer of these) -----------------------
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
    # (press/services/revisions.py revision_create). Compared with the source language's time.
    language_edited_at = models.JSONField(
        _("languages last edited"),
        default=dict,
        blank=True,
        editable=False,
        encoder=DjangoJSONEncoder,
    )
    # {"ru": "2026-12-03T18:10:00+05:00"}: when each language's text had its last major
    # correction (press/services/saving.py), shown on that language's page with its own
    # change note; a language left out was not corrected, and is outdated from that moment.
    language_changed_at = models.JSONField(
        _("languages last corrected"),
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
    # ["uz", "ru"]: the languages an editor chose to post to their Telegram channel when the
    # release becomes public in them (press/services/telegram.py; TelegramPost says what was).
    telegram_languages = models.JSONField(
        _("post to Telegram in"), default=list, blank=True, editable=False
    )
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
            # The admin list's usual filters and its date hierarchy: their counts and years
            # read from the index alone, not from the wide rows (bodies in four languages).
            # With the id last, for a filter by country or topic (a semi-join on the id):
            # else each of its three scans reads the whole heap. A key column, not INCLUDE,
            # which SQLite does not have (check W040 on every `make run`).
            models.Index(
                fields=["status", "kind", "event_date", "id"], name="release_status_kind_idx"
            ),
            # A status filter's date hierarchy (press/admin/changelist.py, PeriodProbe): the
            # first release of each year with that status. In the index above the kind
            # stands between them, and PostgreSQL walked every kind's rows of the years
            # before (20 ms at 1,000,000 releases; 1 ms with this one).
            models.Index(fields=["status", "event_date", "id"], name="release_status_date_idx"),
            # The admin list unfiltered, in the model's order (drafts, whose time is NULL,
            # first, as PostgreSQL sorts DESC): else it sorts every draft for a page.
            models.Index(fields=["-published_at", "-id"], name="release_newest_idx"),
            # A status filter met with a country's or topic's release ids, in id order: the
            # capped count (press/admin/changelist.py) merges the two from indexes alone.
            models.Index(fields=["status", "id"], name="release_status_id_idx"),
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
        # A field left out of the query is missing from __dict__ (Django's own test for a
        # deferred field; get_deferred_fields() builds a set of them all, on every call).
        loaded = self.__dict__
        return [
            code
            for code in languages.codes()
            # Fetched without that body (a list): the stored flag says the same, unfetched.
            if (
                getattr(self, f"in_{languages.suffix(code)}")
                if languages.field("body", code) not in loaded
                else getattr(self, languages.field("title", code))
                and getattr(self, languages.field("body", code))
            )
        ]

    # --- The read rules for one release (ReleaseQuerySet's verbs say them in SQL) ---------

    def is_published(self) -> bool:
        """Whether ``Release.objects.published()`` includes it: published, and due."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def is_scheduled(self) -> bool:
        """Whether ``Release.objects.scheduled()`` includes it: published, not yet due."""
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def is_public(self, code: str | None = None) -> bool:
        """Whether ``Release.objects.public(code)`` includes it: published, due, and written
        in the language (the active one)."""
        return self.is_published() and (code or languages.current()) in self.languages_filled()

    def public_replacement(self):
        """The release an unpublished one sends its readers to, if that one is public."""
        replacement = self.replacement
        if (
            replacement is not None
            and replacement.is_published()
            and replacement.languages_filled()
        ):
            return replacement
        return None

    def state_label(self) -> str:
        """The status as editors say it: "Scheduled" for a publication still to come."""
        if self.is_scheduled():
            return _("Scheduled")
        return self.get_status_display()

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
