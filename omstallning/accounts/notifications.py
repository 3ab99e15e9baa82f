"""E-mails about a person's own account: confirming it and its address, the invitation to
enrol a second factor, a word each time a device is added or removed (so that nobody can add
one unnoticed), and memberships of organisations.

A mail to an address nobody has confirmed yet carries only the platform's own text: never a
name or anything else the person who typed the address chose (security finding L4)."""

from urllib.parse import urljoin

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import TwoFactorInvitation


def _absolute(path: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def _send_to(address: str, subject: str, template: str, context: dict) -> bool:
    if not address:
        return False
    body = render_to_string(
        template,
        {
            "platform_name": settings.WAGTAIL_SITE_NAME,
            "account_url": _absolute(reverse("accounts:profile")),
            "login_url": _absolute(reverse("two_factor:login")),
            **context,
        },
    )
    EmailMessage(subject, body, to=[address]).send()
    return True


def _send(user: AbstractBaseUser, subject: str, template: str, context: dict) -> bool:
    return _send_to(user.email, subject, template, {"user": user, **context})


def invitation_url(token: str) -> str:
    return _absolute(reverse("accounts:two_factor_invitation", args=[token]))


def send_invitation(invitation: TwoFactorInvitation, token: str) -> bool:
    return _send(
        invitation.user,
        _("Aktivera tvåstegsverifiering för ditt konto på %(platform)s")
        % {"platform": settings.WAGTAIL_SITE_NAME},
        "accounts/email/two_factor_invitation.txt",
        {"invitation": invitation, "url": invitation_url(token)},
    )


def send_device_change(user: AbstractBaseUser, *, added: bool, device_name: str) -> bool:
    subject = (
        _("En inloggningsmetod lades till på ditt konto")
        if added
        else _("En inloggningsmetod togs bort från ditt konto")
    )
    return _send(
        user,
        subject,
        "accounts/email/device_changed.txt",
        {"added": added, "device_name": device_name, "when": timezone.localtime()},
    )


def send_sign_up_confirmation(user: AbstractBaseUser, token: str) -> bool:
    return _send_to(
        user.email,
        _("Bekräfta ditt konto på %(platform)s") % {"platform": settings.WAGTAIL_SITE_NAME},
        "accounts/email/sign_up_confirmation.txt",
        {
            "url": _absolute(reverse("accounts:confirm", args=[token])),
            "hours": settings.ACCOUNT_CONFIRMATION_HOURS,
        },
    )


def send_account_exists(address: str) -> bool:
    return _send_to(
        address,
        _("Du har redan ett konto på %(platform)s") % {"platform": settings.WAGTAIL_SITE_NAME},
        "accounts/email/account_exists.txt",
        {"reset_url": _absolute(reverse("accounts:password_reset"))},
    )


def send_email_change_confirmation(user: AbstractBaseUser, address: str, token: str) -> bool:
    return _send_to(
        address,
        _("Bekräfta din nya e-postadress"),
        "accounts/email/email_change_confirmation.txt",
        {
            "url": _absolute(reverse("accounts:email_confirm", args=[token])),
            "hours": settings.ACCOUNT_CONFIRMATION_HOURS,
        },
    )


def send_email_changed_notice(user: AbstractBaseUser, old_address: str) -> bool:
    return _send_to(
        old_address,
        _("Din e-postadress har bytts"),
        "accounts/email/email_changed.txt",
        {"user": user, "when": timezone.localtime()},
    )


def send_membership_invitation(membership, token: str) -> bool:
    return _send_to(
        membership.email,
        _("Inbjudan till %(organisation)s på %(platform)s")
        % {"organisation": membership.organisation.name, "platform": settings.WAGTAIL_SITE_NAME},
        "accounts/email/membership_invitation.txt",
        {
            "membership": membership,
            "url": _absolute(reverse("accounts:membership_accept", args=[token])),
            "sign_up_url": _absolute(reverse("accounts:sign_up")),
            "days": settings.MEMBERSHIP_INVITATION_DAYS,
        },
    )


def send_membership_requested(membership) -> int:
    """To every member who can let the person in."""
    sent = 0
    for member in membership.organisation.memberships.active().select_related("user"):
        sent += _send(
            member.user,
            _("%(name)s vill gå med i %(organisation)s")
            % {
                "name": membership.user.get_full_name() or membership.user.get_username(),
                "organisation": membership.organisation.name,
            },
            "accounts/email/membership_requested.txt",
            {"membership": membership},
        )
    return sent


def send_membership_confirmed(membership) -> bool:
    return _send(
        membership.user,
        _("Du är med i %(organisation)s") % {"organisation": membership.organisation.name},
        "accounts/email/membership_confirmed.txt",
        {"membership": membership},
    )
