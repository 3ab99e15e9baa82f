"""A person's referrals (made with their account's address), for their copy of their data and
for closing their account. Without an account, the signed link shows and erases the same."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy

from omstallning.accounts.personal_data import register_personal_data

from .selectors import person_referral_data, person_referrals
from .services import referrals_anonymise


def referrals_export(user: AbstractBaseUser) -> list[dict]:
    return person_referral_data(user.email) if user.email else []


def referrals_erase(user: AbstractBaseUser) -> None:
    """Closing the account takes back the consent: the details are gone at once."""
    if user.email:
        referrals_anonymise(person_referrals(user.email))


def register() -> None:
    register_personal_data(
        "referrals",
        label=gettext_lazy("Lotsningar till aktörer i Hitta stöd"),
        export=referrals_export,
        erase=referrals_erase,
    )
