"""The signed link in a referral's e-mails: the company's way to follow its case, take back
its consent and rate the help, without an account."""

from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from omstallning.core.signed_links import record_from_token, record_token

from .models import Referral

SALT = "omstallning.actors.referral"


def referral_token(referral: Referral) -> str:
    # Valid until the case is anonymised: the address, part of the signed value, is gone then.
    return record_token(SALT, referral.pk, referral.email)


def referral_from_token(token: str) -> Referral | None:
    return record_from_token(
        SALT,
        token,
        Referral.objects.select_related("actor", "offer").filter(anonymised_at__isnull=True),
    )


def referral_url(referral: Referral) -> str:
    """The absolute link, in the language the company wrote in."""
    with translation.override(referral.language):
        path = reverse("actors:referral", args=[referral_token(referral)])
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def referral_admin_url(referral: Referral) -> str:
    path = reverse("actors_referral:inspect", args=[referral.pk])
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)
