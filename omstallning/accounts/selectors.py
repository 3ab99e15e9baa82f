from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet
from django_otp import devices_for_user

from omstallning.core.typing import Account

from .models import Membership, TwoFactorInvitation
from .roles import ROLE_DESCRIPTIONS, STAFF_ROLES


def roles_of(user: Account) -> list[dict]:
    names = user.groups.order_by("name").values_list("name", flat=True)
    return [{"name": name, "description": ROLE_DESCRIPTIONS.get(name, "")} for name in names]


def staff_accounts() -> QuerySet:
    """Active accounts that need a second factor: staff roles, staff flags or own rights."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_staff=True)
            | Q(is_superuser=True)
            | Q(groups__name__in=STAFF_ROLES)
            | Q(groups__permissions__isnull=False)
            | Q(user_permissions__isnull=False)
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@dataclass(frozen=True)
class SecondFactorState:
    user: Account
    devices: list[str]
    invitation: TwoFactorInvitation | None


def second_factor_states(users: QuerySet) -> list[SecondFactorState]:
    invitations = {
        invitation.user_id: invitation
        for invitation in TwoFactorInvitation.objects.valid().filter(user__in=users)
    }
    return [
        SecondFactorState(
            user=user,
            devices=[device.__class__.__name__ for device in devices_for_user(user)],
            invitation=invitations.get(user.pk),
        )
        for user in users
    ]


def memberships_of(user: Account) -> QuerySet[Membership]:
    """The person's organisations, each with its members and open invitations."""
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .prefetch_related("organisation__memberships__user")
        .order_by("organisation__name")
    )


def requests_to_decide(user: Account) -> QuerySet[Membership]:
    """Requests to join the organisations the person is a member of."""
    organisations = Membership.objects.active().filter(user=user).values("organisation")
    return (
        Membership.objects.filter(
            status=Membership.Status.REQUESTED, organisation__in=organisations
        )
        .exclude(user=user)
        .select_related("organisation", "user")
        .order_by("created_at")
    )


def open_membership_requests() -> QuerySet[Membership]:
    """Every request not yet answered; those no member can answer first."""
    members = Membership.objects.filter(
        organisation=OuterRef("organisation"), status=Membership.Status.ACTIVE
    )
    return (
        Membership.objects.filter(status=Membership.Status.REQUESTED)
        .annotate(has_members=Exists(members))
        .select_related("organisation", "user")
        .order_by("has_members", "created_at")
    )
