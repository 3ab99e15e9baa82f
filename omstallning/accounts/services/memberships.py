"""Who belongs to an organisation on the platform. A member invites colleagues; someone who
asks to join is let in by a member; anyone may leave. Staff with the right to change
organisations can do the same in the admin."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from omstallning.core.models import Organisation
from omstallning.core.typing import Account

from .. import notifications, tokens
from ..models import Membership
from ..permissions import can_decide_membership

FOUNDED = "accounts.organisation_founded"
INVITED = "accounts.membership_invited"
REQUESTED = "accounts.membership_requested"
JOINED = "accounts.membership_joined"
DECLINED = "accounts.membership_declined"
LEFT = "accounts.membership_left"

Status = Membership.Status


def _already(organisation: Organisation, user: Account) -> Membership | None:
    return Membership.objects.filter(organisation=organisation, user=user).first()


@transaction.atomic
def organisation_join_or_found(
    *, user: Account, name: str, number: str, kind: str = Organisation.Kind.OTHER
) -> Membership:
    """Ask to join the organisation with this number, or found it on the platform: the first
    one in is its first member, and lets in those who come after."""
    organisation = Organisation.objects.filter(organisation_number=number).first()
    if organisation is not None:
        return membership_request(organisation=organisation, user=user)
    organisation = Organisation.objects.create(
        name=name.strip(), organisation_number=number, kind=kind
    )
    membership = Membership.objects.create(
        organisation=organisation, user=user, status=Status.ACTIVE, decided_at=timezone.now()
    )
    log(instance=organisation, action=FOUNDED, user=user)
    return membership


@transaction.atomic
def membership_invite(*, organisation: Organisation, email: str, invited_by: Account) -> Membership:
    if not can_decide_membership(invited_by, organisation):
        raise PermissionDenied(_("Bara organisationens medlemmar kan bjuda in andra."))
    email = email.strip()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ValidationError(_("Personen är redan med i organisationen."), code="member")
    Membership.objects.filter(
        organisation=organisation, email__iexact=email, status=Status.INVITED
    ).delete()
    membership = Membership.objects.create(
        organisation=organisation, email=email, status=Status.INVITED, invited_by=invited_by
    )
    token = tokens.membership_invitation().make(m=membership.pk, e=email.lower())
    notifications.send_membership_invitation(membership, token)
    log(instance=organisation, action=INVITED, user=invited_by, data={"membership": membership.pk})
    return membership


@transaction.atomic
def membership_accept(*, token: str, user: Account) -> Membership:
    """The invited person, logged in with the address the invitation went to, joins."""
    values = tokens.membership_invitation().read(token)
    membership_pk = (values or {}).get("m")
    membership = (
        Membership.objects.select_for_update()
        .filter(pk=membership_pk, status=Status.INVITED)
        .select_related("organisation")
        .first()
        if membership_pk is not None
        else None
    )
    if values is None or membership is None:
        raise ValidationError(
            _("Inbjudan gäller inte längre. Be en medlem att bjuda in dig igen."), code="invalid"
        )
    if user.email.lower() != values.get("e") or membership.email.lower() != values.get("e"):
        raise PermissionDenied(
            _("Inbjudan skickades till en annan e-postadress än den ditt konto har.")
        )
    if _already(membership.organisation, user) is not None:
        membership.delete()
        raise ValidationError(_("Du är redan med i organisationen."), code="member")
    membership.user = user
    membership.status = Status.ACTIVE
    membership.decided_at = timezone.now()
    membership.decided_by = membership.invited_by
    membership.save(update_fields=["user", "status", "decided_at", "decided_by"])
    log(instance=membership.organisation, action=JOINED, user=user)
    return membership


@transaction.atomic
def membership_request(*, organisation: Organisation, user: Account) -> Membership:
    """Ask to join an organisation that is on the platform already; a member lets one in."""
    existing = _already(organisation, user)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            membership = Membership.objects.create(
                organisation=organisation, user=user, status=Status.REQUESTED
            )
    except IntegrityError:
        # The same person's membership was made at the same moment: that one stands.
        existing = _already(organisation, user)
        if existing is None:
            raise
        return existing
    notifications.send_membership_requested(membership)
    log(instance=organisation, action=REQUESTED, user=user)
    return membership


def _pending(membership: Membership, actor: Account) -> Membership:
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if not can_decide_membership(actor, membership.organisation):
        raise PermissionDenied(_("Bara organisationens medlemmar kan släppa in andra."))
    if membership.status != Status.REQUESTED:
        raise ValidationError(_("Förfrågan är redan besvarad."), code="decided")
    return membership


@transaction.atomic
def membership_confirm(*, membership: Membership, actor: Account) -> Membership:
    membership = _pending(membership, actor)
    membership.status = Status.ACTIVE
    membership.decided_by = actor
    membership.decided_at = timezone.now()
    membership.save(update_fields=["status", "decided_by", "decided_at"])
    notifications.send_membership_confirmed(membership)
    log(instance=membership.organisation, action=JOINED, user=actor)
    return membership


@transaction.atomic
def membership_decline(*, membership: Membership, actor: Account) -> None:
    membership = _pending(membership, actor)
    organisation = membership.organisation
    membership.delete()
    log(instance=organisation, action=DECLINED, user=actor)


@transaction.atomic
def membership_leave(*, membership: Membership, user: Account) -> None:
    """A person leaves, or withdraws their request or an invitation they sent."""
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    own = membership.user_id == user.pk
    sent = membership.status == Status.INVITED and membership.invited_by_id == user.pk
    if not (own or sent or can_decide_membership(user, membership.organisation)):
        raise PermissionDenied(_("Du kan inte ta bort någon annans medlemskap."))
    organisation = membership.organisation
    membership.delete()
    log(instance=organisation, action=LEFT, user=user)
