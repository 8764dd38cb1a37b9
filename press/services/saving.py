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
from press.services.alerts import alerts_release_corrected
from press.services.base import audit, by_language, lock, photos_missing_alt, write
from press.services.editing_sessions import editing_session_end
from press.services.errors import WorkflowError
from press.services.notifications import notify_outdated
from press.services.permissions import (
    SOURCE_FILE_TEXT,
    can_edit,
    edits_structure,
    locked_source_fields,
    locked_source_language,
)
from press.services.revisions import CONTENT_FIELDS, TEXT_FIELDS, revision_create
from press.services.telegram import telegram_corrected, telegram_sync


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
    for name in locked_source_fields(user, stored):
        if (getattr(release, name) or "") != (getattr(stored, name) or ""):
            raise WorkflowError(_source_refusal(), field=name)
    locked = locked_source_language(user, stored)
    files_before = _file_texts(stored, locked) if locked else {}
    if stored is not None:
        # The workflow's own fields are never changed by an edit.
        for name in ("status", "published_at", "withdrawn_at", "unpublished_at", "replacement_id"):
            setattr(release, name, getattr(stored, name))
        if not edits_structure(user):
            for name in (*CONTENT_FIELDS, "slug", "telegram_languages"):
                setattr(release, name, getattr(stored, name))
    elif release.status != Status.DRAFT:
        raise WorkflowError(_("A new release starts as a draft."))
    action = "create" if new else "save"
    if stored is not None and stored.is_published():
        if major:
            _correct(release, stored, change_note)
            action = "correct-major"
        else:
            action = "correct-minor"
    write(release, stored)
    for name, ids in (relations or {}).items():
        if edits_structure(user):
            getattr(release, name).set(ids)
    if save_related is not None:
        save_related()
        after = _file_texts(release, locked) if locked else {}
        if any(after.get(key) != texts for key, texts in files_before.items()):
            raise WorkflowError(_source_refusal())
    if stored is not None and stored.is_published():
        missing = photos_missing_alt(release)
        if missing:
            raise WorkflowError(" ".join(item.message() for item in missing))
    _record(release=release, user=user, action=action, note=note, no_retranslation=no_retranslation)
    if action == "correct-major":
        # Readers subscribed to this release hear of it; a minor correction tells no one.
        alerts_release_corrected(release=release)
    if action == "correct-major" and not no_retranslation:
        # The languages this correction left behind (Release.outdated_since), not those
        # already behind before it: their translators were told then.
        behind = set(release.outdated_since()) - set(stored.outdated_since())
        notify_outdated(
            release=release, user=user, codes=[c for c in languages.codes() if c in behind]
        )
    if action == "correct-major":
        telegram_corrected(release=release)
    # A language chosen or written since the publication, or a failed post: post it now.
    telegram_sync(release=release)
    return release


def _source_refusal() -> str:
    """Return why a translator's change of a live release's source language is refused."""
    return _(
        "The release is out and this is the language its translations follow: "
        "ask an editor to correct it."
    )


def _file_texts(release: Release, code: str) -> dict:
    """Return the text in language ``code`` of the release's photos and documents, by row."""
    texts = {}
    for relation, names in SOURCE_FILE_TEXT.items():
        columns = [languages.field(name, code) for name in names]
        for pk, *values in getattr(release, relation).values_list("pk", *columns):
            texts[(relation, pk)] = [value or "" for value in values]
    return texts


def _correct(release: Release, stored: Release, change_note) -> None:
    """Mark a major correction on ``release``: each corrected language gets its own change
    note and time; the other published languages keep theirs and become outdated by it
    (``Release.outdated_since``).

    The corrected languages are the published ones whose text changed; when no text changed
    (a photo, a participant), those given a note. Each needs its note, refused at its field.
    """
    notes = by_language(change_note)
    published = [c for c in stored.languages_filled() if c in release.languages_filled()]
    corrected = [c for c in published if _text_differs(release, stored, c)]
    if not corrected:
        corrected = [c for c in published if notes[c]]
    if not corrected:
        raise WorkflowError(
            _("A major correction needs a change note: say what was corrected."),
            field="change_note",
        )
    for code in corrected:
        # The form offers the last correction's note: kept as it was, it would date an old
        # note with this correction's time.
        previous = getattr(stored, languages.field("change_note", code)) or ""
        if not notes[code] or (notes[code] == previous and code in stored.language_changed_at):
            raise WorkflowError(
                _("The text was corrected in %(language)s: write a change note for it.")
                % {"language": languages.name(code)},
                field=languages.field("change_note", code),
            )
    now = timezone.now()
    changed_at = dict(stored.language_changed_at or {})
    for code in languages.codes():
        name = languages.field("change_note", code)
        # A language not corrected now keeps the note (and time) of its own last correction.
        setattr(release, name, notes[code] if code in corrected else getattr(stored, name))
        if code in corrected:
            changed_at[code] = now.isoformat()
    release.language_changed_at = changed_at
    release.changed_at = now


def _text_differs(release: Release, stored: Release, code: str) -> bool:
    """Return whether the title, lead, body or place in ``code`` differ from the stored ones."""
    return any(
        (getattr(release, languages.field(name, code)) or "")
        != (getattr(stored, languages.field(name, code)) or "")
        for name in TEXT_FIELDS
    )


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
        languages_ = sorted(
            code
            for code, moment in (release.language_changed_at or {}).items()
            if action == "correct-major" and moment == release.changed_at.isoformat()
        )
        audit(
            user,
            release,
            action,
            languages=languages_,
            notes={c: getattr(release, languages.field("change_note", c)) for c in languages_},
        )
    editing_session_end(release=release, user=user)
    return revision


def _change_note_text(release: Release, action: str) -> str:
    """Return the change notes of a major correction's languages, joined (a revision's note)."""
    if action != "correct-major":
        return ""
    moment = release.changed_at.isoformat()
    return " / ".join(
        getattr(release, languages.field("change_note", c))
        for c, at in (release.language_changed_at or {}).items()
        if at == moment
    )


@transaction.atomic
def release_duplicate(*, release: Release, user) -> Release:
    """A new draft for a recurring format (the weekly briefing), made from ``release``.

    It carries the kind, the place, the countries, topics and events (a meeting series),
    and the title (a release
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
    copy.occasions.set(release.occasions.all())
    copy.participants.set(release.participants.current_on(today))
    event = {"release": release.slug}
    revision_create(release=copy, user=user, action="duplicate", event=event)
    audit(user, copy, "duplicate", flag=ADDITION, release=release.slug)
    return copy
