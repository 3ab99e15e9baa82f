"""What the contact form and the subscriptions hold about a person with an account (the
account's own address), for their copy of their data and for closing their account.

Closing the account ends a subscription at once. Messages written through the contact form
are part of the region's handling of a matter, not of the account: they stay until the
retention rule deletes them, and an administrator can erase them sooner on request (the admin's
"Personuppgifter i meddelanden och prenumerationer")."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.utils.translation import gettext_lazy, ngettext

from omstallning.accounts.personal_data import register_personal_data

from . import selectors, services


def contact_export(user: AbstractBaseUser) -> dict:
    if not user.email:
        return {"messages": [], "subscription": None}
    return selectors.person_data(user.email)


def contact_kept(user: AbstractBaseUser) -> list[str]:
    if not user.email:
        return []
    count = selectors.person_messages(user.email).count()
    if not count:
        return []
    days = settings.CONTACT_MESSAGE_RETENTION_DAYS
    return [
        ngettext(
            "Ditt meddelande via kontaktformuläret finns kvar tills det raderas %(days)s dagar "
            "efter att ärendet senast ändrades. Vill du att det raderas tidigare, skriv till oss.",
            "Dina %(count)s meddelanden via kontaktformuläret finns kvar tills de raderas "
            "%(days)s dagar efter att ärendet senast ändrades. Vill du att de raderas tidigare, "
            "skriv till oss.",
            count,
        )
        % {"count": count, "days": days}
    ]


def contact_erase(user: AbstractBaseUser) -> None:
    if user.email and (subscription := selectors.person_subscription(user.email)):
        services.subscription_end(subscription=subscription)


def register() -> None:
    register_personal_data(
        "contact",
        label=gettext_lazy("Meddelanden och prenumerationer"),
        export=contact_export,
        erase=contact_erase,
        kept=contact_kept,
    )
