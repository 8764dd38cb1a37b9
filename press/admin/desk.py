"""The press officer's desk: what needs doing next, on the admin's first page.

For the signed-in user, each queue has an exact count and its first entries:

- my drafts: drafts I created, except those returned to me;
- submitted by me: waiting for a reviewer;
- returned to me: drafts I had submitted, sent back by a reviewer, with their comment;
- waiting for my review: submitted by someone else (everything, if a second pair of eyes
  is not required), for those who may publish;
- scheduled in the next 7 days, with their times;
- published today (Tashkent);
- needs translation: submitted or published releases whose text in a language is missing,
  outdated or machine-made, counted per language, for those who translate;
- recently withdrawn or corrected (a major correction) in the last 7 days.

One aggregate query counts every queue; one bounded query lists each: a constant number of
queries, however many releases there are. Beside the queues, the user's unread
notifications (``unread_notifications``), counted and listed.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from press import languages, services
from press.admin.display import local_time, short_date
from press.models import Notification, Release, ReviewComment, Revision, Status, rules

LIST_SIZE = 8
SOON = datetime.timedelta(days=7)
RECENT = datetime.timedelta(days=7)


@dataclass
class Queue:
    key: str
    title: str
    count: int
    releases: list = field(default_factory=list)  # [(release, url, time, note)]
    more_url: str = ""  # the release list, filtered, when it can say the same
    by_language: list = field(default_factory=list)  # [(code, lang, name, count, url)]
    urgent: bool = False  # its count is a badge: someone waits for this user


URGENT = ("review", "returned")


def _mine(user) -> Q:
    created = Revision.objects.filter(release=OuterRef("pk"), number=1, author=user)
    return Q(Exists(created)) | Q(submitted_by=user)


def conditions(user, now: datetime.datetime) -> dict[str, Q]:
    """The queues this user sees, as conditions on releases."""
    today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    queues = {}
    if user.has_perm("press.add_release"):
        returned = Q(status=Status.DRAFT, submitted_by=user)
        queues["drafts"] = Q(status=Status.DRAFT) & _mine(user) & ~returned
        queues["submitted"] = Q(status=Status.SUBMITTED, submitted_by=user)
        queues["returned"] = returned
    if user.has_perm("press.publish_release"):
        review = Q(status=Status.SUBMITTED)
        if services.second_pair_of_eyes():
            review &= ~Q(submitted_by=user) | Q(submitted_by__isnull=True)
        queues["review"] = review
    queues["scheduled"] = rules.scheduled(now, within=SOON)
    queues["today"] = rules.published(now, since=today)
    if user.has_perm("press.translate_release"):
        queues["translation"] = (
            Q(status__in=[Status.SUBMITTED, Status.PUBLISHED]) & rules.needing_translation()
        )
    queues["changed"] = Q(withdrawn_at__gte=now - RECENT, status=Status.WITHDRAWN) | Q(
        changed_at__gte=now - RECENT, status=Status.PUBLISHED
    )
    return queues


TITLES = {
    "drafts": _("My drafts"),
    "submitted": _("Submitted by me"),
    "returned": _("Returned to me"),
    "review": _("Submitted, waiting for my review"),
    "scheduled": _("Scheduled in the next 7 days"),
    "today": _("Published today"),
    "translation": _("Needs translation"),
    "changed": _("Recently withdrawn or corrected"),
}

ORDER = {
    "drafts": ("-updated_at", "-id"),
    "submitted": ("-submitted_at", "-id"),
    "returned": ("-updated_at", "-id"),
    "review": ("submitted_at", "id"),
    "scheduled": ("published_at", "id"),
    "today": ("-published_at", "-id"),
    "translation": ("-published_at", "-id"),
    "changed": ("-updated_at", "-id"),
}


def _change_url(release) -> str:
    return reverse("admin:press_release_change", args=[release.pk])


def _when(key: str, release: Release) -> str:
    if key in ("scheduled", "today", "translation"):
        return local_time(release.published_at)
    if key in ("review", "submitted"):
        return local_time(release.submitted_at)
    if key == "changed":
        return local_time(max(filter(None, (release.withdrawn_at, release.changed_at))))
    return local_time(release.updated_at)


def _note(key: str, release: Release, comments: dict) -> str:
    """What else an entry says: the languages to translate, withdrawn or corrected, the
    reviewer's comment on a release returned."""
    if key == "returned" and release.pk in comments:
        return _("Comment: %(text)s") % {"text": comments[release.pk]}
    if key == "translation":
        # An outdated language says since when: the first change it has not followed.
        outdated = release.outdated_since()
        return " · ".join(
            f"{c} ⚠ {short_date(outdated[c])}" if c in outdated else c
            for c in languages.codes()
            if f"|{c}|" in release.translation_needed
        )
    if key == "changed":
        return str(_("Withdrawn") if release.status == Status.WITHDRAWN else _("Corrected"))
    if key in ("drafts", "review", "submitted", "returned"):
        return release.get_kind_display()
    return ""


def _changelist(query: str = "") -> str:
    return reverse("admin:press_release_changelist") + (f"?{query}" if query else "")


MORE = {
    "review": "status__exact=submitted",
    "scheduled": "state=scheduled",
    "translation": "status__in=submitted,published",
}


def desk(user, now: datetime.datetime | None = None) -> list[Queue]:
    """The user's queues, counted exactly and listed (the first LIST_SIZE of each)."""
    now = now or timezone.now()
    queues = conditions(user, now)
    if not user.has_perm("press.view_release") or not queues:
        return []
    codes = languages.codes()
    counts = {f"n_{key}": Count("pk", filter=q) for key, q in queues.items()}
    if "translation" in queues:
        for code in codes:
            counts[f"n_tr_{languages.suffix(code)}"] = Count(
                "pk",
                filter=queues["translation"] & rules.needing_translation(code),
            )
    totals = Release.objects.aggregate(**counts)
    result = []
    for key, q in queues.items():
        queue = Queue(key=key, title=TITLES[key], count=totals[f"n_{key}"], urgent=key in URGENT)
        if queue.count:
            rows = list(
                Release.objects.filter(q).order_by(*ORDER[key]).defer("search_vector")[:LIST_SIZE]
            )
            comments = _return_comments(rows) if key == "returned" else {}
            queue.releases = [
                (release, _change_url(release), _when(key, release), _note(key, release, comments))
                for release in rows
            ]
        if key in MORE:
            queue.more_url = _changelist(MORE[key])
        if key == "translation":
            queue.by_language = [
                (
                    code,
                    # Named in the editor's language: "Uzbek (Cyrillic script)", not "Ўзбекча".
                    languages.bcp47(),
                    languages.name(code),
                    totals[f"n_tr_{languages.suffix(code)}"],
                    _changelist(f"needs_translation={code}&{MORE['translation']}"),
                )
                for code in codes
            ]
        result.append(queue)
    return result


def _return_comments(releases) -> dict[int, str]:
    """Return ``{release id: the comment it was last returned with}``, in one query."""
    comments = {}
    rows = ReviewComment.objects.filter(release__in=releases, action="return")
    for release_id, text in rows.order_by("-created_at", "-id").values_list("release_id", "text"):
        comments.setdefault(release_id, text)
    return comments


def unread_notifications(user) -> dict:
    """The user's unread notifications: their exact count and the newest LIST_SIZE, each as
    (notification, change url, time, text in the active language)."""
    unread = Notification.objects.for_user(user).unread()
    count = unread.count()
    rows = unread[:LIST_SIZE] if count else []
    return {
        "count": count,
        "entries": [
            (n, _change_url(n.release), local_time(n.created_at), n.message()) for n in rows
        ],
    }
