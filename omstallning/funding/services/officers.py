"""A case officer's contact details for the applicants whose cases they handle."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from omstallning.core.typing import Account

from ..models import OfficerContact
from ..permissions import HANDLE


@transaction.atomic
def officer_contact_save(*, user: Account, phone: str, email: str) -> OfficerContact | None:
    """Keep what the officer gives; both empty removes the row (applicants then see the
    region's contact details)."""
    if not user.has_perm(HANDLE):
        raise PermissionDenied(_("Bara handläggare visar kontaktuppgifter för sökande."))
    phone, email = phone.strip(), email.strip()
    if not phone and not email:
        OfficerContact.objects.filter(user=user).delete()
        return None
    contact, _created = OfficerContact.objects.update_or_create(
        user=user, defaults={"phone": phone, "email": email}
    )
    return contact
