"""A person's meeting registrations (made with their account's address), for their copy of
their data and for closing their account."""

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omstallning.accounts.personal_data import register_personal_data

from .selectors import person_registration_data, person_registrations
from .services import registrations_anonymise


def events_export(user: AbstractBaseUser) -> list[dict]:
    if not user.email:
        return []
    return person_registration_data(user.email)


def _upcoming(user: AbstractBaseUser):
    return person_registrations(user.email).filter(event__ends_at__gte=timezone.now())


def events_kept(user: AbstractBaseUser) -> list[str]:
    if not user.email:
        return []
    return [
        _(
            "Din anmälan till ”%(title)s” gäller tills träffen har varit; avanmäl dig med länken "
            "i bekräftelsemejlet om du inte kommer."
        )
        % {"title": registration.event.title}
        for registration in _upcoming(user)
    ]


def events_erase(user: AbstractBaseUser) -> None:
    """Past meetings' registrations are anonymised at once (the counts stay)."""
    if user.email:
        registrations_anonymise(
            person_registrations(user.email).filter(event__ends_at__lt=timezone.now())
        )


def register() -> None:
    register_personal_data(
        "meetings",
        label=gettext_lazy("Anmälningar till träffar"),
        export=events_export,
        erase=events_erase,
        kept=events_kept,
    )
