"""Participant lists as CSV and Excel, for the organisers."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from omstallning.core.spreadsheets import spreadsheet_safe

from .models import EventPage, Registration


def _headers() -> list[str]:
    return [
        _("Status"),
        _("Namn"),
        _("E-post"),
        _("Organisation"),
        _("Kommun"),
        _("Specialkost"),
        _("Behov av anpassning"),
        _("Anmäld"),
        _("Närvarade"),
    ]


def _rows(event: EventPage) -> list[list[str]]:
    registrations = event.registrations.exclude(status=Registration.Status.CANCELLED)
    rows = []
    for registration in registrations.select_related("municipality").order_by(
        "status", "created_at"
    ):
        rows.append(
            [
                registration.get_status_display(),
                registration.name,
                registration.email,
                registration.organisation,
                registration.municipality.name if registration.municipality else "",
                registration.food_needs,
                registration.accessibility_needs,
                timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                _("ja") if registration.attended_at else "",
            ]
        )
    return rows


def participants_csv(event: EventPage) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(_headers())
    for row in _rows(event):
        writer.writerow([spreadsheet_safe(cell) for cell in row])
    # A byte-order mark, so that Excel opens the Swedish letters right.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def participants_xlsx(event: EventPage) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Deltagare")
    sheet.append(_headers())
    for row in _rows(event):
        sheet.append([spreadsheet_safe(cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
