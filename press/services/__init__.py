"""Every change of a release's state, and every save, goes through here.

Each ``<entity>_<action>`` function is keyword-only and atomic, checks the user's permission
itself (hidden buttons are not a permission check), takes the ``version`` the caller's form
was made from (optimistic locking: an overtaken form is refused with ``ConflictError``),
writes a ``Revision`` through ``revision_create`` and an audit entry in Django's admin log
(``LogEntry``), which the admin's history page shows. Callers use the names below
(``services.release_publish(...)``), not the modules.

- ``errors``: ``WorkflowError`` (a change not allowed now) and ``ConflictError``.
- ``permissions``: who may do what: the table ``TRANSITIONS``, ``can_edit``,
  ``allowed_actions``; ``roles``: the groups that hold those permissions.
- ``transitions``: submit, return, publish or schedule, unschedule, withdraw, unpublish,
  redraft, correct.
- ``saving``: ``release_save`` (every edit), ``release_duplicate``.
- ``revisions``: the snapshot a revision stores, ``revision_create``, ``release_revert``.
- ``editing_sessions``: who else has the change form open; ``previews``: preview links.
- ``notifications``: who is told of a transition, in the admin and by e-mail after
  commit; reviewers' comments; ``send_notification_emails`` (ids only, run by a task).
- ``telegram``: the ministry's Telegram channels: what a change asks of them (enqueued
  after commit), and the posting, editing and deleting the tasks do.
- ``alerts``: readers' e-mail subscriptions (double opt-in, manage, unsubscribe) and the
  hooks the transitions call; ``alert_mail`` and ``alert_digests``: the tasks that write
  and send alert e-mails and digests (run by the tasks in ``press.tasks``).
- ``base``: what every change shares: the row lock, the versioned write, the audit entry.
"""

from django.core.exceptions import PermissionDenied, ValidationError

from press.services.base import MissingAlt, photos_missing_alt
from press.services.editing_sessions import editing_session_beat, editing_session_end
from press.services.errors import ConflictError, WorkflowError
from press.services.notifications import (
    comment_add,
    notifications_read,
    send_notification_emails,
)
from press.services.permissions import (
    ACTION_LABELS,
    TRANSITIONS,
    allowed_actions,
    can_edit,
    can_share_previews,
    edits_structure,
    locked_source_fields,
    locked_source_language,
    second_pair_of_eyes,
)
from press.services.previews import TAKEN_DOWN, preview_link_create, preview_link_revoke
from press.services.revisions import (
    CONTENT_FIELDS,
    RELATIONS,
    TEXT_FIELDS,
    release_revert,
    revision_create,
    revision_snapshot_at,
    snapshot,
)
from press.services.saving import release_duplicate, release_save
from press.services.telegram import telegram_languages
from press.services.transitions import (
    release_correct,
    release_publish,
    release_redraft,
    release_return,
    release_submit,
    release_unpublish,
    release_unschedule,
    release_withdraw,
)

__all__ = [
    "ACTION_LABELS",
    "CONTENT_FIELDS",
    "RELATIONS",
    "TAKEN_DOWN",
    "TEXT_FIELDS",
    "TRANSITIONS",
    "ConflictError",
    "MissingAlt",
    "PermissionDenied",
    "ValidationError",
    "WorkflowError",
    "allowed_actions",
    "can_edit",
    "can_share_previews",
    "comment_add",
    "edits_structure",
    "editing_session_beat",
    "editing_session_end",
    "locked_source_fields",
    "locked_source_language",
    "notifications_read",
    "photos_missing_alt",
    "preview_link_create",
    "preview_link_revoke",
    "release_correct",
    "release_duplicate",
    "release_publish",
    "release_redraft",
    "release_return",
    "release_revert",
    "release_save",
    "release_submit",
    "release_unpublish",
    "release_unschedule",
    "release_withdraw",
    "revision_create",
    "revision_snapshot_at",
    "second_pair_of_eyes",
    "send_notification_emails",
    "telegram_languages",
    "snapshot",
]
