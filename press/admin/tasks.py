"""The background tasks in the admin (press/tasks.py), for administrators: what ran, what
waits, and above all what failed for good, with its error and traceback.

django-tasks-db registers a list of its own; this one replaces it on our site to say which
failures are final (the last attempt) and which will be tried again (``Retrying``), in
the admin's language. It only reads: a task is never added, changed or deleted here.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from press.admin.display import local_time
from press.tasks import Retrying

RETRYING = f"{Retrying.__module__}.{Retrying.__qualname__}"


class OutcomeFilter(admin.SimpleListFilter):
    title = _("outcome")
    parameter_name = "outcome"

    def lookups(self, request, model_admin):
        return [("failed", _("Failed for good")), ("retrying", _("Will be tried again"))]

    def queryset(self, request, queryset):
        failed = queryset.filter(status="FAILED")
        if self.value() == "failed":
            return failed.exclude(exception_class_path=RETRYING)
        if self.value() == "retrying":
            return failed.filter(exception_class_path=RETRYING)
        return queryset


class TaskResultAdmin(DBTaskResultAdmin):
    list_display = (
        "task_name",
        "status",
        "attempt",
        "outcome",
        "error",
        "enqueued_local",
        "finished_local",
    )
    list_filter = (OutcomeFilter, "status", "queue_name")
    list_display_links = ("task_name",)

    @admin.display(description=_("attempt"))
    def attempt(self, result):
        return (result.args_kwargs.get("kwargs") or {}).get("attempt", 1)

    @admin.display(description=_("outcome"))
    def outcome(self, result):
        if result.status != "FAILED":
            return ""
        if result.exception_class_path == RETRYING:
            return _("Will be tried again")
        return _("Failed for good")

    @admin.display(description=_("error"))
    def error(self, result):
        """The traceback's last line: the exception and its message (the first cause's, for
        an attempt that will be tried again)."""
        lines = [line for line in (result.traceback or "").splitlines() if line.strip()]
        if not lines:
            return ""
        if result.exception_class_path == RETRYING:
            causes = [i for i, line in enumerate(lines) if "direct cause" in line]
            if causes:
                before = lines[: causes[0]]
                return before[-1] if before else lines[-1]
        return lines[-1]

    @admin.display(description=_("enqueued"), ordering="enqueued_at")
    def enqueued_local(self, result):
        return local_time(result.enqueued_at) if result.enqueued_at else ""

    @admin.display(description=_("finished"), ordering="finished_at")
    def finished_local(self, result):
        return local_time(result.finished_at) if result.finished_at else ""


if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, TaskResultAdmin)
