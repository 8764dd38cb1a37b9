"""Byte ranges of a download (RFC 9110 §14): one range answered 206, none that fits 416.

A resumed or partial download asks ``Range: bytes=start-end``. Only a single range is
answered as a part; several ranges, another unit or a header we cannot read get the whole
file (200), which the RFC allows. ``If-Range`` asks for the part only if the file is
unchanged: we have no validator to compare, so a request carrying it gets the whole file.
"""

import re

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils.http import content_disposition_header

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


class Unsatisfiable(Exception):
    """The range asks for bytes the file does not have."""


def byte_range(request, size: int) -> tuple[int, int] | None:
    """Return the (first, last) byte asked for, inclusive; None for the whole file.

    Raises Unsatisfiable for a range that starts past the end, or an empty suffix.
    """
    header = request.headers.get("Range", "").replace(" ", "")
    match = RANGE.match(header)
    if match is None or "If-Range" in request.headers:
        return None
    first, last = match.groups()
    if not first:  # "bytes=-N": the last N bytes
        if not last:
            return None
        if int(last) == 0 or size == 0:
            raise Unsatisfiable
        return max(0, size - int(last)), size - 1
    first = int(first)
    if last and int(last) < first:
        return None  # not a valid range: ignored
    if first >= size:
        raise Unsatisfiable
    return first, min(int(last), size - 1) if last else size - 1


def ranged_file_response(request, handle, *, size: int, filename: str, content_type: str):
    """The download of ``handle`` (open, ``size`` bytes): whole, the asked part, or 416."""
    try:
        part = byte_range(request, size)
    except Unsatisfiable:
        handle.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        if part is None:
            response = FileResponse(
                handle, as_attachment=True, filename=filename, content_type=content_type
            )
        else:
            first, last = part
            response = StreamingHttpResponse(
                _read(handle, first, last - first + 1), status=206, content_type=content_type
            )
            response["Content-Length"] = str(last - first + 1)
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
            response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Accept-Ranges"] = "bytes"
    return response


def _read(handle, start: int, length: int):
    """Yield ``length`` bytes of ``handle`` from ``start``; closes it when done or dropped."""
    try:
        handle.seek(start)
        while length > 0:
            chunk = handle.read(min(CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)
            yield chunk
    finally:
        handle.close()
