"""Indicator values from a CSV file: every row checked, every problem reported with its line
number, and nothing saved unless the whole file is right.

Columns (header row, names in Swedish): mål, indikator, år, värde, kommentar (may be left
out; other columns are ignored). Read by core.csv_import: comma, semicolon or tab separated,
UTF-8 (with or without BOM), numbers as Swedish Excel writes them ("1 010", "63,4", "−2").
"""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omstallning.core.csv_import import (
    Cell,
    NumberField,
    RowError,
    RowForm,
    read_rows,
    row_cells,
    text_lines,
)
from omstallning.core.spreadsheets import csv_for_excel

from .models import Indicator, Strategy

__all__ = ["COLUMNS", "ImportResult", "RowError", "parse", "template_csv"]

COLUMNS = ("mål", "indikator", "år", "värde")
OPTIONAL = ("kommentar",)
# The form's English field for each Swedish column.
FIELDS = {
    "mål": "goal",
    "indikator": "indicator",
    "år": "year",
    "värde": "value",
    "kommentar": "note",
}
MAX_ROWS = 10_000
MAX_VALUE = Decimal("1e14")
NOT_A_NUMBER = gettext_lazy("Värdet ”%(value)s” är inte ett tal.")


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


class IndicatorValueRowForm(RowForm):
    goal = Cell()
    indicator = Cell()
    year = Cell()
    value = NumberField(error_messages={"invalid": NOT_A_NUMBER})
    note = Cell()

    def __init__(self, data: dict[str, str], *, indicators: dict[tuple[str, str], Indicator]):
        super().__init__(data)
        self.indicators = indicators

    def clean_indicator(self) -> Indicator:
        goal, name = self.cleaned_data.get("goal", ""), self.cleaned_data["indicator"]
        indicator = self.indicators.get((goal.lower(), name.lower()))
        if indicator is None:
            raise ValidationError(
                _("Strategin har inget mål %(goal)s med indikatorn ”%(name)s”.")
                % {"goal": goal, "name": name}
            )
        return indicator

    def clean_year(self) -> int:
        try:
            year = int(self.cleaned_data["year"])
            if not 1990 <= year <= 2100:
                raise ValueError
        except ValueError:
            raise ValidationError(_("Året ska vara ett årtal, till exempel 2025.")) from None
        return year

    def clean_value(self) -> Decimal:
        value = self.cleaned_data["value"]
        if value is None or abs(value) >= MAX_VALUE:
            raise ValidationError(
                NOT_A_NUMBER, params={"value": self.data.get("value", "").strip()[:40]}
            )
        return value

    def row(self) -> _Row:
        data = self.cleaned_data
        return _Row(data["indicator"], data["year"], data["value"], data["note"][:300])


def parse(strategy: Strategy, data: bytes) -> tuple[list[_Row], list[RowError]]:
    """Every row checked; the good ones, and every problem with its line."""
    indicators = {
        (i.goal.code.lower(), i.name.strip().lower()): i
        for i in Indicator.objects.filter(goal__focus_area__strategy=strategy).select_related(
            "goal"
        )
    }
    rows: list[_Row] = []
    errors: list[RowError] = []
    seen: dict[tuple[int, int], int] = {}
    try:
        for line, record in read_rows(
            text_lines(data),
            columns=COLUMNS,
            optional=OPTIONAL,
            allow_unknown=True,
            max_rows=MAX_ROWS,
        ):
            # A NUL byte means nothing in a CSV cell, and PostgreSQL refuses it in text.
            cells = {
                FIELDS[name]: value.replace("\x00", "")
                for name, value in row_cells(record, COLUMNS, strict=False).items()
                if name in FIELDS
            }
            if not any(value.strip() for value in cells.values()):
                continue  # an empty line
            form = IndicatorValueRowForm(cells, indicators=indicators)
            error = form.row_error(line)
            if error is not None:
                errors.append(error)
                continue
            row = form.row()
            key = (row.indicator.pk, row.year)
            if key in seen:
                errors.append(
                    RowError(
                        _("Samma indikator och år finns redan på rad %(line)s.")
                        % {"line": seen[key]},
                        line=line,
                    )
                )
                continue
            seen[key] = line
            rows.append(row)
    except RowError as error:
        errors.append(error)
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
