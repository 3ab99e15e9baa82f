"""EFRAG's VSME Digital Template (1.3.0) as data: the values of its named ranges, read from a
filled-in workbook and written into a fresh copy of the blank template. The named ranges carry
the VSME taxonomy's concept names (`TotalEnergyConsumption`, `GrossScope1GreenhouseGasEmissions`
…), which is what EFRAG's converter reads to make Inline XBRL; the template's own formulas are
the template's, so only what was entered travels. The files and their MIT licence are in
`data/vsme/` (see SOURCE.md there).
"""

import io
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.formula import ArrayFormula

DATA = Path(__file__).resolve().parent / "data" / "vsme"
BLANK_TEMPLATE = DATA / "VSME-Digital-Template-1.3.0.xlsx"

# A range's values row by row, as the cells hold them.
Values = list[list[Any]]


def _open(source: Path | bytes) -> Workbook:
    with warnings.catch_warnings():
        # The template's data-validation extension is not openpyxl's to keep; the values are.
        warnings.simplefilter("ignore", UserWarning)
        return load_workbook(io.BytesIO(source) if isinstance(source, bytes) else source)


def _cells(workbook: Workbook) -> Iterator[tuple[str, list[list[Cell]]]]:
    """Each named range that points at cells (a few in EFRAG's file point at #REF!)."""
    for name, defined in workbook.defined_names.items():
        destinations = list(defined.destinations)
        if len(destinations) != 1 or not destinations[0][1] or "#REF!" in defined.attr_text:
            continue
        sheet, reference = destinations[0]
        found = workbook[sheet][reference.replace("$", "")]
        if isinstance(found, Cell):
            rows = [[found]]
        elif found and isinstance(found[0], tuple):
            rows = [list(row) for row in found]
        else:
            rows = [list(found)]
        yield name, rows


def _is_formula(value: Any) -> bool:
    return isinstance(value, ArrayFormula) or (isinstance(value, str) and value.startswith("="))


def read_values(source: Path | bytes) -> dict[str, Values]:
    """Every named range's entered values (formulas left out as None), by the range's name."""
    return {
        name: [[None if _is_formula(cell.value) else cell.value for cell in row] for row in rows]
        for name, rows in _cells(_open(source))
    }


def write_values(values: dict[str, Values]) -> bytes:
    """A fresh copy of the blank template with `values` in its named ranges; names the
    template lacks are ignored, and a cell that holds a formula in the template keeps it."""
    workbook = _open(BLANK_TEMPLATE)
    for name, rows in _cells(workbook):
        given = values.get(name)
        if given is None:
            continue
        for row, given_row in zip(rows, given, strict=False):
            for cell, value in zip(row, given_row, strict=False):
                if value is not None and not _is_formula(cell.value):
                    cell.value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ranges_of(concept: str, names) -> list[str]:
    """The template's ranges for a concept: its own name, or, for one reported per member of
    an axis (energy by renewable or not, emissions by year), one `Concept_Member` each."""
    return sorted(
        name
        for name in names
        if name == concept or (name.startswith(concept + "_") and name.endswith("Member"))
    )
