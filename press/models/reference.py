"""Reference data a release names: countries and organisations, topics, people, their posts
and appointments (who held which post from when to when)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from press import languages
from press.files.fields import ReencodedImageField
from press.models.files import upload_portrait
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


def _aliases():
    """Other names of a country, topic or person: search finds it, and its releases, by them."""
    return models.TextField(
        _("other names"),
        blank=True,
        help_text=_(
            "One per line, in any language or script: abbreviations (BMT, ООН, UN), other "
            "spellings (Komilov, Kamilov). Search finds it by any of them."
        ),
    )


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
    # What load_countries last wrote ({"name_ru": "Кыргызстан", …}): a field that still holds
    # it was not edited since, and follows the fixture; one that differs is an editor's.
    fixture = models.JSONField(_("names as last loaded"), default=dict, blank=True, editable=False)
    aliases = _aliases()

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
    aliases = _aliases()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["slug"]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("press:topic", kwargs={"slug": self.slug})


class Person(MachineTranslated):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("As it is spelled in each language: Kamilov, Камилов."),
    )
    biography = models.TextField(_("biography"), blank=True)
    aliases = _aliases()
    portrait = ReencodedImageField(
        _("portrait"),
        upload_to=upload_portrait,
        blank=True,
        help_text=_("JPEG, PNG or WebP. Stored re-encoded, without location or camera data."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["slug"]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("press:official", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        # Written in the rich text editor (press/admin/editor.py); plain text becomes paragraphs.
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
    # Made from the English title on first save and never changed: the post page's address.
    slug = models.SlugField(_("slug"), max_length=80, unique=True, blank=True)
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

    def get_absolute_url(self):
        return reverse("press:post", kwargs={"slug": self.slug})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_post_slug(Post, self)
        super().save(*args, **kwargs)


def unique_post_slug(model, post) -> str:
    """A slug for ``post`` from its English title (else its first title), not yet taken in
    ``model`` (the real Post, or the historical one in a migration): the country's slug is
    added if the title alone is taken ("ambassador-kyrgyzstan"), then a number."""
    title = next(
        (
            getattr(post, languages.field("title", code), "")
            for code in ["en", *languages.codes()]
            if getattr(post, languages.field("title", code), "")
        ),
        post.title or "post",
    )
    base = make_slug(title, max_length=60) or "post"
    taken = model.objects.exclude(pk=post.pk).filter(slug__startswith=base)
    taken = set(taken.values_list("slug", flat=True))
    candidates = [base]
    if post.country_id:
        candidates.append(f"{base}-{post.country.slug}"[:80])
    candidates += [f"{candidates[-1][:75]}-{n}" for n in range(2, 1000)]
    return next(slug for slug in candidates if slug not in taken)


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

    def started(self, day: datetime.date):
        """Appointments begun by ``day``: what the public pages show. One entered ahead of
        its first day may not have been announced yet."""
        return self.filter(started_on__lte=day)

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
