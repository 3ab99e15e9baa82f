"""The signed link in a registration's e-mails: the person's key to see, change or cancel it."""

from django.core import signing
from django.urls import reverse

from .models import Registration

SALT = "omstallning.events.registration"


def registration_token(registration: Registration) -> str:
    # The e-mail address is part of the signed value: a token stops working when the
    # registration is anonymised, and one token never opens another person's registration.
    return signing.dumps([registration.pk, registration.email.lower()], salt=SALT, compress=True)


def registration_from_token(token: str) -> Registration | None:
    try:
        pk, email = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    return (
        Registration.objects.select_related("event", "municipality")
        .filter(pk=pk, email__iexact=email, anonymised_at__isnull=True)
        .first()
    )


def registration_manage_path(registration: Registration) -> str:
    return reverse("events:registration", args=[registration_token(registration)])
