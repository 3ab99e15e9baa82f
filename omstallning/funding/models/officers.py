"""How an applicant may reach the case officer handling their case."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from omstallning.core.models.region import phone_validator, tel_href


class OfficerContact(models.Model):
    """Work contact details a case officer chooses to show to the applicants whose cases
    they handle (Wagtail admin → Konto). Without them, applicants see the officer's name and
    the region's contact details."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="funding_contact",
        verbose_name=_("handläggare"),
    )
    phone = models.CharField(
        _("telefon till dig i jobbet"), max_length=25, blank=True, validators=[phone_validator]
    )
    email = models.EmailField(_("e-post till dig i jobbet"), blank=True)

    class Meta:
        verbose_name = _("kontaktuppgifter för sökande")
        verbose_name_plural = _("kontaktuppgifter för sökande")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def phone_href(self) -> str:
        return tel_href(self.phone)
