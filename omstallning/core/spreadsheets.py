"""Cells for the CSV and Excel files the platform hands out."""

# A text cell starting with one of these is run as a formula by spreadsheet programs
# (CSV injection); OWASP's list.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """The value as a cell: text that would start a formula is prefixed with an apostrophe;
    numbers, dates and empty cells are left as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
