"""The ministry's Telegram channels: what was posted where.

The editor's choice (which languages go to their channel) is ``Release.telegram_languages``;
a ``TelegramPost`` is written by ``press.services.telegram`` only, one per release and
language, and records what the channel holds: the message, its state, the last error.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from press import languages
from press.models.releases import Release


class TelegramStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be posted")
    SENDING = "sending", _("Being posted")
    POSTED = "posted", _("Posted")
    FAILED = "failed", _("Failed")
    DELETED = "deleted", _("Deleted from the channel")


class TelegramPost(models.Model):
    """A release in one language on that language's channel (``settings.TELEGRAM_CHANNELS``).

    ``message_id`` is set once the Bot API answered: a post that has one is never sent
    again (press/tasks.py runs each task at least once, maybe twice).
    """

    release = models.ForeignKey(
        Release,
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="telegram_posts",
    )
    language = models.CharField(_("language"), max_length=10, choices=languages.LANGUAGE_CHOICES)
    channel = models.CharField(_("channel"), max_length=100)
    message_id = models.BigIntegerField(_("message"), null=True, blank=True)
    with_photo = models.BooleanField(_("with a photo"), default=False)
    status = models.CharField(
        _("state"), max_length=10, choices=TelegramStatus, default=TelegramStatus.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    posted_at = models.DateTimeField(_("posted"), null=True, blank=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("Telegram post")
        verbose_name_plural = _("Telegram posts")
        ordering = ["release", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "language"], name="telegram_post_one_per_language"
            )
        ]

    def __str__(self):
        return f"{self.channel} {self.message_id or '—'}"

    def public_url(self) -> str:
        """``https://t.me/<channel>/<id>`` for a public channel (``@name``); else empty."""
        if not self.message_id or not self.channel.startswith("@"):
            return ""
        return f"https://t.me/{self.channel[1:]}/{self.message_id}"
