"""Saving a release's content: an edit of a new or stored release (a correction when it is
public), the record that ends every save, and a new draft duplicated from another.
"""

from django.contrib.admin.models import ADDITION
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from press import files as uploads
from press import languages
from press.models import Release, Revision, Status
from press.services.base import audit, lock, photos_missing_alt, translated, write
from press.services.editing_sessions import editing_session_end
from press.services.errors import WorkflowError
from press.services.permissions import ACTION_LABELS, can_edit, edits_structure
from press.services.revisions import CONTENT_FIELDS, revision_create


@uploads.deleted_if_failed  # photos written by save_related go if the save rolls back
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
    stored = None if new else lock(release, version)
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
    if stored is not None and stored.is_published():
        notes = translated(change_note, "change_note") if change_note else {}
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
    write(release, stored)
    for name, ids in (relations or {}).items():
        if edits_structure(user):
            getattr(release, name).set(ids)
    if save_related is not None:
        save_related()
    if stored is not None and stored.is_published() and photos_missing_alt(release):
        raise WorkflowError(
            _("Write the alternative text of every photo in each language the release is in.")
        )
    _record(release=release, user=user, action=action, note=note, no_retranslation=no_retranslation)
    return release


def _record(*, release: Release, user, action: str, note: str, no_retranslation: bool) -> Revision:
    """Finish a save: write its revision (returned) and a correction's audit entry, and end
    the editor's editing session."""
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
        audit(user, release, message)
    editing_session_end(release=release, user=user)
    return revision


def _change_note_text(release: Release, action: str) -> str:
    """Return a major correction's change note in every language it has, joined."""
    if action != "correct-major":
        return ""
    return " / ".join(
        filter(
            None, (getattr(release, languages.field("change_note", c)) for c in languages.codes())
        )
    )


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
    audit(user, copy, note, flag=ADDITION)
    return copy
