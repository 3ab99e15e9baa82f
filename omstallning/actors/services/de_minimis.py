"""Writes for the de minimis aid a company notes: only its own members, and only what was
granted already."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from omstallning.accounts.permissions import is_member
from omstallning.core.models import Organisation
from omstallning.core.typing import Account

from ..models import DeMinimisAid


@transaction.atomic
def de_minimis_note(
    *,
    user: Account,
    organisation: Organisation,
    granted_on: datetime.date,
    amount_eur: Decimal,
    grantor: str,
    description: str = "",
) -> DeMinimisAid:
    if not is_member(user, organisation):
        raise PermissionDenied
    if granted_on > timezone.localdate():
        raise ValidationError(_("Anteckna stöd som redan är beviljat: datumet är i framtiden."))
    return DeMinimisAid.objects.create(
        organisation=organisation,
        granted_on=granted_on,
        amount_eur=amount_eur,
        grantor=grantor.strip(),
        description=description.strip(),
        created_by=user,
    )


@transaction.atomic
def de_minimis_remove(*, user: Account, aid: DeMinimisAid) -> None:
    if not is_member(user, aid.organisation):
        raise PermissionDenied
    aid.delete()
