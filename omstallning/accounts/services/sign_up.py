"""Accounts that company owners and actors make themselves: usable only once the address is
confirmed through the link mailed to it, and with no rights beyond their own role."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from wagtail.admin.localization import get_available_admin_languages
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from omstallning.core.models import Organisation
from omstallning.core.typing import Account

from .. import notifications, tokens
from ..models import SelfServiceAccount
from ..roles import ACTOR, BUSINESS_OWNER
from .memberships import organisation_join_or_found

SIGNED_UP = "accounts.signed_up"
CONFIRMED = "accounts.confirmed"

# Keyed by the stored value, as SignUpDetails.kind and SelfServiceAccount.kind hold it.
ROLE_OF: dict[str, str] = {
    SelfServiceAccount.Kind.BUSINESS_OWNER: BUSINESS_OWNER,
    SelfServiceAccount.Kind.ACTOR: ACTOR,
}
ORGANISATION_KIND_OF: dict[str, str] = {
    SelfServiceAccount.Kind.BUSINESS_OWNER: Organisation.Kind.COMPANY,
    SelfServiceAccount.Kind.ACTOR: Organisation.Kind.BUSINESS_SUPPORT,
}


@dataclass(frozen=True)
class SignUpDetails:
    first_name: str
    last_name: str
    email: str
    password: str
    kind: str
    organisation_name: str = ""
    organisation_number: str = ""  # already NNNNNN-NNNN


def email_taken(email: str, *, except_user: Account | None = None) -> bool:
    users = get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))
    if except_user is not None:
        users = users.exclude(pk=except_user.pk)
    return users.exists()


@transaction.atomic
def account_sign_up(*, details: SignUpDetails) -> Account | None:
    """A new, inactive account and a confirmation link to its address. For an address that
    has an account already, that account's owner is told instead, and the answer is the same:
    nobody learns from the form who has an account here."""
    email = details.email.strip()
    if email_taken(email):
        notifications.send_account_exists(email)
        return None
    user = get_user_model().objects.create_user(
        username=email.lower()[:150],
        email=email,
        password=details.password,
        first_name=details.first_name.strip(),
        last_name=details.last_name.strip(),
        is_active=False,
    )
    user.groups.add(Group.objects.get(name=ROLE_OF[details.kind]))
    _keep_language(user, translation.get_language())
    SelfServiceAccount.objects.create(
        user=user,
        kind=details.kind,
        terms_accepted_at=timezone.now(),
        organisation_name=details.organisation_name.strip(),
        organisation_number=details.organisation_number,
    )
    notifications.send_sign_up_confirmation(user, tokens.sign_up().make(u=user.pk, e=email))
    log(instance=user, action=SIGNED_UP, user=None)
    return user


def _keep_language(user: Account, language: str | None) -> None:
    """The language the person signed up in, for every mail the platform sends them later
    (and for the admin, should they ever get to it), if the admin speaks it."""
    if language in dict(get_available_admin_languages()):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


@transaction.atomic
def account_confirm(*, token: str) -> Account | None:
    """Open the account the link was made for; None for a link that is broken or too old."""
    values = tokens.sign_up().read(token)
    if values is None or values.get("u") is None:
        return None
    user = (
        get_user_model()
        .objects.select_for_update()
        .filter(pk=values["u"], email=values.get("e"), self_service__isnull=False)
        .first()
    )
    if user is None:
        return None
    account = user.self_service
    if account.confirmed_at is not None:
        return user
    user.is_active = True
    user.save(update_fields=["is_active"])
    account.confirmed_at = timezone.now()
    account.save(update_fields=["confirmed_at"])
    if account.organisation_number:
        organisation_join_or_found(
            user=user,
            name=account.organisation_name,
            number=account.organisation_number,
            kind=ORGANISATION_KIND_OF[account.kind],
        )
    log(instance=user, action=CONFIRMED, user=user)
    return user


@transaction.atomic
def unused_accounts_remove(*, now=None) -> int:
    """Retention: self-made accounts never confirmed, and confirmed ones never logged in to,
    are removed after ACCOUNT_UNCONFIRMED_DAYS and ACCOUNT_UNUSED_DAYS."""
    now = now or timezone.now()
    accounts = SelfServiceAccount.objects.filter(
        Q(
            confirmed_at__isnull=True,
            created_at__lt=now - timedelta(days=settings.ACCOUNT_UNCONFIRMED_DAYS),
        )
        | Q(
            confirmed_at__lt=now - timedelta(days=settings.ACCOUNT_UNUSED_DAYS),
            user__last_login__isnull=True,
        )
    )
    users = get_user_model().objects.filter(self_service__in=accounts)
    count = users.count()
    users.delete()
    return count
