"""The signed link in a registration's e-mails: the person's key to see, change or cancel it."""

import hashlib

from django.core import signing
from django.urls import reverse

from .models import Registration

SALT = "omstallning.events.registration"


def _fingerprint(email: str) -> str:
    # Part of the signed value, so that a link stops working once the registration is
    # anonymised; a hash, so that the address itself never appears in a URL or a log.
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def registration_token(registration: Registration) -> str:
    # No timestamp: the link is the same in every e-mail and stays valid until anonymised.
    return signing.Signer(salt=SALT).sign_object(
        [registration.pk, _fingerprint(registration.email)]
    )


def registration_from_token(token: str) -> Registration | None:
    try:
        pk, fingerprint = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    registration = (
        Registration.objects.select_related("event", "municipality")
        .filter(pk=pk, anonymised_at__isnull=True)
        .first()
    )
    if registration is None or _fingerprint(registration.email) != fingerprint:
        return None
    return registration


def registration_manage_path(registration: Registration) -> str:
    return reverse("events:registration", args=[registration_token(registration)])
