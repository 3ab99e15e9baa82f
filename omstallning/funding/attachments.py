"""Uploaded files are checked before they are kept: size, extension and what the file
really is (its first bytes), so a renamed program is not accepted as a PDF."""

from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

ZIP = b"PK\x03\x04"
# extension → (content type, the bytes the file starts with)
ALLOWED = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (ZIP,),
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (ZIP,)),
    "odt": ("application/vnd.oasis.opendocument.text", (ZIP,)),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", (ZIP,)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
}


@dataclass(frozen=True)
class CheckedUpload:
    name: str
    content_type: str
    size: int


def allowed_extensions() -> str:
    return ", ".join(sorted(ALLOWED))


def too_large_message() -> str:
    limit = settings.FUNDING_ATTACHMENTS["max_bytes"]
    return _("Filen är för stor. Den får vara högst %(mb)s MB.") % {"mb": limit // 1_000_000}


def file_input_attrs() -> dict[str, str]:
    """For the browser to stop a too large file before it is sent (site.js), so that the
    rest of the form still goes through."""
    return {
        "data-max-bytes": str(settings.FUNDING_ATTACHMENTS["max_bytes"]),
        "data-too-large": too_large_message(),
    }


def checked_upload(upload: UploadedFile) -> CheckedUpload:
    limit = settings.FUNDING_ATTACHMENTS["max_bytes"]
    if upload.size is None or upload.size == 0:
        raise ValidationError(_("Filen är tom."), code="empty")
    if upload.size > limit:
        raise ValidationError(too_large_message(), code="size")
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in ALLOWED:
        raise ValidationError(
            _("Filtypen går inte att bifoga. Tillåtna filtyper: %(types)s.")
            % {"types": allowed_extensions()},
            code="type",
        )
    content_type, signatures = ALLOWED[extension]
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if not any(head.startswith(signature) for signature in signatures):
        raise ValidationError(
            _("Filen är inte en riktig %(type)s-fil. Spara den på nytt och försök igen.")
            % {"type": extension.upper()},
            code="content",
        )
    name = get_valid_filename(PurePath(upload.name).name)[:200] or f"bilaga.{extension}"
    return CheckedUpload(name=name, content_type=content_type, size=upload.size)
