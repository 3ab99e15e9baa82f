"""Who needs a second factor, whether a session has one, and who may add a device.

Every staff role reaches personal and case data, so a staff session counts only once a
second factor is verified in it. The rules live here so that the middleware, the setup
wizard and the funding permissions ask the same questions.
"""

from datetime import datetime, timedelta
from typing import TypeGuard

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone
from django_otp import user_has_device

from omstallning.core.typing import Account, Visitor

from .models import TwoFactorInvitation
from .roles import STAFF_ROLES

# When the password was last given in this session: adding a first device needs a fresh one.
PASSWORD_LOGIN_AT = "accounts_password_login_at"
# The invitation this session may enrol a first device with (set by following its link).
ENROLMENT_INVITATION = "accounts_enrolment_invitation"


def fresh_login_window() -> timedelta:
    return timedelta(minutes=settings.TWO_FACTOR_FRESH_LOGIN_MINUTES)


def needs_second_factor(user: Visitor) -> bool:
    """Anyone with a staff role or any permission at all: they can reach data about others."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return bool(user.get_all_permissions()) or user.groups.filter(name__in=STAFF_ROLES).exists()


def is_verified(user: Visitor) -> TypeGuard[Account]:
    """A second factor was verified in this session (django_otp's OTPMiddleware sets
    otp_device on the request's user). A user object that never went through a request has
    none, and so counts as unverified unless code marks it with trusted_outside_request."""
    return user.is_authenticated and getattr(user, "otp_device", None) is not None


class _VerifiedOutsideRequest:
    """Stands in for a device on a user object that code acts as without any session."""

    persistent_id = "outside-request"


def trusted_outside_request(user: Account) -> Account:
    """For code run with the operator's own access (the demo loader, management commands)
    that acts as a staff member: no person logs in there, so no second factor can be asked."""
    user.otp_device = _VerifiedOutsideRequest()
    return user


def has_device(user: Visitor) -> bool:
    return user.is_authenticated and user_has_device(user, confirmed=True)


def login_is_fresh(request: HttpRequest) -> bool:
    stamp = request.session.get(PASSWORD_LOGIN_AT)
    if not stamp:
        return False
    try:
        logged_in_at = datetime.fromisoformat(stamp)
    except ValueError:
        return False
    return timezone.now() - logged_in_at <= fresh_login_window()


def enrolment_invitation(request: HttpRequest) -> TwoFactorInvitation | None:
    """The still valid invitation this session followed, for its own user."""
    invitation_id = request.session.get(ENROLMENT_INVITATION)
    if not invitation_id or not request.user.is_authenticated:
        return None
    return TwoFactorInvitation.objects.valid().filter(pk=invitation_id, user=request.user).first()


def may_add_first_device(request: HttpRequest) -> bool:
    """A first device needs the password given just now; for staff also a followed invitation
    link, so that knowing the password alone never enrols anyone."""
    if not login_is_fresh(request):
        return False
    if needs_second_factor(request.user):
        return enrolment_invitation(request) is not None
    return True


def remember_password_login(request: HttpRequest) -> None:
    request.session[PASSWORD_LOGIN_AT] = timezone.now().isoformat()
