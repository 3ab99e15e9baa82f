"""The signed link in a registration's e-mails: the person's key to see, change or cancel it."""

from django.urls import reverse

from omstallning.core.signed_links import record_from_token, record_token

from .models import Registration

SALT = "omstallning.events.registration"


def registration_token(registration: Registration) -> str:
    # Valid until anonymised: the address, part of the signed value, is gone then.
    return record_token(SALT, registration.pk, registration.email)


def registration_from_token(token: str) -> Registration | None:
    return record_from_token(
        SALT,
        token,
        Registration.objects.select_related("event", "municipality").filter(
            anonymised_at__isnull=True
        ),
    )


def registration_manage_path(registration: Registration) -> str:
    return reverse("events:registration", args=[registration_token(registration)])
