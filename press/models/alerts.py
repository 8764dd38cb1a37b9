"""E-mail alerts for readers: who asked for what, and what each was already sent.

A ``Subscriber`` is one e-mail address; it lives as long as it has a subscription. A
``Subscription`` is a filter of the public list (the list's own query string, so that
``press.site.filters.ReleaseFilter`` decides what matches, exactly as the page does) or one
release ("updates to this release"), in one language, at one frequency. Nothing is sent
to it before it is confirmed (double opt-in). An ``AlertDelivery`` is one message sent, unique
per subscription and key, so that a task run twice never sends twice.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from press import languages
from press.models.releases import Release


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")


class Subscriber(models.Model):
    """An e-mail address, stored lower-cased; deleted with its last subscription."""

    email = models.EmailField(_("e-mail address"), unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self):
        return self.email


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def to_lists(self):
        """Subscriptions to a filter of the list (not to one release)."""
        return self.filter(release__isnull=True)


class Subscription(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    # The list's query string, canonical (sorted, without "page"): "country=KG&country=UZ".
    # Empty with no release: the whole list.
    query = models.TextField(_("filter"), blank=True)
    release = models.ForeignKey(
        Release,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriptions",
        verbose_name=_("release"),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=languages.LANGUAGE_CHOICES, default="uz"
    )
    frequency = models.CharField(
        _("frequency"), max_length=20, choices=Frequency, default=Frequency.IMMEDIATELY
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        indexes = [
            models.Index(fields=["frequency", "confirmed_at"], name="subscription_sending_idx"),
        ]

    def __str__(self):
        return f"{self.subscriber_id}: {self.release_id or self.query or '*'}"


class AlertDelivery(models.Model):
    """One message sent (or being sent) to a subscription.

    ``key`` names what it was: ``new:<release id>``, ``updated:<release id>:<moment>``,
    ``withdrawn:<release id>``, ``daily:<date>``, ``weekly:<date>``. The unique constraint is
    what makes sending idempotent: a row is claimed before its message leaves.
    """

    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    key = models.CharField(max_length=100)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("alert sent")
        verbose_name_plural = _("alerts sent")
        constraints = [
            models.UniqueConstraint(fields=["subscription", "key"], name="alert_delivery_once"),
        ]

    def __str__(self):
        return f"{self.subscription_id}: {self.key}"


class DigestSchedule(models.Model):
    """When the next digest of a frequency is due: the one row its task chain advances.

    A digest task moves ``next_at`` from its own time to the next only if it still holds
    its own time, so a task that runs twice (or two started by ``alerts_schedule``)
    enqueues the next one once.
    """

    frequency = models.CharField(max_length=20, choices=Frequency, unique=True)
    next_at = models.DateTimeField()

    def __str__(self):
        return f"{self.frequency}: {self.next_at.isoformat()}"
