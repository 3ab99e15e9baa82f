"""Indicator values from a CSV file: every row checked, every problem reported with its line
number, and nothing saved unless the whole file is right.

Columns (header row, names in Swedish): mål, indikator, år, värde, kommentar (may be left
out). Comma or semicolon separated, UTF-8 (with or without BOM); with semicolons, a decimal
comma is fine ("63,4"), as Excel writes it in Swedish.
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from omstallning.core.spreadsheets import csv_for_excel

from .models import Indicator, Strategy

COLUMNS = ("mål", "indikator", "år", "värde")
MAX_ROWS = 10_000


@dataclass(frozen=True)
class RowError:
    line: int
    message: str


@dataclass
class ImportResult:
    saved: int
    errors: list[RowError]


@dataclass(frozen=True)
class _Row:
    indicator: Indicator
    year: int
    value: Decimal
    note: str


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(_("Filen är inte UTF-8. Spara den som ”CSV UTF-8”.")) from error


def _rows(text: str) -> tuple[csv.DictReader, str]:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or []]
    return reader, delimiter


def _number(raw: str, delimiter: str) -> Decimal:
    cleaned = raw.strip().replace("\u00a0", "").replace(" ", "")
    if delimiter == ";":
        cleaned = cleaned.replace(",", ".")
    value = Decimal(cleaned)
    if not value.is_finite() or abs(value) >= Decimal("1e14"):
        raise InvalidOperation
    return value


def parse(strategy: Strategy, data: bytes) -> tuple[list[_Row], list[RowError]]:
    try:
        text = _text(data)
    except ValueError as error:
        return [], [RowError(1, str(error))]
    reader = None
    try:
        reader, delimiter = _rows(text)
        return _check(strategy, reader, delimiter)
    except csv.Error as error:
        line = reader.line_num if reader else 1
        message = _("Rad %(line)s kan inte läsas som CSV (%(error)s).")
        return [], [RowError(line, message % {"line": line, "error": error})]


def _check(strategy: Strategy, reader: csv.DictReader, delimiter: str):
    missing = [name for name in COLUMNS if name not in reader.fieldnames]
    if missing:
        return [], [
            RowError(
                1, _("Kolumner saknas i rubrikraden: %(names)s.") % {"names": ", ".join(missing)}
            )
        ]
    indicators = {
        (i.goal.code.lower(), i.name.strip().lower()): i
        for i in Indicator.objects.filter(goal__focus_area__strategy=strategy).select_related(
            "goal"
        )
    }
    rows, errors, seen = [], [], {}
    for number, record in enumerate(reader, start=2):
        if number - 1 > MAX_ROWS:
            errors.append(
                RowError(number, _("Filen har fler än %(max)s rader.") % {"max": MAX_ROWS})
            )
            break
        # A NUL byte means nothing in a CSV cell, and PostgreSQL refuses it in text.
        get = {
            key: (value or "").replace("\x00", "").strip()
            for key, value in record.items()
            if isinstance(key, str) and isinstance(value, str | None)
        }
        if not any(get.values()):
            continue  # an empty line
        indicator = indicators.get((get.get("mål", "").lower(), get.get("indikator", "").lower()))
        if indicator is None:
            errors.append(
                RowError(
                    number,
                    _("Strategin har inget mål %(goal)s med indikatorn ”%(name)s”.")
                    % {"goal": get.get("mål", ""), "name": get.get("indikator", "")},
                )
            )
            continue
        try:
            year = int(get.get("år", ""))
            if not 1990 <= year <= 2100:
                raise ValueError
        except ValueError:
            errors.append(RowError(number, _("Året ska vara ett årtal, till exempel 2025.")))
            continue
        try:
            value = _number(get.get("värde", ""), delimiter)
        except (InvalidOperation, ValueError):
            errors.append(
                RowError(
                    number,
                    _("Värdet ”%(value)s” är inte ett tal.") % {"value": get.get("värde", "")},
                )
            )
            continue
        key = (indicator.pk, year)
        if key in seen:
            errors.append(
                RowError(
                    number,
                    _("Samma indikator och år finns redan på rad %(line)s.") % {"line": seen[key]},
                )
            )
            continue
        seen[key] = number
        rows.append(_Row(indicator, year, value, get.get("kommentar", "")[:300]))
    return rows, errors


def template_csv(strategy: Strategy, *, for_excel: bool = False) -> str:
    """A file to fill in: every indicator of the strategy, with the columns in place. For
    Excel with Swedish settings: semicolons and a byte-order mark (the import reads both)."""
    rows = [[*COLUMNS, "kommentar"]]
    for indicator in Indicator.objects.filter(goal__focus_area__strategy=strategy).select_related(
        "goal"
    ):
        rows.append([indicator.goal.code, indicator.name, "", "", ""])
    if for_excel:
        return csv_for_excel(rows)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerows(rows)
    return out.getvalue()
