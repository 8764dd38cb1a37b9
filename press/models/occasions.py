"""Events a press office covers over several releases: a summit, a state visit, a series of
ministerial meetings. Each has a public page (its hub) gathering the releases tagged with it.

Called ``Occasion`` in the code, "event" everywhere a person reads it (the admin, the
public address ``/en/events/<slug>/``, the ``event`` filter): ``press.models.Event`` is the
notifications' vocabulary already, and a model of the same word would be imported for the
other sooner or later.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from press import languages
from press.models import rules
from press.models.reference import MachineTranslated
from press.text import sanitize_html


def _filled_flag(code: str | None) -> str:
    # Release.in_<lang>, the stored flag ReleaseQuerySet.in_language asks (no import of
    # querysets.py: it imports the models this module's Release relation points at).
    return f"in_{languages.suffix(code or languages.current())}"


class OccasionQuerySet(models.QuerySet):
    def public(self, code: str | None = None):
        """Events with at least one release public in the language (the active one).

        An event is made before the visit is announced, to tag the drafts written ahead of
        it: until one of them is public, its name, dates and place are not either. Every
        public surface (the list, the hub, its feeds, the sitemap, the filter) asks this.
        """
        return self.filter(pk__in=self._public_links(code))

    def with_public_count(self, code: str | None = None):
        """Each event with ``public_releases``: how many of its releases are public."""
        return self.annotate(
            public_releases=models.Count("releases", filter=self._public_condition(code))
        )

    def _public_condition(self, code):
        return rules.published(path="releases") & Q(**{f"releases__{_filled_flag(code)}": True})

    def _public_links(self, code):
        links = self.model.releases.through.objects
        condition = rules.published(path="release") & Q(**{f"release__{_filled_flag(code)}": True})
        return links.filter(condition).values("occasion_id")


class Occasion(MachineTranslated):
    """An event: its name, description and place in every language, its first and last day."""

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("The address of the event's page: Latin letters, digits and hyphens."),
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("For example: Central Asia – EU Summit.")
    )
    description = models.TextField(_("description"), blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(
        _("last day"), help_text=_("The same as the first day for a one-day event.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OccasionQuerySet.as_manager()

    class Meta:
        # Not the notifications' "event" (hodisa, a thing that happened): a summit, a visit.
        verbose_name = pgettext_lazy("a summit, a visit", "event")
        verbose_name_plural = _("events")
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="occasion_ends_on_or_after_start",
            )
        ]

    def __str__(self):
        return self.name or self.slug

    def get_absolute_url(self):
        return reverse("press:event", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The last day cannot be before the first day.")})

    def save(self, *args, **kwargs):
        # Written in the rich text editor (press/admin/editor.py); plain text becomes paragraphs.
        for code in languages.codes():
            name = languages.field("description", code)
            value = getattr(self, name) or ""
            if value.strip() and not value.lstrip().startswith("<"):
                value = linebreaks(value, autoescape=True)
            setattr(self, name, sanitize_html(value))
        super().save(*args, **kwargs)
