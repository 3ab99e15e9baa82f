"""Reading CSV files for every importer: text, delimiter, header, row limit, numbers and the
one error type a row gets.

    for line, row in read_rows(text_lines(data), columns=COLUMNS):
        form = MyRowForm(row_cells(row, COLUMNS))
        error = form.row_error(line)

- `text_lines` takes bytes, text, a binary stream or lines, as UTF-8 with or without a
  byte-order mark; a byte that is not UTF-8 is a RowError naming its line and place.
- `read_rows` finds the delimiter (comma, semicolon or tab: Swedish Excel writes semicolons),
  checks the header, and stops at a row limit.
- `parse_number` reads a number as people write it in Swedish ("1 234,5", "−12") or in a
  program ("1234.5") and returns a Decimal, or refuses it with a RowError.
- `RowForm` is a Django form for one row; `row_error` gives its first problem as a RowError.
"""

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import BinaryIO, ClassVar

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.forms.renderers import get_default_renderer
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

DELIMITERS = ",;\t"
# The first lines of the file, enough for csv.Sniffer to see the pattern.
SNIFF_LINES = 50
SNIFF_CHARS = 16 * 1024


class RowError(ValueError):
    """A problem in the file: its line (1 is the header), the column when there is one, and
    the reason in Swedish. Shown as "Rad 3: reason" wherever it is shown as one line."""

    def __init__(self, message: str, *, line: int | None = None, column: str | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column

    def at(self, line: int) -> "RowError":
        """The same error, on the given line."""
        return RowError(self.message, line=line, column=self.column)

    def __str__(self) -> str:
        if self.line is None:
            return self.message
        return _("Rad %(line)s: %(message)s") % {"line": self.line, "message": self.message}

    def __repr__(self) -> str:
        return f"RowError({self.message!r}, line={self.line!r}, column={self.column!r})"


# --- Text ------------------------------------------------------------------------------------


def utf8_lines(binary: BinaryIO) -> Iterator[str]:
    """The stream's lines as text, split the way csv expects (as with newline=""), without a
    byte-order mark. Bytes that are not UTF-8 raise RowError naming their line."""
    # A strict decoder fails somewhere in its read-ahead buffer, which says nothing about the
    # line. Escaped, a bad byte stays in its own line as a lone surrogate, found when the line
    # is encoded back; the file is still read a buffer at a time.
    text = io.TextIOWrapper(binary, encoding="utf-8", errors="surrogateescape", newline="")
    offset = 0  # bytes of the file before this line
    try:
        for number, line in enumerate(text, start=1):
            try:
                offset += len(line.encode("utf-8"))
            except UnicodeEncodeError as error:
                raise RowError(
                    _(
                        "filen är inte UTF-8 (ogiltig byte %(byte)s på position %(position)s i "
                        "filen, räknat från 0). Spara den som UTF-8 och försök igen."
                    )
                    % {
                        "byte": f"0x{ord(line[error.start]) - 0xDC00:02X}",
                        "position": offset + len(line[: error.start].encode("utf-8")),
                    },
                    line=number,
                ) from None
            yield line.removeprefix("\ufeff") if number == 1 else line
    finally:
        # Otherwise the wrapper would close the caller's stream (standard in, say) when it is
        # collected; if the caller has closed it already there is nothing left to do.
        if not binary.closed:
            text.detach()


def text_lines(source: bytes | str | BinaryIO | Iterable[str]) -> Iterator[str]:
    """The lines of a file given as bytes, text, a binary stream or lines of text."""
    if isinstance(source, bytes | bytearray):
        return utf8_lines(io.BytesIO(source))
    if isinstance(source, str):
        return iter(io.StringIO(source.removeprefix("\ufeff"), newline=""))
    if isinstance(source, io.BufferedIOBase | io.RawIOBase):
        return utf8_lines(source)  # type: ignore[arg-type]
    return _without_bom(iter(source))  # type: ignore[arg-type]


def _without_bom(lines: Iterator[str]) -> Iterator[str]:
    first = next(lines, None)
    if first is None:
        return
    yield first.removeprefix("\ufeff")
    yield from lines


# --- Delimiter, header and rows ------------------------------------------------------------


def sniff_delimiter(sample: str) -> str:
    """Comma, semicolon or tab, as csv.Sniffer sees the first lines. When it cannot tell (one
    line, one column), or guesses a character the header does not have, the one the header
    line has most of; a comma when it has none."""
    header = sample.splitlines()[0] if sample else ""
    try:
        delimiter = csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        delimiter = ""
    if delimiter in DELIMITERS and delimiter and delimiter in header:
        return delimiter
    counts = {candidate: header.count(candidate) for candidate in DELIMITERS}
    best = max(counts, key=lambda candidate: counts[candidate])
    return best if counts[best] else ","


def _peek(lines: Iterator[str]) -> tuple[list[str], Iterator[str]]:
    """The first lines, and every line again. A RowError while peeking (bad UTF-8 on line 3,
    say) is raised when the reader gets there, so the rows before it are read first."""
    head: list[str] = []
    size = 0
    pending: RowError | None = None
    try:
        for line in lines:
            head.append(line)
            size += len(line)
            if len(head) >= SNIFF_LINES or size >= SNIFF_CHARS:
                break
    except RowError as error:
        pending = error

    def again() -> Iterator[str]:
        yield from head
        if pending is not None:
            raise pending
        yield from lines

    return head, again()


def header_error(
    header: Sequence[str],
    columns: Sequence[str],
    *,
    optional: Sequence[str] = (),
    allow_unknown: bool = False,
) -> RowError | None:
    """Missing and (unless allowed) unknown columns, named, on line 1."""
    missing = [column for column in columns if column not in header]
    extra = [name for name in header if name not in columns and name not in optional]
    if allow_unknown:
        if not missing:
            return None
        message = _("Rubrikraden stämmer inte. Saknas: %(missing)s.") % {
            "missing": ", ".join(missing)
        }
        return RowError(message, line=1)
    if not missing and not extra:
        return None
    message = _("Rubrikraden stämmer inte. Saknas: %(missing)s. Okända: %(extra)s.") % {
        "missing": ", ".join(missing) or "–",
        "extra": ", ".join(extra) or "–",
    }
    return RowError(message, line=1)


def read_rows(
    lines: Iterable[str],
    *,
    columns: Sequence[str],
    optional: Sequence[str] = (),
    allow_unknown: bool = False,
    max_rows: int | None = None,
) -> Iterator[tuple[int, dict]]:
    """Every row as (line, row) with csv.DictReader's row (a None key holds fields past the
    header, a None value a field the row lacks: see `row_cells`). Header names are read
    without surrounding space and in lower case. RowError for a wrong header, text that is not
    CSV, and the first row over `max_rows`."""
    head, every_line = _peek(iter(lines))
    delimiter = sniff_delimiter("".join(head))
    reader = csv.DictReader(every_line, delimiter=delimiter, strict=True)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as error:
        raise _not_csv(reader, error) from None
    header = [name.strip().lower() for name in fieldnames or []]
    problem = header_error(header, columns, optional=optional, allow_unknown=allow_unknown)
    if problem:
        raise problem
    reader.fieldnames = header
    count = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise _not_csv(reader, error) from None
        count += 1
        if max_rows is not None and count > max_rows:
            raise RowError(
                _("Filen har fler än %(max)s rader.") % {"max": max_rows}, line=reader.line_num
            )
        yield reader.line_num, row


def _not_csv(reader: csv.DictReader, error: csv.Error) -> RowError:
    return RowError(
        _("filen går inte att läsa som CSV (%(error)s).") % {"error": error},
        # DictReader's own line_num is the last good row's; its reader's is this one's.
        line=max(reader.reader.line_num, 1),
    )


def row_cells(row: dict, columns: Sequence[str], *, strict: bool = True) -> dict[str, str]:
    """The row's cells by column. Strict: a row with more or fewer fields than the header is
    a RowError; otherwise fields past the header are left out and missing ones are empty."""
    if strict:
        if None in row:
            raise RowError(_("Raden har fler fält än rubrikraden."))
        if any(row.get(column) is None for column in columns):
            raise RowError(_("Raden har färre fält än rubrikraden."))
    return {
        name: value if isinstance(value, str) else ""
        for name, value in row.items()
        if isinstance(name, str)
    }


# --- Numbers -------------------------------------------------------------------------------

# Spaces that group thousands: space, no-break space, thin space, narrow no-break space.
_GROUP = "[ \u00a0\u2009\u202f]"
_NUMBER = re.compile(
    rf"(?P<sign>[-+\u2212]?)(?P<whole>[0-9]+|[0-9]{{1,3}}(?:{_GROUP}[0-9]{{3}})+)"
    r"(?:[.,](?P<fraction>[0-9]+))?",
    re.ASCII,
)
MAX_NUMBER_LENGTH = 100


def parse_number(text: str) -> Decimal:
    """A number as written in Swedish ("1 234,5", "−12", "0,25") or by a program ("1234.5"):
    digits, grouped by threes with spaces if at all, a decimal comma or point, a minus sign
    (- or −) before. Anything else, exponents and words included, is a RowError."""
    cleaned = text.strip()
    match = _NUMBER.fullmatch(cleaned) if len(cleaned) <= MAX_NUMBER_LENGTH else None
    if match is None:
        raise RowError(
            _("”%(value)s” är inte ett tal, skriv till exempel 1 234,5.") % {"value": text[:40]}
        )
    whole = re.sub(_GROUP, "", match["whole"])
    sign = "-" if match["sign"] in ("-", "\u2212") else ""
    fraction = f".{match['fraction']}" if match["fraction"] else ""
    return Decimal(f"{sign}{whole}{fraction}")


# --- One row as a form ---------------------------------------------------------------------


class Cell(forms.Field):
    """A cell's text without surrounding space, never required: the row form says what an
    empty cell means, with its own message."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value) -> str:
        return value.strip() if isinstance(value, str) else ""


class NumberField(Cell):
    """A number by `parse_number`, or None when the cell is empty and not required."""

    default_error_messages: ClassVar[dict] = {
        "invalid": gettext_lazy("”%(value)s” är inte ett tal, skriv till exempel 1 234,5.")
    }

    def to_python(self, value) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_number(text)
        except RowError:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": text[:40]}
            ) from None


class RowForm(forms.Form):
    """A form for one CSV row. Its fields are never rendered or changed per row, so every row
    shares them (a form otherwise deep-copies its fields, which a million rows would feel)."""

    def __init__(self, data: dict[str, str], **kwargs) -> None:
        self.base_fields = {}  # type: ignore[misc]  # nothing to copy
        super().__init__(data, renderer=get_default_renderer(), **kwargs)
        self.fields = type(self).base_fields

    def row_error(self, line: int | None = None) -> RowError | None:
        """The row's first problem, in column order and then the row as a whole, or None."""
        for name, messages in self.errors.items():
            column = None if name == NON_FIELD_ERRORS else name
            return RowError(messages[0], line=line, column=column)
        return None
