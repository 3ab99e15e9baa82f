"""Region data rejects bad input with a Swedish message, and accepts what is valid."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import example, given
from hypothesis import strategies as st

from omstallning.core.models import ContactPerson, Municipality, Organisation

from .factories import (
    ContactPersonFactory,
    MunicipalityFactory,
    OrganisationFactory,
    RegionFactory,
)

MUNICIPALITY_CODE = re.compile(r"[0-9]{4}")
ORGANISATION_NUMBER = re.compile(r"[0-9]{6}-[0-9]{4}")
PHONE = re.compile(r"[0-9 +()\-]{5,25}")


def field_errors(instance, field: str) -> list[str]:
    """The Swedish messages full_clean() gives for one field ([] if it is valid)."""
    with translation.override("sv"):
        try:
            instance.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            return [str(message) for message in error.message_dict.get(field, [])]
    return []


@pytest.mark.parametrize("code", ["198", "19800", "19a0", "١٩٨٠", "1980\n", " 1980", "-198"])
def test_municipality_code_rejects_bad_codes_in_swedish(db, code):
    municipality = MunicipalityFactory.build(code=code, region=None)

    assert "Kommunkoden ska vara fyra siffror, till exempel 1980." in field_errors(
        municipality, "code"
    )


def test_municipality_code_is_required(db):
    municipality = MunicipalityFactory.build(code="", region=None)

    assert field_errors(municipality, "code") == ["Detta fält får inte vara tomt."]


@given(code=st.text(max_size=6))
@example(code="1980\n")
@example(code="١٩٨٠")
def test_municipality_code_accepts_exactly_four_ascii_digits(db, code):
    municipality = MunicipalityFactory.build(code=code, region=region())

    errors = field_errors(municipality, "code")

    assert (errors == []) == bool(MUNICIPALITY_CODE.fullmatch(code))


@pytest.mark.parametrize(
    "number", ["5566778899", "556677-889", "556677 8899", "55667-78899", "556677-8899\n", "x"]
)
def test_organisation_number_rejects_bad_numbers_in_swedish(db, number):
    organisation = OrganisationFactory.build(organisation_number=number)

    assert "Organisationsnumret skrivs som 10 siffror: NNNNNN-NNNN." in field_errors(
        organisation, "organisation_number"
    )


@given(number=st.one_of(st.text(max_size=11), st.from_regex(r"[0-9]{6}-[0-9]{4}", fullmatch=True)))
@example(number="５５６６７７-８８９９")
@example(number="556677-889\n")
@example(number="556036-0793")
@example(number="556036-0794")
def test_organisation_number_accepts_only_nnnnnn_nnnn_with_its_check_digit(db, number):
    organisation = OrganisationFactory.build(organisation_number=number)

    errors = field_errors(organisation, "organisation_number")

    valid = number == "" or bool(
        ORGANISATION_NUMBER.fullmatch(number) and luhn_sum(number.replace("-", "")) % 10 == 0
    )
    assert (errors == []) == valid


def luhn_sum(digits: str) -> int:
    """The Luhn sum, written out here as the test's own oracle (the code uses python-stdnum)."""
    doubled = [int(d) * 2 if i % 2 == 0 else int(d) for i, d in enumerate(digits)]
    return sum(n - 9 if n > 9 else n for n in doubled)


@pytest.mark.parametrize(
    "phone", ["021", "021-123 45 ab", "021/123456", "+46 (0)21; 123", "0211234\n"]
)
def test_phone_rejects_bad_numbers_in_swedish(site, phone):
    person = ContactPersonFactory.build(phone=phone)

    assert (
        "Telefonnumret får bara innehålla siffror, mellanslag, +, - och parenteser."
        in field_errors(person, "phone")
    )


@given(phone=st.one_of(st.text(max_size=26), st.from_regex(r"[0-9 +()\-]{5,25}", fullmatch=True)))
@example(phone="021-123456\n")
def test_phone_accepts_only_digits_spaces_plus_dashes_and_parentheses(site, phone):
    person = ContactPersonFactory.build(phone=phone)

    errors = field_errors(person, "phone")

    valid = phone == "" or bool(PHONE.fullmatch(phone))
    assert (errors == []) == valid


def test_valid_region_data_saves(db):
    municipality = MunicipalityFactory(code="2080")
    organisation = OrganisationFactory(organisation_number="212000-2080", municipality=municipality)

    municipality.full_clean()
    organisation.full_clean()
    assert Municipality.objects.filter(code="2080").exists()
    assert Organisation.objects.get(pk=organisation.pk).municipality == municipality


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("021 - 4818274", "tel:+46214818274"),
        ("08-123 456 78", "tel:+46812345678"),
        ("+46 21 481 82 74", "tel:+46214818274"),
        ("0046 21 481 82 74", "tel:+46214818274"),
        ("+47 22 00 00 00", "tel:+4722000000"),
    ],
)
def test_phone_link_is_in_international_form(phone, href):
    assert ContactPerson(phone=phone).phone_href == href


def region():
    from omstallning.core.models import Region

    return Region.objects.first() or RegionFactory()
