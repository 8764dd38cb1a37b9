"""Every change of a release's state, and every save, goes through here.

Each function is keyword-only and atomic, checks the user's permission itself (hidden buttons
are not a permission check), takes the ``version`` the caller's form was made from (optimistic
locking: an overtaken form is refused with ``ConflictError``), writes a ``Revision`` through
``revision_create`` and an audit entry in Django's admin log (``LogEntry``), which the admin's
history page shows.

Allowed transitions are the table ``TRANSITIONS``; anything else raises ``WorkflowError``.

Scheduling needs no cron job: a scheduled release is published with a future ``published_at``
and every public surface asks ``Release.objects.public()``, which compares it with now.
"""

import datetime

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import PermissionDenied, ValidationError  # noqa: F401 (re-exported)
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from press import languages
from press.models import (
    Attachment,
    EditingSession,
    Photo,
    PreviewLink,
    Release,
    Revision,
    Status,
)

# --- Errors -------------------------------------------------------------------------------


class WorkflowError(Exception):
    """A transition that is not allowed now; the message is for the editor, translated.

    ``field`` names the release's field the refusal is about, if one is: the admin shows
    the message next to it.
    """

    def __init__(self, message, *, field: str | None = None):
        super().__init__(str(message))
        self.message = message
        self.field = field


class ConflictError(WorkflowError):
    """The form was made from a version that a later save has overtaken."""

    def __init__(self, saved: Release):
        super().__init__(
            _(
                "Someone else saved this release after you opened it (now version %(version)s). "
                "Nothing was saved: compare your version with the saved one."
            )
            % {"version": saved.version}
        )
        self.saved = saved


# --- The rules ----------------------------------------------------------------------------

# action: (statuses it starts from, status it leads to, permission it needs)
TRANSITIONS = {
    "submit": ({Status.DRAFT}, Status.SUBMITTED, "press.submit_release"),
    "return": ({Status.SUBMITTED}, Status.DRAFT, "press.publish_release"),
    "publish": ({Status.SUBMITTED, Status.DRAFT}, Status.PUBLISHED, "press.publish_release"),
    "unschedule": ({Status.PUBLISHED}, Status.SUBMITTED, "press.publish_release"),
    "correct": ({Status.PUBLISHED, Status.WITHDRAWN}, None, "press.correct_release"),
    "withdraw": ({Status.PUBLISHED}, Status.WITHDRAWN, "press.withdraw_release"),
    "unpublish": (
        {Status.PUBLISHED, Status.WITHDRAWN},
        Status.UNPUBLISHED,
        "press.unpublish_release",
    ),
    "redraft": ({Status.UNPUBLISHED}, Status.DRAFT, "press.publish_release"),
}

ACTION_LABELS = {
    "save": gettext_lazy("Saved"),
    "create": gettext_lazy("Created"),
    "submit": gettext_lazy("Submitted for review"),
    "return": gettext_lazy("Returned to draft"),
    "publish": gettext_lazy("Published"),
    "schedule": gettext_lazy("Scheduled"),
    "force-publish": gettext_lazy("Published without review"),
    "unschedule": gettext_lazy("Unscheduled"),
    "correct-major": gettext_lazy("Major correction"),
    "correct-minor": gettext_lazy("Minor correction"),
    "withdraw": gettext_lazy("Withdrawn"),
    "unpublish": gettext_lazy("Unpublished"),
    "redraft": gettext_lazy("Returned to draft"),
    "revert": gettext_lazy("Reverted"),
    "duplicate": gettext_lazy("Duplicated as a new draft"),
}

# What a language's text is made of: a change here makes the other languages outdated.
TEXT_FIELDS = ("title", "lead", "body", "place")
# What a revert restores (never the workflow's own fields: status, dates, slug).
CONTENT_FIELDS = ("kind", "event_date")
RELATIONS = ("countries", "topics", "participants")
PHOTO_FIELDS = ("is_lead", "order", "focal_x", "focal_y")
PHOTO_TEXT = ("alt", "caption", "credit")
ATTACHMENT_FIELDS = ("language", "order")


def second_pair_of_eyes() -> bool:
    """Whether the person who submitted a release is kept from publishing it."""
    return getattr(settings, "PRESS_SECOND_PAIR_OF_EYES", True)


def allowed_actions(release: Release, user) -> list[str]:
    """The transitions this user may start on this release now (for the admin's buttons)."""
    actions = []
    for action, (sources, _target, perm) in TRANSITIONS.items():
        if release.status not in sources or not user.has_perm(perm):
            continue
        if action == "unschedule" and not release.is_scheduled():
            continue
        if action == "withdraw" and release.is_scheduled():
            continue
        if action == "correct":
            continue  # a correction is a save of the change form
        actions.append(action)
    return actions


def can_edit(user, release: Release | None) -> bool:
    """Whether the user may save the change form of this release (None: a new one)."""
    if release is None:
        return user.has_perm("press.add_release")
    if user.has_perm("press.translate_release"):
        return True
    if release.status in (Status.DRAFT, Status.SUBMITTED):
        return user.has_perm("press.change_release")
    return user.has_perm("press.correct_release")


def edits_structure(user) -> bool:
    """Translators change text only: not the kind, dates, relations, photos or files."""
    return user.has_perm("press.change_release")


def _transition(release: Release, user, action: str) -> None:
    sources, _target, perm = TRANSITIONS[action]
    if not user.has_perm(perm):
        raise PermissionDenied(_("You are not allowed to do this."))
    if release.status not in sources:
        raise WorkflowError(
            _("A release that is “%(status)s” cannot be %(action)s.")
            % {"status": release.state_label(), "action": str(ACTION_LABELS[action]).lower()}
        )


def _lock(release: Release, version: int | None) -> Release:
    """The stored release, locked for this transaction; refused if ``version`` is stale."""
    stored = Release.objects.select_for_update().get(pk=release.pk)
    if version is not None and int(version) != stored.version:
        raise ConflictError(stored)
    return stored


def _audit(user, release: Release, message: str, *, flag=CHANGE) -> None:
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=[release], action_flag=flag, change_message=message
    )


def _translated(value, field: str) -> dict[str, str]:
    """``{"uz": "…"}`` from a dict, or a plain string taken as the active language."""
    if isinstance(value, dict):
        texts = {code: (value.get(code) or "").strip() for code in languages.codes()}
    else:
        texts = {languages.current(): (value or "").strip()}
    return {languages.field(field, code): text for code, text in texts.items() if text}


def _local(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _missing_alt(release: Release) -> list[str]:
    codes = release.languages_filled()
    return [
        str(photo)
        for photo in release.photos.all()
        if any(not getattr(photo, languages.field("alt", c)) for c in codes)
    ]


# --- Revisions ----------------------------------------------------------------------------


def snapshot(release: Release) -> dict:
    """Everything an editor can change, in every language, as plain JSON."""
    fields = {}
    for field in Release._meta.concrete_fields:
        if field.name in ("id", "search_vector", "version", "translation_needed"):
            continue
        if field.name in (*TEXT_FIELDS, "change_note", "withdrawal_reason"):
            continue  # the untranslated original column: never read
        fields[field.attname] = field.value_from_object(release)
    for name in ("change_note", "withdrawal_reason"):
        for code in languages.codes():
            fields[languages.field(name, code)] = getattr(release, languages.field(name, code))
    for name in TEXT_FIELDS:
        for code in languages.codes():
            fields[languages.field(name, code)] = getattr(release, languages.field(name, code))
    photo_text = [languages.field(n, c) for n in PHOTO_TEXT for c in languages.codes()]
    attachment_text = [languages.field("title", c) for c in languages.codes()]
    return {
        "fields": fields,
        **{name: sorted(getattr(release, name).values_list("pk", flat=True)) for name in RELATIONS},
        "photos": [
            {
                "id": p.pk,
                "image": p.image.name,
                "width": p.width,
                "height": p.height,
                **{n: getattr(p, n) for n in (*PHOTO_FIELDS, *photo_text)},
            }
            for p in release.photos.order_by("order", "id")
        ],
        "attachments": [
            {
                "id": a.pk,
                "file": a.file.name,
                "size": a.size,
                **{n: getattr(a, n) for n in (*ATTACHMENT_FIELDS, *attachment_text)},
            }
            for a in release.attachments.order_by("order", "id")
        ],
    }


def _text_changed(before: dict, after: dict) -> list[str]:
    """The languages whose text (title, lead, body, place) differs between two snapshots."""
    changed = []
    for code in languages.codes():
        names = [languages.field(n, code) for n in TEXT_FIELDS]
        if any((before.get(n) or "") != (after.get(n) or "") for n in names):
            changed.append(code)
    return changed


def revision_create(
    *, release: Release, user, action: str = "save", note: str = "", no_retranslation=False
) -> Revision:
    """Store the release as it now is; note which languages' text changed, and when.

    Every save path calls this (the services below and the admin's change form): a language
    whose text changed gets a new "last edited" time, which makes the other languages
    outdated, unless the editor said the edit needs no re-translation.
    """
    data = snapshot(release)
    previous = Revision.objects.filter(release=release).order_by("-number").first()
    before = previous.data["fields"] if previous else {}
    changed = _text_changed(before, data["fields"])
    if changed:
        now = timezone.now().isoformat()
        edited = dict(release.language_edited_at or {})
        for code in changed:
            # A minor edit keeps a language's time, so no other language becomes outdated
            # by it (nor up to date); a language written for the first time gets one.
            if not no_retranslation or code not in edited:
                edited[code] = now
        release.language_edited_at = edited
        release.save(update_fields=["language_edited_at"])
    data["fields"]["language_edited_at"] = release.language_edited_at
    return Revision.objects.create(
        release=release,
        number=(previous.number + 1) if previous else 1,
        author=user if getattr(user, "pk", None) else None,
        action=action,
        note=note,
        data=data,
    )


def _write(release: Release, stored: Release | None, **kwargs) -> None:
    release.version = (stored.version if stored else release.version) + (1 if stored else 0)
    release.full_clean(exclude=["slug"], validate_unique=False, validate_constraints=False)
    release.save(**kwargs)


# --- Saving content -----------------------------------------------------------------------


@transaction.atomic
def release_save(
    *,
    release: Release,
    user,
    version: int | None = None,
    changes: dict | None = None,
    relations: dict | None = None,
    save_related=None,
    note: str = "",
    no_retranslation: bool = False,
    major: bool = False,
    change_note=None,
) -> Release:
    """Save edits to a release (new or stored); a public one's edit is a correction.

    ``changes`` sets fields, ``relations`` sets M2M lists, ``save_related`` is called after
    the release is saved (the admin saves its photos and documents there), so that the
    checks and the one revision see them. A correction of a public release is major
    (``change_note`` required, shown on the page with its time) or minor.
    """
    new = release.pk is None
    stored = None if new else _lock(release, version)
    if not can_edit(user, stored):
        raise PermissionDenied(_("You are not allowed to edit this release."))
    for name, value in (changes or {}).items():
        setattr(release, name, value)
    if stored is not None:
        # The workflow's own fields are never changed by an edit.
        for name in ("status", "published_at", "withdrawn_at", "unpublished_at", "replacement_id"):
            setattr(release, name, getattr(stored, name))
        if not edits_structure(user):
            for name in (*CONTENT_FIELDS, "slug"):
                setattr(release, name, getattr(stored, name))
    elif release.status != Status.DRAFT:
        raise WorkflowError(_("A new release starts as a draft."))
    action = "create" if new else "save"
    if stored is not None and stored.is_public():
        notes = _translated(change_note, "change_note") if change_note else {}
        if major:
            if not notes:
                raise WorkflowError(
                    _("A major correction needs a change note: say what was corrected."),
                    field="change_note",
                )
            for code in languages.codes():
                setattr(release, languages.field("change_note", code), "")
            for name, text in notes.items():
                setattr(release, name, text)
            release.changed_at = timezone.now()
            action = "correct-major"
        else:
            action = "correct-minor"
    _write(release, stored)
    for name, ids in (relations or {}).items():
        if edits_structure(user):
            getattr(release, name).set(ids)
    if save_related is not None:
        save_related()
    if stored is not None and stored.is_public() and _missing_alt(release):
        raise WorkflowError(
            _("Write the alternative text of every photo in each language the release is in.")
        )
    _record(release=release, user=user, action=action, note=note, no_retranslation=no_retranslation)
    return release


def _record(*, release: Release, user, action: str, note: str, no_retranslation: bool) -> Revision:
    """The end of every save: the revision, the audit entry of a correction, the presence."""
    revision = revision_create(
        release=release,
        user=user,
        action=action,
        note=note or _change_note_text(release, action),
        no_retranslation=no_retranslation,
    )
    if action.startswith("correct"):
        message = str(ACTION_LABELS[action])
        if action == "correct-major":
            message += ": " + _change_note_text(release, action)
        _audit(user, release, message)
    EditingSession.objects.filter(release=release, user=user).delete()
    return revision


def _change_note_text(release: Release, action: str) -> str:
    if action != "correct-major":
        return ""
    return " / ".join(
        filter(
            None, (getattr(release, languages.field("change_note", c)) for c in languages.codes())
        )
    )


def release_correct(
    *,
    release: Release,
    user,
    changes: dict,
    major: bool,
    change_note=None,
    version: int | None = None,
    no_retranslation: bool = False,
) -> Release:
    """Correct a published release: major (with a public change note) or minor ("typo")."""
    if release.status not in TRANSITIONS["correct"][0]:
        raise WorkflowError(_("Only a published release can be corrected."))
    if not user.has_perm("press.correct_release"):
        raise PermissionDenied(_("You are not allowed to do this."))
    return release_save(
        release=release,
        user=user,
        version=version,
        changes=changes,
        major=major,
        change_note=change_note,
        no_retranslation=no_retranslation,
    )


# --- Transitions --------------------------------------------------------------------------


def _finish(release: Release, user, action: str, message: str, note: str = "") -> Release:
    revision_create(release=release, user=user, action=action, note=note or message)
    _audit(user, release, message)
    return release


@transaction.atomic
def release_submit(
    *, release: Release, user, version: int | None = None, note: str = ""
) -> Release:
    """Draft → submitted for review. Whoever submits may not also publish (by default)."""
    release = _lock(release, version)
    _transition(release, user, "submit")
    if not release.languages_filled():
        raise WorkflowError(_("Write the title and the body in at least one language first."))
    release.status = Status.SUBMITTED
    release.submitted_by = user
    release.submitted_at = timezone.now()
    _write(release, release)
    message = str(ACTION_LABELS["submit"])
    return _finish(release, user, "submit", f"{message}: {note}" if note else message, note)


@transaction.atomic
def release_return(
    *, release: Release, user, version: int | None = None, reason: str = ""
) -> Release:
    """Submitted → draft: the reviewer sends it back, saying why."""
    release = _lock(release, version)
    _transition(release, user, "return")
    release.status = Status.DRAFT
    _write(release, release)
    message = str(ACTION_LABELS["return"])
    return _finish(release, user, "return", f"{message}: {reason}" if reason else message)


@transaction.atomic
def release_publish(
    *,
    release: Release,
    user,
    at: datetime.datetime | None = None,
    version: int | None = None,
    force_reason: str = "",
) -> Release:
    """Publish now, or schedule for ``at`` (which must be in the future).

    A draft, or a release the same user submitted, is published only by force: with the
    ``force_publish_release`` permission and a written reason, flagged in the history.
    """
    release = _lock(release, version)
    _transition(release, user, "publish")
    now = timezone.now()
    if at is not None and at <= now:
        raise WorkflowError(
            _("The time %(time)s has passed: choose a time in the future, or publish now.")
            % {"time": _local(at)}
        )
    needs_force = release.status == Status.DRAFT or (
        second_pair_of_eyes() and release.submitted_by_id == user.pk
    )
    force_reason = (force_reason or "").strip()
    if needs_force and not force_reason:
        if release.status == Status.DRAFT:
            raise WorkflowError(
                _("This release has not been submitted for review: publishing it needs a reason.")
            )
        raise WorkflowError(
            _(
                "You submitted this release, so someone else should publish it. "
                "To publish it anyway, give a reason."
            )
        )
    if needs_force and not user.has_perm("press.force_publish_release"):
        raise PermissionDenied(_("You are not allowed to publish without a second reviewer."))
    if not release.languages_filled():
        raise WorkflowError(
            _("A published release needs a title and a body in at least one language.")
        )
    missing = _missing_alt(release)
    if missing:
        raise WorkflowError(
            _("Write the alternative text of these photos in every language first: %(photos)s.")
            % {"photos": ", ".join(missing)}
        )
    release.status = Status.PUBLISHED
    release.published_at = at or now
    release.force_published = release.force_published or needs_force
    _write(release, release)
    if at is not None:
        action = "schedule"
        message = _("Scheduled for %(time)s (Tashkent time)") % {"time": _local(at)}
    else:
        action = "publish"
        message = str(ACTION_LABELS["publish"])
    if needs_force:
        message = _("%(action)s WITHOUT REVIEW (forced). Reason: %(reason)s") % {
            "action": message,
            "reason": force_reason,
        }
    return _finish(release, user, action, message)


@transaction.atomic
def release_unschedule(*, release: Release, user, version: int | None = None) -> Release:
    """A scheduled release goes back to "submitted" and will not appear."""
    release = _lock(release, version)
    _transition(release, user, "unschedule")
    if not release.is_scheduled():
        raise WorkflowError(_("Only a release scheduled for a future time can be unscheduled."))
    release.status = Status.SUBMITTED
    release.published_at = None
    _write(release, release)
    return _finish(release, user, "unschedule", str(ACTION_LABELS["unschedule"]))


@transaction.atomic
def release_withdraw(*, release: Release, user, reason, version: int | None = None) -> Release:
    """The page stays readable with a dated notice and the reason; it leaves listings."""
    release = _lock(release, version)
    _transition(release, user, "withdraw")
    if release.is_scheduled():
        raise WorkflowError(_("This release is not out yet: unschedule it instead."))
    reasons = _translated(reason, "withdrawal_reason")
    if not reasons:
        raise WorkflowError(_("Say why the release is withdrawn: readers will see it."))
    for code in languages.codes():
        setattr(release, languages.field("withdrawal_reason", code), "")
    for name, text in reasons.items():
        setattr(release, name, text)
    release.status = Status.WITHDRAWN
    release.withdrawn_at = timezone.now()
    _write(release, release)
    message = _("Withdrawn. Reason: %(reason)s") % {"reason": " / ".join(reasons.values())}
    return _finish(release, user, "withdraw", message)


@transaction.atomic
def release_unpublish(
    *,
    release: Release,
    user,
    replacement: Release | None = None,
    reason: str = "",
    version: int | None = None,
) -> Release:
    """Published in error: the address answers 410 Gone, or redirects to ``replacement``."""
    release = _lock(release, version)
    _transition(release, user, "unpublish")
    if replacement is not None and replacement.pk == release.pk:
        raise WorkflowError(_("A release cannot replace itself."))
    release.status = Status.UNPUBLISHED
    release.unpublished_at = timezone.now()
    release.replacement = replacement
    _write(release, release)
    message = str(ACTION_LABELS["unpublish"])
    if replacement is not None:
        message += ", " + _("replaced by %(slug)s") % {"slug": replacement.slug}
    if reason:
        message += ". " + _("Reason: %(reason)s") % {"reason": reason}
    return _finish(release, user, "unpublish", message)


@transaction.atomic
def release_redraft(*, release: Release, user, version: int | None = None) -> Release:
    """An unpublished release goes back to draft, to be fixed and published again."""
    release = _lock(release, version)
    _transition(release, user, "redraft")
    release.status = Status.DRAFT
    release.unpublished_at = None
    release.replacement = None
    release.submitted_by = None
    _write(release, release)
    return _finish(release, user, "redraft", str(ACTION_LABELS["redraft"]))


# --- Revert -------------------------------------------------------------------------------


def _restore(release: Release, data: dict, *, copy_files: bool) -> list[str]:
    """Put a snapshot's content into ``release`` (saved); returns what could not be restored."""
    fields = data["fields"]
    for name in CONTENT_FIELDS:
        field = Release._meta.get_field(name)
        setattr(release, field.attname, field.to_python(fields.get(field.attname)))
    for name in TEXT_FIELDS:
        for code in languages.codes():
            key = languages.field(name, code)
            setattr(release, key, fields.get(key) or "")
    release.save()
    for name in RELATIONS:
        model = Release._meta.get_field(name).related_model
        getattr(release, name).set(model.objects.filter(pk__in=data.get(name, [])))
    lost = []
    photos = Photo.objects.in_bulk([p["id"] for p in data.get("photos", [])])
    for item in data.get("photos", []):
        photo = photos.get(item["id"])
        if photo is None:
            lost.append(item["image"])
            continue
        values = {k: v for k, v in item.items() if k not in ("id", "image", "width", "height")}
        if copy_files:
            copy = Photo(release=release, **values)
            with photo.image.open("rb") as f:
                copy.image.save("photo.jpg", ContentFile(f.read()), save=False)
            copy.save()
        elif photo.release_id == release.pk:
            for k, v in values.items():
                setattr(photo, k, v)
            photo.save()
    attachments = Attachment.objects.in_bulk([a["id"] for a in data.get("attachments", [])])
    for item in data.get("attachments", []):
        attachment = attachments.get(item["id"])
        if attachment is None:
            lost.append(item["file"])
            continue
        values = {k: v for k, v in item.items() if k not in ("id", "file", "size")}
        if copy_files:
            copy = Attachment(release=release, **values)
            with attachment.file.open("rb") as f:
                name = attachment.file.name.rsplit("/", 1)[-1]
                copy.file.save(name, ContentFile(f.read()), save=False)
            copy.save()
        elif attachment.release_id == release.pk:
            for k, v in values.items():
                setattr(attachment, k, v)
            attachment.save()
    return lost


@transaction.atomic
def release_revert(
    *, release: Release, user, revision: Revision, version: int | None = None
) -> Release:
    """Go back to a revision's content, publishing nothing.

    A draft or submitted release is restored in place, with a new revision. A release that
    is (or was) out is never changed: a NEW draft is made from the revision, linked to it
    by ``based_on``, to be reviewed and published as a replacement or a correction.
    Photos and documents deleted since cannot come back; they are listed in the note.
    """
    stored = _lock(release, version)
    if revision.release_id != stored.pk:
        raise WorkflowError(_("This revision belongs to another release."))
    if not can_edit(user, stored) or not edits_structure(user):
        raise PermissionDenied(_("You are not allowed to edit this release."))
    if stored.status in (Status.DRAFT, Status.SUBMITTED):
        target = stored
        target.version += 1
        lost = _restore(target, revision.data, copy_files=False)
    else:
        target = Release(status=Status.DRAFT, based_on=stored, event_date=stored.event_date)
        for name in TEXT_FIELDS:
            for code in languages.codes():
                key = languages.field(name, code)
                setattr(target, key, revision.data["fields"].get(key) or "")
        target.save()
        lost = _restore(target, revision.data, copy_files=True)
    note = _("Reverted to revision %(number)s of %(release)s") % {
        "number": revision.number,
        "release": stored.slug,
    }
    if lost:
        note += ". " + _("No longer stored: %(files)s") % {"files": ", ".join(lost)}
    revision_create(release=target, user=user, action="revert", note=note)
    _audit(user, target, note, flag=CHANGE if target.pk == stored.pk else ADDITION)
    return target


# --- Duplicate -----------------------------------------------------------------------------


@transaction.atomic
def release_duplicate(*, release: Release, user) -> Release:
    """A new draft for a recurring format (the weekly briefing), made from ``release``.

    It carries the kind, the place, the countries and topics, and the title (a release
    needs one; its slug is made from it with a number). It takes the participants whose
    appointment is in force on the new draft's event date, which is today (Tashkent): the
    officer changes the date and the people if the event was on another day. No text but
    the title, no photos, documents, dates of publication or workflow state.
    """
    if not user.has_perm("press.add_release"):
        raise PermissionDenied(_("You are not allowed to do this."))
    today = timezone.localdate()
    copy = Release(status=Status.DRAFT, kind=release.kind, event_date=today)
    for name in ("title", "place"):
        for code in languages.codes():
            key = languages.field(name, code)
            setattr(copy, key, getattr(release, key) or "")
    copy.save()
    copy.countries.set(release.countries.all())
    copy.topics.set(release.topics.all())
    copy.participants.set(release.participants.current_on(today))
    note = _("Duplicated from %(release)s") % {"release": release.slug}
    revision_create(release=copy, user=user, action="duplicate", note=note)
    _audit(user, copy, note, flag=ADDITION)
    return copy


# --- Preview links and editing presence ---------------------------------------------------


def preview_link_create(*, release: Release, user, days: int | None = None) -> PreviewLink:
    if not user.has_perm("press.change_release") and not user.has_perm("press.translate_release"):
        raise PermissionDenied(_("You are not allowed to do this."))
    days = days or getattr(settings, "PRESS_PREVIEW_LINK_DAYS", 7)
    link = PreviewLink.objects.create(
        release=release,
        created_by=user,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    _audit(
        user,
        release,
        _("Preview link made, valid until %(time)s") % {"time": _local(link.expires_at)},
    )
    return link


def preview_link_revoke(*, link: PreviewLink, user) -> PreviewLink:
    if not user.has_perm("press.change_release") and not user.has_perm("press.translate_release"):
        raise PermissionDenied(_("You are not allowed to do this."))
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        _audit(user, link.release, _("Preview link revoked"))
    return link


EDITING_WINDOW = datetime.timedelta(minutes=30)


def editing_session_open(*, release: Release, user) -> list[EditingSession]:
    """Note that ``user`` opened the form; return the others who did in the last 30 minutes."""
    now = timezone.now()
    # One upsert (INSERT … ON CONFLICT DO UPDATE), not a locking SELECT and then a write.
    EditingSession.objects.bulk_create(
        [EditingSession(release=release, user=user, opened_at=now)],
        update_conflicts=True,
        unique_fields=["release", "user"],
        update_fields=["opened_at"],
    )
    return list(
        EditingSession.objects.filter(release=release, opened_at__gte=now - EDITING_WINDOW)
        .exclude(user=user)
        .select_related("user")
        .order_by("opened_at")
    )


__all__ = [
    "ConflictError",
    "ValidationError",
    "WorkflowError",
    "allowed_actions",
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
]
