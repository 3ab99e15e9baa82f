"""De minimis aid a company has received, noted by the company itself (de_minimis.py)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class DeMinimisAid(models.Model):
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="de_minimis_aid",
        verbose_name=_("organisation"),
    )
    granted_on = models.DateField(_("beviljat"))
    amount_eur = models.DecimalField(
        _("belopp i euro"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    grantor = models.CharField(_("vem gav stödet"), max_length=200)
    description = models.CharField(_("vad stödet gällde"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("antecknat av"),
    )
    created_at = models.DateTimeField(_("antecknat"), auto_now_add=True)

    class Meta:
        verbose_name = _("stöd av mindre betydelse")
        verbose_name_plural = _("stöd av mindre betydelse")
        ordering = ["-granted_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_eur__gt=0), name="de_minimis_amount_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.grantor} {self.granted_on}"
