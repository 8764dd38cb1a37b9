"""A release's fixed vocabularies: its kind, its workflow status, a language's translation state."""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


class TranslationState(models.TextChoices):
    MISSING = "missing", _("missing")
    OUTDATED = "outdated", _("outdated")
    MACHINE = "machine", _("machine-made, to review")
    UP_TO_DATE = "up-to-date", _("up to date")
