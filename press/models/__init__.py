"""The press office's domain, one module per subdomain, every name importable from here.

- reference: countries and organisations, topics, people, posts, appointments;
- choices: a release's kind, status and translation states;
- querysets: the read rules as ReleaseQuerySet's verbs, which every surface asks
  (``Release.objects.public(code)``, ``.about(country=…)``…); rules: the same as conditions;
- releases: the release itself;
- files: its photos and documents, and where uploads go;
- history: revisions, preview links, editing sessions;
- notifications: what people are told, their preferences, reviewers' comments;
- telegram: what was posted to the ministry's Telegram channels.
- alerts: readers' e-mail subscriptions and what each was sent.

One app label (``press``): the tables, permissions and migrations do not see the split.
Migrations import the upload paths from here (``press.models.upload_photo``).
"""

from press.models import rules
from press.models.alerts import (
    AlertDelivery,
    DigestSchedule,
    Frequency,
    Subscriber,
    Subscription,
    SubscriptionQuerySet,
)
from press.models.choices import Kind, Status, TranslationState
from press.models.files import (
    Attachment,
    Photo,
    random_name,
    upload_attachment,
    upload_photo,
    upload_portrait,
)
from press.models.history import (
    EditingSession,
    PreviewLink,
    PreviewLinkQuerySet,
    Revision,
    RevisionQuerySet,
)
from press.models.notifications import (
    Event,
    Notification,
    NotificationQuerySet,
    Preferences,
    ReviewComment,
)
from press.models.occasions import Occasion, OccasionQuerySet
from press.models.querysets import ReleaseQuerySet, filled_flag
from press.models.reference import (
    Appointment,
    AppointmentQuerySet,
    Country,
    CountryKind,
    MachineTranslated,
    Person,
    Post,
    Topic,
)
from press.models.releases import Release, participant_errors
from press.models.telegram import TelegramPost, TelegramStatus

__all__ = [
    "AlertDelivery",
    "DigestSchedule",
    "Frequency",
    "Subscriber",
    "Subscription",
    "SubscriptionQuerySet",
    "Appointment",
    "AppointmentQuerySet",
    "Attachment",
    "Country",
    "CountryKind",
    "EditingSession",
    "Event",
    "Kind",
    "MachineTranslated",
    "Notification",
    "NotificationQuerySet",
    "Occasion",
    "OccasionQuerySet",
    "Person",
    "Photo",
    "Post",
    "Preferences",
    "PreviewLink",
    "PreviewLinkQuerySet",
    "Release",
    "ReleaseQuerySet",
    "ReviewComment",
    "Revision",
    "RevisionQuerySet",
    "Status",
    "TelegramPost",
    "TelegramStatus",
    "Topic",
    "TranslationState",
    "filled_flag",
    "participant_errors",
    "random_name",
    "rules",
    "upload_attachment",
    "upload_photo",
    "upload_portrait",
]
