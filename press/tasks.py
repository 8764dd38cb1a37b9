"""Background work, run by `manage.py db_worker` (django-tasks with its database backend).

Every task of the project is defined here, so that a worker, the admin's list of tasks and
a reader find them in one place. The rules each one follows:

- **Enqueued after the commit** (``enqueue_on_commit``): a change that rolls back enqueues
  nothing, and a task never runs before the rows it reads are visible to the worker.
- **Ids only** as arguments: a task reads the rows as they are when it runs, not as they
  were when it was enqueued (a release may have been corrected or withdrawn since).
- **Idempotent**: the queue runs a task at least once; a worker that dies after the work
  but before recording it runs it again. Each task records what it did on the rows it
  changed (``Notification.emailed_at``, ``TelegramPost.message_id``) and skips what is done.
- **Retried with backoff** (``retried``): django-tasks has no retries of its own. A task
  that raises is enqueued again with ``run_after`` = now + backoff and ``attempt`` + 1 in
  its keyword arguments (30 s, 2 min, 8 min, 32 min with the defaults; an error that
  says how long to wait, Telegram's 429, waits at least that long). The attempt that
  failed is stored as failed with ``Retrying`` and the original traceback; the last one
  raises its own error and stays failed: administrators see it in the admin (Background
  tasks, "Failed for good").

Photo renditions are not a task: they are made while the photo is saved
(``Photo.save``), because that save's clean-up (files of a failed save deleted, the old
renditions deleted after the commit) and a second save that replaces the image before a
worker ran would otherwise race; the Telegram post uploads one of them.
"""

import datetime
import functools
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


class Retrying(Exception):
    """This attempt failed and the task is enqueued again (the cause is chained)."""


def backoff(attempt: int, error: BaseException | None = None) -> float:
    """Seconds before attempt ``attempt + 1``: the base times 4 for each attempt made, and
    at least what the error asks (``retry_after``)."""
    delay = settings.PRESS_TASK_BACKOFF_SECONDS * 4 ** (attempt - 1)
    return max(delay, float(getattr(error, "retry_after", 0) or 0))


def enqueue(task_, *args, run_after: datetime.datetime | None = None, **kwargs):
    """Enqueue now; with ``run_after`` in the future, not before then (where the backend
    can wait: the test suite's immediate backend runs it at once, and the task checks)."""
    backend = task_.get_backend()
    if run_after is not None and run_after > timezone.now() and backend.supports_defer:
        task_ = task_.using(run_after=run_after)
    return task_.enqueue(*args, **kwargs)


def enqueue_on_commit(task_, *args, run_after=None, **kwargs) -> None:
    """Enqueue once the current transaction commits; never if it rolls back."""
    transaction.on_commit(functools.partial(enqueue, task_, *args, run_after=run_after, **kwargs))


def retried(func):
    """Make ``func`` a task that is enqueued again when it raises, up to
    ``PRESS_TASK_ATTEMPTS`` attempts in all (see the module's docstring).

    The task is named by ``func``'s module and name (``functools.wraps``), which is where
    the worker imports it from: ``func`` must be defined at a module's top level."""
    the_task = None  # set below, before any call

    @functools.wraps(func)
    def run(*args, attempt: int = 1, **kwargs):
        try:
            return func(*args, **kwargs)
        except Exception as error:
            if attempt >= settings.PRESS_TASK_ATTEMPTS or not the_task.get_backend().supports_defer:
                raise
            delay = backoff(attempt, error)
            run_after = timezone.now() + datetime.timedelta(seconds=delay)
            # Enqueued at once, not after a commit: the worker runs a task outside any
            # transaction, and this attempt's failure must not lose the next one.
            the_task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
            logger.warning(
                "Task %s failed (attempt %d of %d), tried again in %.0f s: %s",
                func.__name__,
                attempt,
                settings.PRESS_TASK_ATTEMPTS,
                delay,
                error,
            )
            following = f"Attempt {attempt} failed; attempt {attempt + 1} after {run_after}."
            raise Retrying(following) from error

    the_task = task(run)
    return the_task


# --- The tasks ---------------------------------------------------------------------------------


@retried
def send_notification_emails(ids: list[int]) -> int:
    """The e-mails of these notifications (press/services/notifications.py); those already
    sent are skipped, and one that fails makes the task try again for it alone."""
    from press.services.notifications import send_notification_emails as send

    return send(ids, strict=True)


@retried
def telegram_publish(release_id: int, code: str) -> str:
    """Post the release in language ``code`` to its channel, if it is public in it now."""
    from press.services.telegram import telegram_post

    return telegram_post(release_id=release_id, code=code)


@retried
def telegram_update(release_id: int, code: str) -> str:
    """Edit the channel's message after a major correction or a withdrawal."""
    from press.services.telegram import telegram_edit

    return telegram_edit(release_id=release_id, code=code)


@retried
def telegram_remove(release_id: int, code: str) -> str:
    """Delete the channel's message of an unpublished release."""
    from press.services.telegram import telegram_delete

    return telegram_delete(release_id=release_id, code=code)


@retried
def send_alert_confirmation(subscription_id: int) -> int:
    """A reader's double opt-in e-mail (press/services/alert_mail.py)."""
    from press.services.alert_mail import alert_confirmation_send

    return alert_confirmation_send(subscription_id)


@retried
def send_release_alerts(release_id: int, kind: str) -> int:
    """Readers' alerts about one release: "new" when it is public (checked when the task
    runs), "updated" after a major correction, "withdrawn". A batch that fails gives its
    claims back, so the next attempt sends only what did not leave."""
    from press.services.alert_mail import release_alerts_send

    return release_alerts_send(release_id, kind)


@retried
def send_digests(frequency: str, at: str) -> int:
    """The daily or weekly digests of the period ending ``at``; the run that succeeds
    enqueues the next (press/services/alert_digests.py)."""
    from press.services.alert_digests import digests_send

    return digests_send(frequency, at)
