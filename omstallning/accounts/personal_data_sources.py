"""What accounts itself holds about a person, for the export and for closing the account."""

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from wagtail.models import ModelLogEntry

from .personal_data import register_personal_data
from .selectors import roles_of


def _when(moment) -> str | None:
    return moment.isoformat() if moment else None


def account_export(user: AbstractBaseUser) -> dict:
    own = getattr(user, "self_service", None)
    history = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    ).order_by("timestamp")
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": _when(user.date_joined),
        "last_login": _when(user.last_login),
        "roles": [role["name"] for role in roles_of(user)],
        "self_service": {
            "kind": own.kind,
            "created_at": _when(own.created_at),
            "confirmed_at": _when(own.confirmed_at),
            "terms_accepted_at": _when(own.terms_accepted_at),
        }
        if own
        else None,
        "memberships": [
            {
                "organisation": membership.organisation.name,
                "organisation_number": membership.organisation.organisation_number,
                "status": membership.status,
                "since": _when(membership.decided_at or membership.created_at),
            }
            for membership in user.memberships.select_related("organisation")
        ],
        # What kind of second factor, never its secret.
        "second_factor": [
            {"kind": device.__class__.__name__, "name": device.name}
            for device in devices_for_user(user, confirmed=None)
        ],
        "history": [{"when": _when(entry.timestamp), "action": entry.action} for entry in history],
    }


def account_erase(user: AbstractBaseUser) -> None:
    """Memberships, devices, invitations and the sign-up record go with the account row."""


def register() -> None:
    register_personal_data(
        "account",
        label=_("Kontot"),
        export=account_export,
        erase=account_erase,
    )
