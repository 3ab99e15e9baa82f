"""Links a person gets by e-mail to reach their own record without an account: the record's
id and a hash of its e-mail address, signed. No time stamp, so the link is the same in every
mail; it stops working when the address changes or is erased."""

import hashlib
from typing import TypeVar

from django.core import signing
from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def _fingerprint(email: str) -> str:
    # A hash, so that the address itself never appears in a URL or a log.
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def record_token(salt: str, pk: int, email: str) -> str:
    return signing.Signer(salt=salt).sign_object([pk, _fingerprint(email)])


def record_from_token(salt: str, token: str, records: QuerySet[M]) -> M | None:
    """The record among `records` the token names, if its address is still the one signed."""
    try:
        pk, fingerprint = signing.Signer(salt=salt).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    record = records.filter(pk=pk).first()
    if record is None or _fingerprint(record.email) != fingerprint:
        return None
    return record
