"""Documents: the allow-list by content, the download view and its headers, cleanup."""

import io
import re
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from press.files import DOCUMENT_TYPES, check_document
from press.models import Attachment, Status
from tests.support import change_url, pdf, release_form_data

pytestmark = pytest.mark.django_db

OOXML_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"><Override PartName="/{part}" ContentType="{type}"/></Types>'
)


def ooxml(part, content_type, extra=()):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        types = OOXML_TYPES.replace(b"{part}", part.encode()).replace(
            b"{type}", content_type.encode()
        )
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", "<Relationships/>")
        z.writestr(part, "<document/>")
        for name in extra:
            z.writestr(name, b"\x00binary")
    return out.getvalue()


def docx(extra=()):
    return ooxml(
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        extra,
    )


def xlsx():
    return ooxml(
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    )


def odf(mimetype, first=True, extra=()):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        if not first:
            z.writestr("content.xml", "<office:document-content/>")
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored, as ODF requires
        if first:
            z.writestr("content.xml", "<office:document-content/>")
        z.writestr("META-INF/manifest.xml", "<manifest/>")
        for name in extra:
            z.writestr(name, "<script/>")
    return out.getvalue()


ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"


def upload(data, name):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("name", "make", "kind"),
    [
        ("statement.pdf", pdf, "pdf"),
        ("statement.PDF", pdf, "pdf"),
        ("statement.docx", docx, "docx"),
        ("table.xlsx", xlsx, "xlsx"),
        ("statement.odt", lambda: odf(ODT), "odt"),
        ("table.ods", lambda: odf(ODS), "ods"),
    ],
)
def test_accepted_documents(name, make, kind):
    assert check_document(upload(make(), name)) == kind


def refusal(data, name):
    with pytest.raises(ValidationError) as error:
        check_document(upload(data, name))
    return error.value


def png():
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, "PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "code"),
    [
        ("statement.docm", lambda: docx(extra=["word/vbaProject.bin"]), "macros"),
        ("statement.docx", lambda: docx(extra=["word/vbaProject.bin"]), "macros"),
        (
            "table.xlsx",
            lambda: ooxml(
                "xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
            ),
            "macros",
        ),
        ("statement.odt", lambda: odf(ODT, extra=["Basic/Standard/Module1.xml"]), "macros"),
        ("statement.odt", lambda: odf(ODT, first=False), "format"),
        ("statement.odt", lambda: odf("application/vnd.oasis.opendocument.graphics"), "format"),
        ("archive.docx", lambda: ooxml("ppt/presentation.xml", "application/x"), "format"),
        ("statement.pdf", lambda: b"<html><script>alert(1)</script></html>", "format"),
        ("statement.pdf", png, "format"),
        ("statement.pdf", lambda: b"MZ\x90\x00" + b"\x00" * 100, "format"),
        ("statement.pdf", lambda: b"PK\x03\x04 not really a zip", "format"),
        ("statement.docx", pdf, "name_mismatch"),
        ("statement.pdf", docx, "name_mismatch"),
        ("statement.ods", lambda: odf(ODT), "name_mismatch"),
        ("statement.html", pdf, "name_mismatch"),
        ("statement", pdf, "name_mismatch"),
    ],
)
def test_refused_documents(name, make, code):
    assert refusal(make(), name).code == code


HTML_WITH_PDF_HEAD = b"%PDF-1.7\n<html><body><script>alert(document.cookie)</script></body></html>"


@pytest.mark.parametrize(
    "data",
    [
        HTML_WITH_PDF_HEAD,
        HTML_WITH_PDF_HEAD + b"\n%%EOF\n",  # an end marker, but no cross-reference
        HTML_WITH_PDF_HEAD + b"\nstartxref\n999999\n%%EOF\n",  # pointing past the end
        HTML_WITH_PDF_HEAD + b"\nstartxref\n9\n%%EOF\n",  # pointing at no xref
        pdf()[:-200],  # a real PDF cut short
    ],
)
def test_a_file_that_only_begins_like_a_pdf_is_refused(data):
    assert refusal(data, "statement.pdf").code == "format"


def test_a_pdf_with_a_cross_reference_stream_is_accepted():
    body = b"%PDF-1.5\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
    data = body + b"2 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\n"
    data += b"startxref\n%d\n%%%%EOF\n" % len(body)
    assert check_document(upload(data, "statement.pdf")) == "pdf"


def bomb(members: int, size: int) -> bytes:
    """A DOCX whose parts unpack to ``members`` × ``size`` bytes of zeros."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", OOXML_TYPES)
        z.writestr("word/document.xml", "<document/>")
        for n in range(members):
            z.writestr(f"word/media/part{n}.bin", bytes(size))
    return out.getvalue()


def test_an_office_file_unpacking_too_large_is_refused(settings):
    data = bomb(3, 4 * 1024 * 1024)  # 12 MB unpacked, a few kilobytes packed
    assert len(data) < 100_000
    assert check_document(upload(data, "bomb.docx")) == "docx"  # under the default limit
    settings.PRESS_OFFICE_MAX_UNPACKED_BYTES = 10 * 1024 * 1024
    with translation.override("en"):
        error = refusal(data, "bomb.docx")
        assert error.code == "unpacks_too_large"
        assert error.messages == [
            "The document unpacks to 12.0\xa0MB; at most 10.0\xa0MB are accepted."
        ]
    with translation.override("ru"):
        assert "распаковывается" in refusal(data, "bomb.docx").messages[0]


def test_an_office_file_with_too_many_parts_is_refused(settings):
    settings.PRESS_OFFICE_MAX_MEMBERS = 50
    assert refusal(bomb(60, 10), "many.docx").code == "too_many_parts"
    assert check_document(upload(bomb(40, 10), "few.docx")) == "docx"


def test_the_default_limits_refuse_a_real_bomb():
    # Declared sizes are read from the archive's directory: nothing is unpacked to judge.
    data = bomb(1, 300 * 1024 * 1024)
    assert refusal(data, "bomb.docx").code == "unpacks_too_large"


def test_document_size_cap_is_a_setting(settings):
    settings.PRESS_ATTACHMENT_MAX_BYTES = 100
    assert refusal(pdf(), "statement.pdf").code == "too_large"


def test_refusal_names_the_accepted_types():
    with translation.override("en"):
        message = refusal(b"plain text", "notes.pdf").messages[0]
        assert "PDF, DOCX, XLSX, ODT, ODS" in message


def test_model_save_sets_size_and_type_from_content(release_factory):
    data = docx()
    attachment = Attachment(release=release_factory(), file=upload(data, "Bayonot.docx"))
    attachment.save()
    assert attachment.size == len(data)
    assert attachment.content_type == DOCUMENT_TYPES["docx"][0]
    assert attachment.type_label() == "DOCX"
    assert re.fullmatch(r"attachments/\d{4}/\d{2}/[\w-]{16}\.docx", attachment.file.name)


def test_model_save_refuses_a_bad_document(release_factory):
    with pytest.raises(ValidationError):
        Attachment(release=release_factory(), file=upload(png(), "a.pdf")).save()
    assert not Attachment.objects.exists()


# --- Download -------------------------------------------------------------------


@pytest.fixture
def statement(release_factory):
    attachment = Attachment(
        release=release_factory(title="Hujjatli"),
        file=upload(pdf(), "x.pdf"),
        title_uz="Qoʻshma bayonot",
        title_uz_cyrl="Қўшма баёнот",
        title_ru="Совместное заявление",
        title_en="Joint statement",
        language="uz",
    )
    attachment.save()
    return attachment


def download_url(attachment, code="uz"):
    with translation.override(code):
        return reverse(
            "press:attachment", kwargs={"slug": attachment.release.slug, "pk": attachment.pk}
        )


def test_download_headers(client, statement):
    response = client.get(download_url(statement, "ru"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=utf-8''{quote('Совместное заявление.pdf')}" in disposition
    # The stored file's own bytes: a fresh pdf() carries another creation time.
    statement.file.open("rb")
    with statement.file:
        assert b"".join(response.streaming_content) == statement.file.read()
    response.close()


def test_download_name_follows_the_page_language(client, statement):
    response = client.get(download_url(statement, "uz"))
    assert quote("Qoʻshma bayonot.pdf") in response["Content-Disposition"]
    response.close()


def test_draft_documents_are_not_served(client, statement):
    statement.release.status = Status.DRAFT
    statement.release.save()
    assert client.get(download_url(statement)).status_code == 404


def test_documents_of_a_release_not_written_in_the_language_are_not_served(client, release_factory):
    release = release_factory(title_en="", body_en="")
    attachment = Attachment(release=release, file=upload(pdf(), "x.pdf"))
    attachment.save()
    assert client.get(download_url(attachment, "en")).status_code == 404
    response = client.get(download_url(attachment, "uz"))
    assert response.status_code == 200
    assert "document.pdf" in response["Content-Disposition"]
    response.close()


def test_a_document_is_served_only_under_its_own_release(client, statement, release_factory):
    other = release_factory(title="Boshqa")
    url = reverse("press:attachment", kwargs={"slug": other.slug, "pk": statement.pk})
    assert client.get(url).status_code == 404


def test_release_page_links_to_the_download_with_size_and_type(client, statement):
    with translation.override("en"):
        html = client.get(statement.release.get_absolute_url()).content.decode()
    assert f'href="{download_url(statement, "en")}"' in html
    assert "/media/" not in html.split('id="attachments-heading"')[1]
    assert "Joint statement" in html
    assert "PDF" in html and "bytes" in html or "KB" in html


# --- Cleanup and admin ------------------------------------------------------------


def test_deleting_an_attachment_removes_its_file_after_commit(
    statement, settings, django_capture_on_commit_callbacks
):
    path = Path(settings.MEDIA_ROOT) / statement.file.name
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        statement.delete()
    assert not path.exists()


def test_replacing_an_attachment_removes_the_old_file(
    statement, settings, django_capture_on_commit_callbacks
):
    old = Path(settings.MEDIA_ROOT) / statement.file.name
    attachment = Attachment.objects.get(pk=statement.pk)
    attachment.file = upload(odf(ODT), "new.odt")
    with django_capture_on_commit_callbacks(execute=True):
        attachment.save()
    assert not old.exists()
    assert (Path(settings.MEDIA_ROOT) / attachment.file.name).exists()
    assert attachment.content_type == ODT


def test_admin_inline_refuses_a_macro_document(admin_client, release_factory):
    release = release_factory(status=Status.DRAFT, published_at=None)
    data = release_form_data(
        release,
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-file": upload(docx(extra=["word/vbaProject.bin"]), "a.docm"),
            "attachments-0-language": "uz",
            "attachments-0-order": "0",
        },
    )
    response = admin_client.post(change_url(release), data)
    assert response.status_code == 200
    assert "macros" in response.content.decode()
    assert not Attachment.objects.exists()


def test_admin_inline_accepts_a_document(admin_client, release_factory):
    release = release_factory(status=Status.DRAFT, published_at=None)
    data = release_form_data(
        release,
        **{
            "attachments-TOTAL_FORMS": "1",
            "attachments-0-file": upload(pdf(), "statement.pdf"),
            "attachments-0-title_en": "Statement",
            "attachments-0-language": "en",
            "attachments-0-order": "0",
        },
    )
    response = admin_client.post(change_url(release), data)
    assert response.status_code == 302
    assert release.attachments.get().content_type == "application/pdf"


# --- Ranges (resumed and partial downloads) -------------------------------------------------


def stored_bytes(attachment) -> bytes:
    attachment.file.open("rb")
    with attachment.file:
        return attachment.file.read()


def ranged(client, attachment, value):
    response = client.get(download_url(attachment), HTTP_RANGE=value)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    response.close()
    return response, body


def test_a_whole_download_says_ranges_are_accepted(client, statement):
    response, body = ranged(client, statement, "")
    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert body == stored_bytes(statement)


@pytest.mark.parametrize(
    ("value", "part"),
    [
        ("bytes=0-9", slice(0, 10)),
        ("bytes=10-", slice(10, None)),
        ("bytes=-5", slice(-5, None)),
        ("bytes=5-5", slice(5, 6)),
        ("bytes=20-999999", slice(20, None)),  # an end past the file stops at its end
    ],
)
def test_a_single_range_is_answered_with_those_bytes(client, statement, value, part):
    data = stored_bytes(statement)
    response, body = ranged(client, statement, value)
    assert response.status_code == 206
    assert body == data[part]
    start = part.start % len(data)
    assert response["Content-Range"] == f"bytes {start}-{start + len(body) - 1}/{len(data)}"
    assert response["Content-Length"] == str(len(body))
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("value", ["bytes={size}-", "bytes={size}-{end}", "bytes=-0"])
def test_an_unsatisfiable_range_is_416(client, statement, value):
    size = len(stored_bytes(statement))
    response, body = ranged(client, statement, value.format(size=size, end=size + 10))
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"
    assert body == b""


@pytest.mark.parametrize("value", ["bytes=0-1,5-6", "lines=1-2", "bytes=abc", "bytes=9-3"])
def test_other_ranges_get_the_whole_file(client, statement, value):
    response, body = ranged(client, statement, value)
    assert response.status_code == 200
    assert body == stored_bytes(statement)
