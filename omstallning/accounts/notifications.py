"""E-mails about a person's own second factor: the invitation to enrol one, and a word each
time a device is added or removed, so that nobody can add one to an account unnoticed."""

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


def _send(user: AbstractBaseUser, subject: str, template: str, context: dict) -> bool:
    if not user.email:
        return False
    body = render_to_string(
        template,
        {
            "user": user,
            "platform_name": settings.WAGTAIL_SITE_NAME,
            "account_url": _absolute(reverse("accounts:profile")),
            **context,
        },
    )
    EmailMessage(subject, body, to=[user.email]).send()
    return True


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
