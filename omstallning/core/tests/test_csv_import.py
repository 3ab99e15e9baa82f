"""The CSV reading every importer shares: text, delimiter, header, row limit, numbers, and a
row as a form."""

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import example, given
from hypothesis import strategies as st

from omstallning.core.csv_import import (
    Cell,
    NumberField,
    RowError,
    RowForm,
    parse_number,
    read_rows,
    row_cells,
    sniff_delimiter,
    text_lines,
)

# --- Text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        b"a,b\r\n1,2\r\n",
        "\ufeffa,b\r\n1,2\r\n".encode(),
        "a,b\r\n1,2\r\n",
        "\ufeffa,b\r\n1,2\r\n",
        io.BytesIO("\ufeffa,b\r\n1,2\r\n".encode()),
        ["\ufeffa,b\r\n", "1,2\r\n"],
    ],
    ids=["bytes", "bytes with BOM", "text", "text with BOM", "stream", "lines"],
)
def test_every_kind_of_source_gives_the_same_lines(source):
    assert list(text_lines(source)) == ["a,b\r\n", "1,2\r\n"]


def test_bytes_that_are_not_utf8_name_their_line_and_place():
    with pytest.raises(RowError) as error:
        list(text_lines("a,b\n1,2\nGöteborg,3\n".encode("latin-1")))

    assert (error.value.line, error.value.column) == (3, None)
    assert str(error.value) == (
        "Rad 3: filen är inte UTF-8 (ogiltig byte 0xF6 på position 9 i filen, räknat från 0). "
        "Spara den som UTF-8 och försök igen."
    )


def test_the_rows_before_a_bad_byte_are_read_first():
    rows = read_rows(text_lines(b"a,b\n1,2\n\xff,3\n"), columns=["a", "b"])

    assert next(rows) == (2, {"a": "1", "b": "2"})
    with pytest.raises(RowError, match="Rad 3: filen är inte UTF-8"):
        next(rows)


# --- Delimiter -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),  # Swedish Excel: semicolons and decimal commas
        ("a\tb\n1\t2\n", "\t"),
        ('a,b\n"x, y",2\n', ","),
        ("mål;indikator\n", ";"),  # the header alone
        ("a\n1\n", ","),  # one column: nothing to tell, so a comma
        ("", ","),
        ("a|b\n1|2\n", ","),  # not one of the three
    ],
)
def test_the_delimiter_is_sniffed(sample, delimiter):
    assert sniff_delimiter(sample) == delimiter


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_file_reads_the_same_whatever_its_delimiter(delimiter):
    text = delimiter.join(["namn", "värde"]) + "\n" + delimiter.join(["Å", '"1 234,5"']) + "\n"

    assert list(read_rows(text_lines(text), columns=["namn", "värde"])) == [
        (2, {"namn": "Å", "värde": "1 234,5"})
    ]


# --- Header, row shape, row limit, broken CSV ------------------------------------------------


def test_missing_and_unknown_columns_are_named_on_line_1():
    with pytest.raises(RowError) as error:
        list(read_rows(text_lines(" A ,c\n1,2\n"), columns=["a", "b"]))

    assert error.value.line == 1
    assert str(error.value) == "Rad 1: Rubrikraden stämmer inte. Saknas: b. Okända: c."


def test_unknown_columns_may_be_allowed_and_optional_ones_left_out():
    rows = read_rows(
        text_lines("a;extra\n1;x\n"), columns=["a"], optional=["b"], allow_unknown=True
    )
    assert list(rows) == [(2, {"a": "1", "extra": "x"})]
    with pytest.raises(RowError, match=r"Saknas: a\.$"):
        list(read_rows(text_lines("b\n1\n"), columns=["a"], allow_unknown=True))


def test_an_empty_file_is_a_wrong_header():
    with pytest.raises(RowError, match=r"Rubrikraden stämmer inte\. Saknas: a, b\. Okända: –\."):
        list(read_rows(text_lines(b""), columns=["a", "b"]))


def test_rows_over_the_limit_stop_the_file():
    rows = read_rows(text_lines("a\n1\n2\n3\n"), columns=["a"], max_rows=2)

    assert [next(rows), next(rows)] == [(2, {"a": "1"}), (3, {"a": "2"})]
    with pytest.raises(RowError) as error:
        next(rows)
    assert str(error.value) == "Rad 4: Filen har fler än 2 rader."


def test_text_that_is_not_csv_is_a_row_error():
    with pytest.raises(RowError, match=r"Rad 2: filen går inte att läsa som CSV"):
        list(read_rows(text_lines('a,b\n"1"x,2\n'), columns=["a", "b"]))


def test_row_cells_strict_and_lenient():
    header_a_b = ["a", "b"]
    too_many = {"a": "1", "b": "2", None: ["3"]}
    too_few = {"a": "1", "b": None}

    with pytest.raises(RowError, match=r"Raden har fler fält än rubrikraden\."):
        row_cells(too_many, header_a_b)
    with pytest.raises(RowError, match=r"Raden har färre fält än rubrikraden\."):
        row_cells(too_few, header_a_b)
    assert row_cells(too_many, header_a_b, strict=False) == {"a": "1", "b": "2"}
    assert row_cells(too_few, header_a_b, strict=False) == {"a": "1", "b": ""}


def test_a_row_error_is_shown_with_its_line_when_it_has_one():
    error = RowError("Fel.", column="a")

    assert str(error) == "Fel."
    assert (str(error.at(7)), error.at(7).line, error.at(7).column) == ("Rad 7: Fel.", 7, "a")


# --- Numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("1 234,5", "1234.5"),
        ("1234.5", "1234.5"),
        ("1234,5", "1234.5"),
        ("1\u00a0234\u00a0567", "1234567"),  # no-break spaces, as Excel writes them
        ("1\u2009234,25", "1234.25"),  # thin space
        ("1\u202f234", "1234"),  # narrow no-break space
        ("−12,5", "-12.5"),  # the minus sign
        ("-12.5", "-12.5"),
        ("+3", "3"),
        (" 0,25 ", "0.25"),
        ("007", "7"),
    ],
)
def test_numbers_as_people_write_them(text, number):
    assert parse_number(text) == Decimal(number)


@pytest.mark.parametrize(
    "text",
    ["", " ", "abc", "1e5", "Infinity", "NaN", "1_000", "12 34", "1 2345", "1.234,5", ",5", "5,",
     "1,2,3", "--1", "− 1", "١٢", "1 234 kr", "0x10", "1" * 101]
)  # fmt: skip
def test_anything_else_is_refused_with_a_swedish_message(text):
    with pytest.raises(RowError) as error:
        parse_number(text)

    assert "är inte ett tal" in error.value.message


SPACES = st.sampled_from([" ", "\u00a0", "\u2009", "\u202f"])


def swedish(value: Decimal, space: str) -> str:
    """The number as a Swedish text would have it: thousands grouped, a decimal comma, −."""
    sign, digits = ("−", -value) if value.is_signed() else ("", value)
    whole, _point, fraction = f"{digits:f}".partition(".")
    groups = []
    while whole:
        whole, group = whole[:-3], whole[-3:]
        groups.insert(0, group)
    return sign + space.join(groups) + ("," + fraction if fraction else "")


@given(
    value=st.integers(0, 12).flatmap(
        lambda places: st.decimals(
            allow_nan=False,
            allow_infinity=False,
            min_value=-(10**15),
            max_value=10**15,
            places=places,
        )
    ),
    space=SPACES,
)
@example(value=Decimal("-0.5"), space=" ")
@example(value=Decimal("1E+3"), space="\u00a0")
def test_any_decimal_written_the_swedish_way_reads_back(value, space):
    assert parse_number(swedish(value, space)) == value


@given(text=st.text(max_size=80))
@example(text="1" * 10_000)
@example(text="\x00")
def test_garbage_is_a_number_or_a_row_error(text):
    try:
        number = parse_number(text)
    except RowError as error:
        assert error.message
        return
    assert isinstance(number, Decimal)
    assert number.is_finite()


# --- A row as a form ---------------------------------------------------------------------


class ExampleRowForm(RowForm):
    name = Cell()
    amount = NumberField(required=True)

    def clean_name(self):
        if not self.cleaned_data["name"]:
            raise ValidationError("name saknas.")
        return self.cleaned_data["name"]

    def clean(self):
        data = super().clean()
        if data.get("amount") is not None and data["amount"] < 0:
            raise ValidationError("Beloppet får inte vara negativt.")
        return data


def test_a_row_form_cleans_a_good_row():
    form = ExampleRowForm({"name": "  Västerås ", "amount": "1 234,5"})

    assert form.row_error(2) is None
    assert form.cleaned_data == {"name": "Västerås", "amount": Decimal("1234.5")}


@pytest.mark.parametrize(
    ("row", "error"),
    [
        ({"name": "", "amount": "x"}, (4, "name", "name saknas.")),  # the first column first
        (
            {"name": "a", "amount": "x"},
            (4, "amount", "”x” är inte ett tal, skriv till exempel 1 234,5."),
        ),
        ({"name": "a", "amount": "−1"}, (4, None, "Beloppet får inte vara negativt.")),
    ],
)
def test_a_row_form_gives_its_first_problem_as_a_row_error(row, error):
    problem = ExampleRowForm(row).row_error(4)

    assert problem is not None
    assert (problem.line, problem.column, problem.message) == error


def test_row_forms_share_their_fields_but_not_their_data():
    first, second = ExampleRowForm({"name": "a", "amount": "1"}), ExampleRowForm({"name": ""})

    assert first.fields is second.fields is ExampleRowForm.base_fields
    assert first.row_error() is None
    assert second.row_error() is not None
    assert first.cleaned_data["name"] == "a"
