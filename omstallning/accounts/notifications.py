"""E-mails about a person's own account: confirming it and its address, the invitation to
enrol a second factor, a word each time a device is added or removed (so that nobody can add
one unnoticed), and memberships of organisations.

A mail to an address nobody has confirmed yet carries only the platform's own text: never a
name or anything else the person who typed the address chose (security finding L4)."""

from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omstallning.core.mail import send_templated
from omstallning.core.translation import user_language

from .models import TwoFactorInvitation

# Each mail is in its reader's language: the one in their profile, stored at sign-up (or
# chosen in the admin). An address with no account behind it gets the site's first language,
# or the inviter's. The links are reversed in that language.


def _absolute(path: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def _account_links() -> dict:
    return {
        "account_url": _absolute(reverse("accounts:profile")),
        "login_url": _absolute(reverse("two_factor:login")),
    }


def _platform() -> dict:
    return {"platform": settings.WAGTAIL_SITE_NAME}


def _account_for(address: str) -> AbstractBaseUser | None:
    return get_user_model().objects.filter(email__iexact=address).order_by("pk").first()


def invitation_url(token: str) -> str:
    return _absolute(reverse("accounts:two_factor_invitation", args=[token]))


def send_invitation(invitation: TwoFactorInvitation, token: str) -> bool:
    user = invitation.user
    return send_templated(
        to=user.email,
        subject=_("Aktivera tvåstegsverifiering för ditt konto på %(platform)s"),
        subject_values=_platform(),
        template="accounts/email/two_factor_invitation.txt",
        context=lambda: {
            **_account_links(),
            "user": user,
            "invitation": invitation,
            "url": invitation_url(token),
        },
        language=user_language(user),
    )


def send_device_change(user: AbstractBaseUser, *, added: bool, device_name: str) -> bool:
    return send_templated(
        to=user.email,
        subject=(
            _("En inloggningsmetod lades till på ditt konto")
            if added
            else _("En inloggningsmetod togs bort från ditt konto")
        ),
        template="accounts/email/device_changed.txt",
        context=lambda: {
            **_account_links(),
            "user": user,
            "added": added,
            "device_name": device_name,
            "when": timezone.localtime(),
        },
        language=user_language(user),
    )


def send_sign_up_confirmation(user: AbstractBaseUser, token: str) -> bool:
    return send_templated(
        to=user.email,
        subject=_("Bekräfta ditt konto på %(platform)s"),
        subject_values=_platform(),
        template="accounts/email/sign_up_confirmation.txt",
        context=lambda: {
            "url": _absolute(reverse("accounts:confirm", args=[token])),
            "hours": settings.ACCOUNT_CONFIRMATION_HOURS,
        },
        language=user_language(user),
    )


def send_account_exists(address: str) -> bool:
    return send_templated(
        to=address,
        subject=_("Du har redan ett konto på %(platform)s"),
        subject_values=_platform(),
        template="accounts/email/account_exists.txt",
        context=lambda: {
            **_account_links(),
            "reset_url": _absolute(reverse("accounts:password_reset")),
        },
        language=user_language(_account_for(address)) if address else settings.LANGUAGE_CODE,
    )


def send_email_change_confirmation(user: AbstractBaseUser, address: str, token: str) -> bool:
    return send_templated(
        to=address,
        subject=_("Bekräfta din nya e-postadress"),
        template="accounts/email/email_change_confirmation.txt",
        context=lambda: {
            "url": _absolute(reverse("accounts:email_confirm", args=[token])),
            "hours": settings.ACCOUNT_CONFIRMATION_HOURS,
        },
        language=user_language(user),
    )


def send_email_changed_notice(user: AbstractBaseUser, old_address: str) -> bool:
    return send_templated(
        to=old_address,
        subject=_("Din e-postadress har bytts"),
        template="accounts/email/email_changed.txt",
        context=lambda: {"user": user, "when": timezone.localtime()},
        language=user_language(user),
    )


def send_membership_invitation(membership, token: str) -> bool:
    # The invited person's own language if the address has an account, else the inviter's.
    invited = _account_for(membership.email) if membership.email else None
    return send_templated(
        to=membership.email,
        subject=_("Inbjudan till %(organisation)s på %(platform)s"),
        subject_values={"organisation": membership.organisation.name, **_platform()},
        template="accounts/email/membership_invitation.txt",
        context=lambda: {
            "membership": membership,
            "url": _absolute(reverse("accounts:membership_accept", args=[token])),
            "sign_up_url": _absolute(reverse("accounts:sign_up")),
            "days": settings.MEMBERSHIP_INVITATION_DAYS,
        },
        language=user_language(invited or membership.invited_by),
    )


def send_membership_requested(membership) -> int:
    """To every member who can let the person in, each in their own language."""
    sent = 0
    values = {
        "name": membership.user.get_full_name() or membership.user.get_username(),
        "organisation": membership.organisation.name,
    }
    for member in membership.organisation.memberships.active().select_related("user"):
        sent += send_templated(
            to=member.user.email,
            subject=_("%(name)s vill gå med i %(organisation)s"),
            subject_values=values,
            template="accounts/email/membership_requested.txt",
            context=lambda member=member: {
                **_account_links(),
                "user": member.user,
                "membership": membership,
            },
            language=user_language(member.user),
        )
    return sent


def send_membership_confirmed(membership) -> bool:
    user = membership.user
    return send_templated(
        to=user.email,
        subject=_("Du är med i %(organisation)s"),
        subject_values={"organisation": membership.organisation.name},
        template="accounts/email/membership_confirmed.txt",
        context=lambda: {**_account_links(), "user": user, "membership": membership},
        language=user_language(user),
    )
