"""A visitor's consent, as carried in a signed first-party cookie."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from wagtail.models import Site

_SALT = "omstallning.consent"


@dataclass(frozen=True)
class ConsentState:
    consent_id: uuid.UUID
    statistics: bool
    third_party: bool
    policy_version: int


def current_policy_version(request: HttpRequest) -> int:
    from .models import ConsentSettings

    site = Site.find_for_request(request)
    if site is None:
        return 1
    return ConsentSettings.for_site(site).policy_version


def read_consent(request: HttpRequest) -> ConsentState | None:
    """The visitor's consent if it was given under the current policy version, else None."""
    if hasattr(request, "_consent_state"):
        return request._consent_state
    state = None
    try:
        raw = request.get_signed_cookie(settings.CONSENT_COOKIE_NAME, salt=_SALT)
        consent_id, version, statistics, third_party = raw.split(":")
        state = ConsentState(
            consent_id=uuid.UUID(consent_id),
            statistics=statistics == "1",
            third_party=third_party == "1",
            policy_version=int(version),
        )
    except (KeyError, ValueError, signing.BadSignature):
        state = None
    if state is not None and state.policy_version != current_policy_version(request):
        state = None
    request._consent_state = state
    return state


def write_consent(response: HttpResponse, state: ConsentState) -> None:
    value = ":".join(
        [
            str(state.consent_id),
            str(state.policy_version),
            "1" if state.statistics else "0",
            "1" if state.third_party else "0",
        ]
    )
    response.set_signed_cookie(
        settings.CONSENT_COOKIE_NAME,
        value,
        salt=_SALT,
        max_age=settings.CONSENT_COOKIE_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
