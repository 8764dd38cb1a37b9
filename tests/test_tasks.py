"""The task queue (press/tasks.py) on its database backend, run by a real db_worker: nothing
runs for a change that rolled back, every task runs after the commit and once, a failing one
is tried again later and later, and one that keeps failing is shown to administrators."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from press import services, tasks
from press.models import Notification, Release
from tests.support import (
    DATABASE_TASKS,
    free_port,
    let_time_pass,
    logged_in,
    make_release,
    make_user,
    run_worker,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue(settings):
    """The production queue: tasks wait in the database for a worker."""
    settings.TASKS = DATABASE_TASKS
    settings.PRESS_TASK_BACKOFF_SECONDS = 30


@pytest.fixture
def people(db):
    return {
        "author": make_user("author", "author"),
        "editor": make_user("editor", "editor"),
        "admin": make_user("admin", is_superuser=True),
        "administrator": make_user("office-admin", "administrator"),
    }


@pytest.fixture
def draft(people):
    release = make_release(title="Talks", status="draft", published_at=None)
    services.revision_create(release=release, user=people["author"])
    return release


def test_a_change_that_rolls_back_enqueues_nothing(queue, draft, people):
    with pytest.raises(RuntimeError), transaction.atomic():
        services.release_submit(release=draft, user=people["author"])
        raise RuntimeError("the request failed after the submission")
    assert not DBTaskResult.objects.exists()
    run_worker()
    assert mail.outbox == [] and not Notification.objects.exists()
    assert Release.objects.get(pk=draft.pk).status == "draft"


def test_the_worker_sends_after_the_commit_and_only_once(queue, draft, people):
    services.release_submit(release=draft, user=people["author"])
    # Committed and queued, not sent: the request that submitted did not wait for SMTP.
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "press.tasks.send_notification_emails"
    assert queued.status == "READY" and mail.outbox == []
    ids = queued.args_kwargs["args"][0]
    assert sorted(ids) == sorted(Notification.objects.values_list("pk", flat=True))

    run_worker()
    # The reviewers: the editor and the administrator.
    reviewers = ["editor@example.org", "office-admin@example.org"]
    assert sorted(m.to[0] for m in mail.outbox) == reviewers
    assert "Talks [uz]" in mail.outbox[0].subject
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()

    # The same task again (a second worker, a retry): nothing is sent twice.
    tasks.send_notification_emails.enqueue(ids)
    run_worker()
    assert len(mail.outbox) == 2
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL"] * 2


def test_a_failing_task_is_tried_again_later_then_shown_as_failed(queue, draft, people, settings):
    settings.PRESS_TASK_ATTEMPTS = 3
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    services.release_submit(release=draft, user=people["author"])

    waits = []
    for attempt in (1, 2):
        before = timezone.now()
        run_worker()
        failed = DBTaskResult.objects.filter(status="FAILED").order_by("-finished_at")[0]
        assert DBTaskResult.objects.filter(status="FAILED").count() == attempt
        assert failed.exception_class_path == "press.tasks.Retrying"
        assert "EmailsNotSent: Notifications" in failed.traceback
        following = DBTaskResult.objects.get(status="READY")
        assert following.args_kwargs["kwargs"] == {"attempt": attempt + 1}
        waits.append(following.run_after - before)
        let_time_pass()
    # 30 s, then 4 × 30 s: later each time.
    assert datetime.timedelta(seconds=29) < waits[0] <= datetime.timedelta(seconds=31)
    assert datetime.timedelta(seconds=119) < waits[1] <= datetime.timedelta(seconds=121)

    run_worker()  # the third and last attempt
    last = DBTaskResult.objects.get(args_kwargs__kwargs__attempt=3)
    assert last.status == "FAILED"
    assert last.exception_class_path == "press.services.notifications.EmailsNotSent"
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert mail.outbox == []
    assert not Notification.objects.filter(emailed_at__isnull=False).exists()

    # The administrator sees it among the tasks that failed for good, with its error.
    tasks_url = "/en/admin/django_tasks_database/dbtaskresult/"
    page = logged_in(people["administrator"]).get(f"{tasks_url}?outcome=failed")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("send_notification_emails") == 1
    assert "Failed for good" in html and "EmailsNotSent: Notifications" in html
    everything = logged_in(people["admin"]).get("/ru/admin/django_tasks_database/dbtaskresult/")
    text = everything.content.decode()
    assert text.count("send_notification_emails") == 3
    assert "Будет повторена" in text and "Не выполнена окончательно" in text
    detail = logged_in(people["admin"]).get(
        f"/en/admin/django_tasks_database/dbtaskresult/{last.pk}/change/"
    )
    assert "Traceback (most recent call last)" in detail.content.decode()
    # Background tasks are for administrators: an editor is not shown them.
    refused = logged_in(people["editor"]).get("/en/admin/django_tasks_database/dbtaskresult/")
    assert refused.status_code == 403
    index = {who: logged_in(people[who]).get("/en/admin/").content.decode() for who in people}
    assert "Background tasks" not in index["editor"]
    assert "Background tasks" in index["administrator"]
