"""Cells for the CSV and Excel files the platform hands out."""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal

# A text cell starting with one of these is run as a formula by spreadsheet programs
# (CSV injection); OWASP's list.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"


def spreadsheet_safe(value):
    """The value as a cell: text that would start a formula is prefixed with an apostrophe;
    numbers, dates and empty cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _excel_cell(value) -> str:
    """A cell as Excel with Swedish settings reads it: decimal comma, no digit grouping,
    dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        return format(value, "f").replace(".", ",")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(spreadsheet_safe(value) if isinstance(value, str) else value)


def csv_for_excel(rows: Iterable[Sequence]) -> str:
    """CSV that Excel in a Swedish locale opens in columns on a double click: semicolons
    between cells, a decimal comma, and a UTF-8 byte-order mark so that å, ä and ö are read
    right. (Machines get the ordinary comma CSV.)"""
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([_excel_cell(value) for value in row])
    return out.getvalue()
