"""Files the platform hands out: one way to name them and to say so in Content-Disposition.

A name ends in its extension, with the day (if any) before it, so that the file opens on a
double click: `affarsplan-vastmanland-v1-data-2026-12-01.xlsx`. A name with letters outside
ASCII (å, ä, ö) is sent twice, as RFC 6266 and 5987 say: `filename*` in UTF-8 for browsers, and
an ASCII `filename` (`cirkulara-affarsmodeller.ics`) for the few that read only that.
"""

import unicodedata
from datetime import date

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.text import slugify


def dated_filename(stem: str, extension: str, day: date | None = None) -> str:
    """`stem-YYYY-MM-DD.extension` (or `stem.extension` without a day)."""
    stem = stem.strip().strip(".-")
    extension = extension.lstrip(".")
    if day is not None:
        stem = f"{stem}-{day.isoformat()}"
    return f"{stem}.{extension}"


def ascii_filename(filename: str) -> str:
    """The name in ASCII letters, digits and dashes, keeping its extension: å → a, ö → o."""
    stem, dot, extension = filename.rpartition(".")
    if not dot:
        stem, extension = filename, ""
    folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = slugify(folded) or "fil"
    extension = slugify(extension)
    return f"{slug}.{extension}" if extension else slug


def content_disposition(filename: str, *, as_attachment: bool = True) -> str:
    """The header value: Django's (RFC 6266, with `filename*` when the name is not ASCII),
    plus an ASCII fallback `filename` in the latter case."""
    header = content_disposition_header(as_attachment, filename)
    if "filename*=" not in header:
        return header
    disposition, encoded = header.split("; ", 1)
    return f'{disposition}; filename="{ascii_filename(filename)}"; {encoded}'


def file_response(
    content: bytes | str,
    *,
    filename: str,
    content_type: str,
    as_attachment: bool = True,
) -> HttpResponse:
    """A response carrying a file under `filename` (see `dated_filename`)."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename, as_attachment=as_attachment)
    return response
