"""Writes about people's second factor: invitations to enrol one, and a reset when a phone is
lost. Each checks the actor's permission and leaves an entry in Wagtail's log."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user, user_has_device
from wagtail.log_actions import log

from omstallning.core.typing import Account

from .. import notifications
from ..models import TwoFactorInvitation, new_token, token_hash
from ..permissions import can_manage_second_factor

INVITED = "accounts.second_factor_invited"
ENROLLED = "accounts.second_factor_enrolled"
RESET = "accounts.second_factor_reset"


@dataclass(frozen=True)
class SentInvitation:
    invitation: TwoFactorInvitation
    url: str
    mailed: bool


def _check(actor: Account | None) -> None:
    # None is the operator at the command line, who already has the database.
    if actor is not None and not can_manage_second_factor(actor):
        raise PermissionDenied(_("Bara en administratör får hantera andras tvåstegsverifiering."))


@transaction.atomic
def invitation_send(*, user: Account, actor: Account | None, mail: bool = True) -> SentInvitation:
    """A new link for user to enrol a device with; earlier unused links stop working."""
    _check(actor)
    if not user.is_active:
        raise ValidationError(_("Kontot är inte aktivt."), code="inactive")
    if user_has_device(user, confirmed=True):
        raise ValidationError(
            _(
                "Kontot har redan tvåstegsverifiering. Har personen tappat bort telefonen, "
                "återställ först och skicka sedan en ny inbjudan."
            ),
            code="has_device",
        )
    TwoFactorInvitation.objects.filter(user=user, used_at__isnull=True).delete()
    token = new_token()
    invitation = TwoFactorInvitation.objects.create(
        user=user,
        token_hash=token_hash(token),
        created_by=actor,
        expires_at=timezone.now() + timedelta(hours=settings.TWO_FACTOR_INVITATION_HOURS),
    )
    mailed = mail and notifications.send_invitation(invitation, token)
    log(instance=user, action=INVITED, user=actor, data={"mailed": mailed})
    return SentInvitation(invitation, notifications.invitation_url(token), mailed)


def invitation_for_token(token: str) -> TwoFactorInvitation | None:
    return TwoFactorInvitation.objects.filter(token_hash=token_hash(token)).first()


@transaction.atomic
def invitation_use(*, invitation: TwoFactorInvitation, user: Account) -> None:
    """The device is set up: the link is spent."""
    if invitation.user_id != user.pk:
        raise PermissionDenied
    TwoFactorInvitation.objects.filter(pk=invitation.pk).update(used_at=timezone.now())
    log(instance=user, action=ENROLLED, user=user)


@transaction.atomic
def second_factor_reset(*, user: Account, actor: Account) -> int:
    """Remove every device (a lost phone): the person enrols again through a new invitation."""
    _check(actor)
    if actor.pk == user.pk:
        raise ValidationError(
            _("Du kan inte återställa din egen tvåstegsverifiering. Be en annan administratör."),
            code="own",
        )
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    log(instance=user, action=RESET, user=actor, data={"devices": removed})
    return removed
