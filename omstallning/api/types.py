"""Input types for the API's parameters and bodies, with their limits in the OpenAPI schema,
so that clients (and fuzzers) know what is accepted before they send it."""

from typing import Annotated

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from ninja import Path
from pydantic import AfterValidator, Field

# PostgreSQL cannot store a NUL character in text: refuse it as invalid input, never a 500.
NUL_FREE = r"^[^\x00]*$"
# Database ids are 32-bit on every backend; a larger number names nothing.
MAX_ID = 2**31 - 1

Text = Annotated[str, Field(pattern=NUL_FREE)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


def _email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError as error:
        raise ValueError(_("Fyll i en giltig e-postadress.")) from error
    return value


# Django's own rule (the one the site's forms use), declared as format "email".
Email = Annotated[
    str, Field(max_length=254, json_schema_extra={"format": "email"}), AfterValidator(_email)
]
