"""What accounts add to Django's users: invitations to enrol a second factor (a staff account's
first device is set up through a link an administrator sent to the account's own address,
never by whoever first knows the password), accounts people made themselves, and their
memberships of organisations."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class SelfServiceAccount(models.Model):
    """An account a company owner or an actor made themselves. Such an account starts with no
    rights at all: roles beyond its own are only ever given by an administrator."""

    class Kind(models.TextChoices):
        BUSINESS_OWNER = "business_owner", _("Företagare")
        ACTOR = "actor", _("Aktör")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="self_service",
        verbose_name=_("konto"),
    )
    kind = models.CharField(_("jag är"), max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("e-post bekräftad"), null=True, blank=True)
    terms_accepted_at = models.DateTimeField(_("villkoren godkända"))
    # The organisation named at sign-up, joined or founded once the address is confirmed.
    organisation_name = models.CharField(_("organisationens namn"), max_length=200, blank=True)
    organisation_number = models.CharField(_("organisationsnummer"), max_length=11, blank=True)

    class Meta:
        verbose_name = _("eget konto")
        verbose_name_plural = _("egna konton")

    def __str__(self) -> str:
        return str(self.user)


class MembershipQuerySet(models.QuerySet):
    def active(self) -> "MembershipQuerySet":
        return self.filter(status=Membership.Status.ACTIVE)


class Membership(models.Model):
    """A person's place in an organisation: invited by a member, asked for and confirmed by a
    member, or the first one, who founded it on the platform."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Inbjuden")
        REQUESTED = "requested", _("Väntar på bekräftelse")
        ACTIVE = "active", _("Medlem")

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("person"),
    )
    # Whom an invitation was sent to, before they have an account.
    email = models.EmailField(_("e-postadress"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("inbjuden av"),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bekräftad av"),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    decided_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        # The same word in Swedish, not in English: a context each.
        verbose_name = pgettext_lazy("singular", "medlemskap")
        verbose_name_plural = pgettext_lazy("plural", "medlemskap")
        ordering = ["organisation__name", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=models.Q(user__isnull=False),
                name="one_membership_per_person",
            ),
            models.UniqueConstraint(
                fields=["organisation", "email"],
                condition=models.Q(status="invited"),
                name="one_invitation_per_address",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user or self.email} – {self.organisation}"
