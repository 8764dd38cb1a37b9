"""What happened to a release: its revisions, the preview links given out, who has it open."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from press import languages
from press.models.releases import Release


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
