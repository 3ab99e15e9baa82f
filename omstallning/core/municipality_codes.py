"""Municipality codes (kommunkoder): SCB's four digits, such as 1980 for Västerås.

One rule for the model field, the decisions import and the API's filter, so a code one of
them takes is a code all of them take.
"""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

# [0-9], not \d: \d would let any Unicode digit through.
PATTERN = "[0-9]{4}"
MESSAGE = _("Kommunkoden ska vara fyra siffror, till exempel 1980.")

# \A and \Z: "$" would let a trailing newline through.
municipality_code_validator = RegexValidator(rf"\A{PATTERN}\Z", MESSAGE)
_CODE = re.compile(rf"\A{PATTERN}\Z")


def is_municipality_code(value: str) -> bool:
    return _CODE.fullmatch(value) is not None
