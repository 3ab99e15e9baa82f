"""File names of downloads and the CSV for Swedish Excel (core/downloads.py, spreadsheets.py)."""

import csv
import io
from datetime import date
from decimal import Decimal

from omstallning.core.downloads import (
    ascii_filename,
    content_disposition,
    dated_filename,
    file_response,
)
from omstallning.core.spreadsheets import csv_for_excel


def test_the_day_comes_before_the_extension():
    assert (
        dated_filename("affarsplan-vastmanland-v1-data", "xlsx", date(2026, 12, 1))
        == "affarsplan-vastmanland-v1-data-2026-12-01.xlsx"
    )
    assert dated_filename("indikatorer-affarsplan-v2", ".csv") == "indikatorer-affarsplan-v2.csv"


def test_a_swedish_name_gets_an_ascii_fallback_beside_the_utf8_name():
    header = content_disposition("Cirkulära affärsmodeller i tillverkningsindustrin.ics")

    assert header == (
        'attachment; filename="cirkulara-affarsmodeller-i-tillverkningsindustrin.ics"; '
        "filename*=utf-8''Cirkul%C3%A4ra%20aff%C3%A4rsmodeller%20i%20"
        "tillverkningsindustrin.ics"
    )


def test_an_ascii_name_is_sent_once_and_quoted():
    assert content_disposition("stod-statistik-2026-12-01.csv") == (
        'attachment; filename="stod-statistik-2026-12-01.csv"'
    )
    assert content_disposition('beslut "1".pdf', as_attachment=False) == (
        'inline; filename="beslut \\"1\\".pdf"'
    )


def test_the_ascii_fallback_keeps_the_extension_and_never_is_empty():
    assert ascii_filename("Öppna data – Västerås.xlsx") == "oppna-data-vasteras.xlsx"
    assert ascii_filename("Σ.pdf") == "fil.pdf"
    assert ascii_filename("utan ändelse") == "utan-andelse"


def test_a_file_response_carries_type_and_name():
    response = file_response(b"x", filename="rapport.pdf", content_type="application/pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="rapport.pdf"'


def test_csv_for_excel_has_semicolons_decimal_commas_and_a_byte_order_mark():
    text = csv_for_excel(
        [
            ["Tabell", "Grupp", "Belopp (kr)", "Andel (%)", "År", "Datum"],
            ["Per år", "Öster; väster", Decimal(1_200_000), 70.7, 2023, date(2026, 12, 1)],
            ["Per år", "=SUMMA(A1)", None, 0.5, True, ""],
        ]
    )

    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0] == ["Tabell", "Grupp", "Belopp (kr)", "Andel (%)", "År", "Datum"]
    # No digit grouping, a decimal comma, years as they are, a cell with ; quoted.
    assert rows[1] == ["Per år", "Öster; väster", "1200000", "70,7", "2023", "2026-12-01"]
    # A formula is never run; an empty cell is empty.
    assert rows[2] == ["Per år", "'=SUMMA(A1)", "", "0,5", "1", ""]
    assert "\r\n" in text
