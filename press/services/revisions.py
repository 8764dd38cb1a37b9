"""A release's history: the revisions (snapshots of everything an editor can change, in
every language) and going back to one.

A revision is written by every save and transition, never changed or deleted on its own.
The snapshot's fields are also what the admin compares when it shows two revisions.
"""

from django.contrib.admin.models import ADDITION, CHANGE
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from press import languages
from press.models import Attachment, Photo, Release, Revision, Status
from press.services.base import audit, lock
from press.services.editing_sessions import editing_session_end
from press.services.errors import WorkflowError
from press.services.permissions import can_edit, edits_structure

# What a language's text is made of: a change here makes the other languages outdated.
TEXT_FIELDS = ("title", "lead", "body", "place")
# What a revert restores (never the workflow's own fields: status, dates, slug).
CONTENT_FIELDS = ("kind", "event_date")
RELATIONS = ("countries", "topics", "participants", "occasions")
PHOTO_FIELDS = ("is_lead", "order", "focal_x", "focal_y")
PHOTO_TEXT = ("alt", "caption", "credit")
ATTACHMENT_FIELDS = ("language", "order")


def snapshot(release: Release) -> dict:
    """Return everything an editor can change, in every language, as plain JSON."""
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
    """Return the languages whose text (title, lead, body, place) differs between two snapshots."""
    changed = []
    for code in languages.codes():
        names = [languages.field(n, code) for n in TEXT_FIELDS]
        if any((before.get(n) or "") != (after.get(n) or "") for n in names):
            changed.append(code)
    return changed


def revision_create(
    *,
    release: Release,
    user,
    action: str = "save",
    note: str = "",
    no_retranslation=False,
    event: dict | None = None,
) -> Revision:
    """Store the release as it now is; note which languages' text changed, and when.

    Every save (through ``release_save``) and every transition calls this: a language
    whose text changed gets a new "last edited" time, which makes the other languages
    outdated, unless the editor said the edit needs no re-translation.
    """
    data = snapshot(release)
    # The version this snapshot is of: an editor's form overtaken by another save is
    # merged against the revision of the version it was opened at (revision_snapshot_at).
    data["version"] = release.version
    # The next number after the last: callers hold the release's row lock (``base.lock``);
    # without it two saves could take the same number and the second would be refused by
    # the unique (release, number) constraint.
    previous = Revision.objects.filter(release=release).order_by("-number").first()
    before = previous.data["fields"] if previous else {}
    changed = _text_changed(before, data["fields"])
    if changed:
        now = timezone.now().isoformat()
        outdated = release.outdated_since()
        edited = dict(release.language_edited_at or {})
        for code in changed:
            # A minor edit keeps a language's time, so no other language becomes outdated
            # by it; a language written for the first time gets one. A minor edit of an
            # outdated language is its catching up: up to date as of the change it followed,
            # and no later, or the language it followed would in turn look outdated.
            if not no_retranslation or code not in edited:
                edited[code] = now
            elif code in outdated:
                edited[code] = outdated[code].isoformat()
        release.language_edited_at = edited
        release.save(update_fields=["language_edited_at"])
    data["fields"]["language_edited_at"] = release.language_edited_at
    if event:
        # What the action was about (a revision number, a slug): said in the reader's
        # language when shown, as the audit entry's event is (press/admin/history.py).
        data["event"] = {"action": action, **event}
    return Revision.objects.create(
        release=release,
        number=(previous.number + 1) if previous else 1,
        author=user if getattr(user, "pk", None) else None,
        action=action,
        note=note,
        data=data,
    )


def revision_snapshot_at(*, release: Release, version: int | None) -> dict | None:
    """Return the snapshot recorded when ``release`` was at ``version``, or None if none was.

    Revisions written before snapshots carried their version have none.
    """
    if version is None:
        return None
    revision = (
        Revision.objects.filter(release=release, data__version=int(version))
        .order_by("-number")
        .only("data")
        .first()
    )
    return revision.data if revision else None


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
    """Go back to a revision's content, publishing nothing; return the release it changed or made.

    A draft or submitted release is restored in place, with a new revision. A release that
    is (or was) out is never changed: a NEW draft is made from the revision, linked to it
    by ``based_on``, to be reviewed and published as a replacement or a correction.
    Photos and documents deleted since cannot come back; they are listed in the note.
    """
    stored = lock(release, version)
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
    event = {"number": revision.number, "release": stored.slug, "lost": lost}
    revision_create(release=target, user=user, action="revert", event=event)
    audit(
        user,
        target,
        "revert",
        flag=CHANGE if target.pk == stored.pk else ADDITION,
        number=revision.number,
        release=stored.slug,
        lost=lost,
    )
    editing_session_end(release=stored, user=user)
    return target
