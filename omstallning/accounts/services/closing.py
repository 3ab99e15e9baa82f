"""Closing one's own account (GDPR art. 17): every app erases what it may, and keeps what the
law makes the region keep (funding cases); then the account itself is removed."""

import logging

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry

from omstallning.core.typing import Account

from ..personal_data import kept_on_closing, sources
from ..second_factor import needs_second_factor

logger = logging.getLogger(__name__)


@transaction.atomic
def account_close(*, user: Account, password: str) -> list[str]:
    """Erase the person's data and remove the account; what was kept, and why."""
    if not user.check_password(password):
        raise PermissionDenied(_("Lösenordet stämmer inte."))
    if needs_second_factor(user):
        # A staff role is given and taken in the admin, with what it must keep.
        raise ValidationError(
            _("Konton med en roll i regionens arbete stängs av en administratör."),
            code="staff",
        )
    kept = kept_on_closing(user)
    for source in sources():
        source.erase(user)
    # Wagtail's log names the account in every entry about it; entries where the person
    # acted keep only the number of an account that no longer exists.
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_user_model()),
        object_id=str(user.pk),
    ).delete()
    get_user_model().objects.filter(pk=user.pk).delete()
    logger.info("Account %s closed by its owner.", user.pk)
    return kept
