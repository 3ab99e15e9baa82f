"""Swedish organisation numbers (organisationsnummer): ten digits, the last a check digit.

A sole trader's organisation number is the owner's personal identity number, which passes
the same check; it is personal data and is never shown in statistics.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Ten digits, with or without the hyphen; a twelve-digit form with the century ("16" for
# legal entities, "19"/"20" for sole traders) is accepted and shortened.
_SHAPE = re.compile(r"\A(?:16|19|20)?([0-9]{6})-?([0-9]{4})\Z")


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(int(character) for character in digits):
        product = digit * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return total % 10 == 0


def normalise_organisation_number(value: str) -> str:
    """The number as NNNNNN-NNNN, or ValidationError with a Swedish message."""
    match = _SHAPE.fullmatch(value.strip().replace(" ", ""))
    if match is None:
        raise ValidationError(
            _("Organisationsnumret skrivs som 10 siffror: NNNNNN-NNNN."), code="shape"
        )
    digits = match.group(1) + match.group(2)
    if not luhn_ok(digits):
        raise ValidationError(
            _("Organisationsnumret stämmer inte: kontrollsiffran är fel. Kontrollera numret."),
            code="check_digit",
        )
    return f"{match.group(1)}-{match.group(2)}"


def validate_organisation_number(value: str) -> None:
    """Model-field validator: the stored value must already be NNNNNN-NNNN and valid."""
    if normalise_organisation_number(value) != value:
        raise ValidationError(
            _("Organisationsnumret skrivs som 10 siffror: NNNNNN-NNNN."), code="shape"
        )


def with_check_digit(first_nine: str) -> str:
    """NNNNNN-NNNN for nine digits, completed with their check digit (for test and demo data)."""
    for last in "0123456789":
        if luhn_ok(first_nine + last):
            return f"{first_nine[:6]}-{first_nine[6:]}{last}"
    raise AssertionError("unreachable: one of ten digits always completes the sum")
