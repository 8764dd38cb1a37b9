"""What the press office tells its people: notifications, each person's preferences, and
the reviewers' internal comments on a release.

A notification stores its event and its parameters, never its text: the text is written
when it is read, in the reader's language (the admin's, or the e-mail's recipient's).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from press import languages
from press.models.releases import Release


class Event(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted for review")
    RETURNED = "returned", _("Returned to draft")
    PUBLISHED = "published", _("Published")
    SCHEDULED = "scheduled", _("Scheduled")
    OUTDATED = "outdated", _("Translation outdated")


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user).select_related("release", "actor")

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something that happened to a release that ``recipient`` should know about.

    Written only by ``press.services.notifications``; ``params`` holds what the text needs
    besides the release and the actor: the reviewer's ``comment``, the ``languages`` to
    translate (codes), the publication ``time``.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="press_notifications",
    )
    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    event = models.CharField(_("event"), max_length=20, choices=Event)
    params = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # Set when its e-mail left: a task run again (a retry, a second worker) skips it.
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True, editable=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
        ]

    def __str__(self):
        return self.message()

    def message(self) -> str:
        """The notification in the active language: who did what to which release."""
        actor = _actor_name(self.actor)
        values = {"actor": actor, "release": str(self.release)}
        names = ", ".join(languages.name(c) for c in self.params.get("languages", []))
        if self.event == Event.SUBMITTED:
            return _("%(actor)s submitted “%(release)s” for review.") % values
        if self.event == Event.RETURNED:
            return _("%(actor)s returned “%(release)s” to you.") % values
        if self.event == Event.PUBLISHED:
            text = _("%(actor)s published “%(release)s”.") % values
        elif self.event == Event.SCHEDULED:
            text = _("%(actor)s scheduled “%(release)s” for %(time)s (Tashkent time).") % {
                **values,
                "time": self.params.get("time", ""),
            }
        else:
            return _("“%(release)s” was corrected: its text in %(languages)s is now outdated.") % {
                **values,
                "languages": names,
            }
        if names:
            text += " " + _("Still missing: %(languages)s.") % {"languages": names}
        return text

    def comment(self) -> str:
        return self.params.get("comment", "")


def _actor_name(user) -> str:
    if user is None:
        return str(_("Someone"))
    return user.get_full_name() or user.get_username()


class Preferences(models.Model):
    """One person's choices: the language of their e-mails, the languages they translate
    into, and whether they want e-mails at all (the admin's notifications stay)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="press_preferences",
    )
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=languages.LANGUAGE_CHOICES,
        blank=True,
        help_text=_("Without a choice, e-mails are written in the admin's default language."),
    )
    # Language codes ("uz-cyrl"): the translations this person is told are missing or
    # outdated. Empty: every language.
    working_languages = models.JSONField(_("working languages"), default=list, blank=True)
    email = models.BooleanField(
        _("send me e-mails"),
        default=True,
        help_text=_("Notifications are always listed in the admin."),
    )

    class Meta:
        verbose_name = _("preferences")
        verbose_name_plural = _("preferences")

    def __str__(self):
        return str(self.user)


class ReviewComment(models.Model):
    """A reviewer's internal remark on a release: shown in the admin, never on the site."""

    release = models.ForeignKey(
        Release,
        verbose_name=_("release"),
        on_delete=models.CASCADE,
        related_name="review_comments",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # "return" when the comment came with returning the release to its author.
    action = models.CharField(_("action"), max_length=20, blank=True)
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("time"), default=timezone.now)

    class Meta:
        verbose_name = _("reviewer comment")
        verbose_name_plural = _("reviewer comments")
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return self.text[:80]

    def author_name(self) -> str:
        return _actor_name(self.author)
