"""A person's referrals and saved searches (made with their account's address), for their copy
of their data and for closing their account. Without an account, the links in the mails show
and erase the same."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy

from omstallning.accounts.personal_data import register_personal_data

from .models import SavedSearch
from .selectors import person_referral_data, person_referrals
from .services import referrals_anonymise


def referrals_export(user: AbstractBaseUser) -> list[dict]:
    return person_referral_data(user.email) if user.email else []


def referrals_erase(user: AbstractBaseUser) -> None:
    """Closing the account takes back the consent: the details are gone at once."""
    if user.email:
        referrals_anonymise(person_referrals(user.email))


def _saved_searches(user: AbstractBaseUser):
    return SavedSearch.objects.filter(email__iexact=user.email) if user.email else None


def saved_searches_export(user: AbstractBaseUser) -> list[dict]:
    searches = _saved_searches(user)
    if searches is None:
        return []
    return list(searches.values("email", "query", "language", "requested_at", "confirmed_at"))


def saved_searches_erase(user: AbstractBaseUser) -> None:
    searches = _saved_searches(user)
    if searches is not None:
        searches.delete()


def register() -> None:
    register_personal_data(
        "referrals",
        label=gettext_lazy("Lotsningar till aktörer i Hitta stöd"),
        export=referrals_export,
        erase=referrals_erase,
    )
    register_personal_data(
        "saved_searches",
        label=gettext_lazy("Bevakade sökningar i Hitta stöd"),
        export=saved_searches_export,
        erase=saved_searches_erase,
    )
