"""Swedish organisation numbers (organisationsnummer): ten digits, the last a check digit.

A sole trader's organisation number is the owner's personal identity number, which passes
the same check; it is personal data and is never shown in statistics.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import luhn
from stdnum.exceptions import InvalidChecksum
from stdnum.se import orgnr

# How the number may be typed: ten digits, the hyphen only after the sixth, and a twelve-digit
# form with the century ("16" for legal entities, "19"/"20" for sole traders) is shortened.
# python-stdnum's orgnr is laxer (it drops any hyphen or dot) and checks the check digit.
_SHAPE = re.compile(r"\A(?:16|19|20)?([0-9]{6})-?([0-9]{4})\Z")


def normalise_organisation_number(value: str) -> str:
    """The number as NNNNNN-NNNN, or ValidationError with a Swedish message."""
    match = _SHAPE.fullmatch(value.strip().replace(" ", ""))
    if match is None:
        raise ValidationError(
            _("Organisationsnumret skrivs som 10 siffror: NNNNNN-NNNN."), code="shape"
        )
    try:
        return orgnr.format(orgnr.validate(match.group(1) + match.group(2)))
    except InvalidChecksum:
        raise ValidationError(
            _("Organisationsnumret stämmer inte: kontrollsiffran är fel. Kontrollera numret."),
            code="check_digit",
        ) from None


def validate_organisation_number(value: str) -> None:
    """Model-field validator: the stored value must already be NNNNNN-NNNN and valid."""
    if normalise_organisation_number(value) != value:
        raise ValidationError(
            _("Organisationsnumret skrivs som 10 siffror: NNNNNN-NNNN."), code="shape"
        )


def with_check_digit(first_nine: str) -> str:
    """NNNNNN-NNNN for nine digits, completed with their check digit (for test and demo data)."""
    digits = first_nine + luhn.calc_check_digit(first_nine)
    return orgnr.format(digits)
