"""The register of earlier decisions, imported from a file."""

from collections.abc import Callable, Iterable
from typing import BinaryIO

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from omstallning.core.csv_import import RowError
from omstallning.core.typing import Visitor

from .. import decision_import
from ..decision_import import ImportReport
from ..models import Programme
from ..permissions import can_import_decisions

DECISIONS_IMPORTED = "funding.decisions_imported"


@transaction.atomic
def decisions_import(
    *,
    user: Visitor | None,
    rows_or_file: bytes | str | BinaryIO | Iterable[str],
    skip_invalid: bool = False,
    on_error: Callable[[RowError], None],
    on_progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import the file (decision_import.run: every row checked, all or nothing unless
    `skip_invalid`), and log what was written on each programme it touched.

    `user` is the person importing, whose permission is checked. None is the system: only
    the management command passes it, run by whoever may run commands on the server; the log
    shows such an entry as made by the system."""
    if user is not None and not can_import_decisions(user):
        raise PermissionDenied(_("Du får inte importera beslut."))
    report = decision_import.run(
        rows_or_file, skip_invalid=skip_invalid, on_error=on_error, on_progress=on_progress
    )
    programmes = Programme.objects.in_bulk(report.by_programme)
    for pk, (created, updated) in report.by_programme.items():
        log(
            instance=programmes[pk],
            action=DECISIONS_IMPORTED,
            user=user,
            data={
                "created": created,
                "updated": updated,
                "rows": report.rows,
                "invalid": report.invalid,
            },
        )
    return report
