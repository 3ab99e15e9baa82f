"""Organisation numbers with their check digit, and SNI sections."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from omstallning.core.organisation_numbers import (
    normalise_organisation_number,
    with_check_digit,
)
from omstallning.core.sni import section_of


@pytest.mark.parametrize(
    ("given_number", "stored"),
    [
        ("556036-0793", "556036-0793"),  # a real company's published number
        ("5560360793", "556036-0793"),
        ("16556036-0793", "556036-0793"),
        (" 556036-0793 ", "556036-0793"),
        ("212000-1355", "212000-1355"),
    ],
)
def test_valid_numbers_are_stored_as_nnnnnn_nnnn(given_number, stored):
    assert normalise_organisation_number(given_number) == stored


def test_a_wrong_check_digit_is_refused_in_swedish():
    with pytest.raises(ValidationError) as error:
        normalise_organisation_number("556036-0794")
    assert "kontrollsiffran är fel" in error.value.messages[0]


@pytest.mark.parametrize(
    "number", ["", "55603-60793", "556036-079", "abcdef-ghij", "５５６０３６-０７９３"]
)
def test_bad_shapes_are_refused(number):
    with pytest.raises(ValidationError) as error:
        normalise_organisation_number(number)
    assert error.value.code == "shape"


@given(st.from_regex(r"[0-9]{9}", fullmatch=True), st.integers(0, 9))
def test_exactly_one_last_digit_passes(first_nine, last):
    completed = with_check_digit(first_nine)
    candidate = f"{first_nine[:6]}-{first_nine[6:]}{last}"

    assert completed.startswith(f"{first_nine[:6]}-{first_nine[6:]}")
    if candidate == completed:
        assert normalise_organisation_number(candidate) == completed
    else:
        with pytest.raises(ValidationError) as error:
            normalise_organisation_number(candidate)
        assert error.value.code == "check_digit"


def test_the_check_digit_completes_the_numbers_above():
    assert with_check_digit("556036079") == "556036-0793"
    assert with_check_digit("212000135") == "212000-1355"


@pytest.mark.parametrize(
    ("code", "section"),
    [("01110", "A"), ("25110", "C"), ("35", "D"), ("4711", "G"), ("62010", "J"), ("99000", "U")],
)
def test_sni_sections(code, section):
    assert section_of(code) == section


@pytest.mark.parametrize("code", ["", "1", "00", "04", "34110", "123456", "C", "2511a"])
def test_not_sni_codes(code):
    assert section_of(code) is None
