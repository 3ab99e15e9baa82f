"""Invitations to enrol a second factor: a staff account's first device is set up through a
link an administrator sent to the account's own address, never by whoever first knows the
password."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def token_hash(token: str) -> str:
    # Only the hash is stored, so a copy of the database cannot enrol anyone.
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


class TwoFactorInvitationQuerySet(models.QuerySet):
    def valid(self) -> "TwoFactorInvitationQuerySet":
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class TwoFactorInvitation(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="two_factor_invitations",
        verbose_name=_("konto"),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skickad av"),
    )
    expires_at = models.DateTimeField(_("gäller till"))
    used_at = models.DateTimeField(_("använd"), null=True, blank=True)

    objects = TwoFactorInvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("inbjudan till tvåstegsverifiering")
        verbose_name_plural = _("inbjudningar till tvåstegsverifiering")
        ordering = ["-created_at"]
        permissions = [
            (
                "manage_second_factor",
                _("Kan bjuda in till och återställa tvåstegsverifiering för andra"),
            )
        ]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def is_valid(self) -> bool:
        return self.used_at is None and self.expires_at > timezone.now()
