"""The checks every document (a release's attachment) passes before it is stored.

A document is accepted only when its content is on an allow-list (PDF, DOCX, XLSX, ODT,
ODS without macros), judged by its bytes rather than its name, and its name agrees.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from press.files.refusals import extension, refuse

DOCUMENT_TYPES = {
    "pdf": ("application/pdf", "PDF"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "DOCX",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "odt": ("application/vnd.oasis.opendocument.text", "ODT"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "ODS"),
}
DOCUMENT_EXTENSIONS = list(DOCUMENT_TYPES)


def accepted_document_types() -> str:
    return ", ".join(label for _mime, label in DOCUMENT_TYPES.values())


# The end of a PDF: "startxref", the offset of its cross-reference, "%%EOF" (ISO 32000-1
# §7.5.5), within the last kilobyte; writers may append a little after it.
PDF_TAIL = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
PDF_TAIL_BYTES = 1024
# What a cross-reference offset must point at: a table ("xref") or a stream object ("12 0 obj").
PDF_XREF = re.compile(rb"\s*(xref|\d+\s+\d+\s+obj)")


def _looks_like_whole_pdf(fileobj) -> bool:
    """True when the file ends as a PDF does and its cross-reference offset points at one.

    Five bytes of "%PDF-" prove nothing: an HTML page may start with them. This reads no
    object and runs nothing, but a file must be built as a PDF to pass.
    """
    fileobj.seek(0, 2)
    size = fileobj.tell()
    fileobj.seek(max(0, size - PDF_TAIL_BYTES))
    tail = fileobj.read()
    match = PDF_TAIL.search(tail.rstrip(b"\x00"))
    if match is None or int(match.group(1)) >= size:
        return False
    fileobj.seek(int(match.group(1)))
    found = PDF_XREF.match(fileobj.read(64))
    fileobj.seek(0)
    return found is not None


def _check_unpacked_size(members) -> None:
    """Refuse an archive whose parts are too many or would unpack to too much.

    Judged from the sizes its directory declares, before anything is unpacked: a few
    kilobytes may otherwise unpack to gigabytes in whatever opens it next (a ZIP bomb).
    """
    if len(members) > settings.PRESS_OFFICE_MAX_MEMBERS:
        refuse(
            _("The document has %(count)s parts; at most %(max)s are accepted."),
            "too_many_parts",
            count=len(members),
            max=settings.PRESS_OFFICE_MAX_MEMBERS,
        )
    unpacked = sum(m.file_size for m in members)
    if unpacked > settings.PRESS_OFFICE_MAX_UNPACKED_BYTES:
        refuse(
            _("The document unpacks to %(size)s; at most %(max)s are accepted."),
            "unpacks_too_large",
            size=filesizeformat(unpacked),
            max=filesizeformat(settings.PRESS_OFFICE_MAX_UNPACKED_BYTES),
        )


def _document_kind(fileobj) -> str | None:
    """The allow-listed kind the content is, by its bytes alone; None for anything else."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf" if _looks_like_whole_pdf(fileobj) else None
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(fileobj) as archive:
            members = archive.infolist()
            _check_unpacked_size(members)
            names = [m.filename for m in members]
            if any(PurePath(n).name.lower() == "vbaproject.bin" for n in names) or any(
                n.startswith(("Basic/", "Scripts/")) for n in names
            ):
                refuse(
                    _("Documents with macros are not accepted. Save it without macros."),
                    "macros",
                )
            if members and members[0].filename == "mimetype" and members[0].file_size < 100:
                mimetype = archive.read(members[0]).decode("ascii", "replace").strip()
                for kind in ("odt", "ods"):
                    if mimetype == DOCUMENT_TYPES[kind][0]:
                        return kind
                return None
            if "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                types = archive.read(info)[:200_000] if info.file_size < 1_000_000 else b""
                if b"macroenabled" in types.lower():
                    refuse(
                        _("Documents with macros are not accepted. Save it without macros."),
                        "macros",
                    )
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, KeyError):
        return None
    finally:
        fileobj.seek(0)
    return None


def check_document(fileobj, name: str | None = None) -> str:
    """Refuse anything but an allow-listed document named for what it is; return its kind."""
    name = name if name is not None else getattr(fileobj, "name", "") or ""
    size = getattr(fileobj, "size", None)
    max_bytes = settings.PRESS_ATTACHMENT_MAX_BYTES
    if size is not None and size > max_bytes:
        refuse(
            _("The file is %(size)s; documents may be at most %(max)s."),
            "too_large",
            size=filesizeformat(size),
            max=filesizeformat(max_bytes),
        )
    if size == 0:
        refuse(_("The file is empty."), "empty")
    kind = _document_kind(fileobj)
    if kind is None:
        refuse(
            _("This type of document is not accepted. Upload %(types)s."),
            "format",
            types=accepted_document_types(),
        )
    ext = extension(name)
    if ext != kind:
        refuse(
            _(
                "The file is named “.%(ext)s” but its content is %(kind)s. "
                "Rename it or save it again in the right format."
            ),
            "name_mismatch",
            ext=ext or "?",
            kind=DOCUMENT_TYPES[kind][1],
        )
    return kind
