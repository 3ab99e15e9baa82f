"""After a grant: payments and the final report."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .applications import AMOUNT, Application


class Payment(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Begärd")
        PAID = "paid", _("Utbetald")
        REFUSED = "refused", _("Ej utbetald")

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="payments")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    amount_requested = models.DecimalField(_("begärt belopp (kr)"), **AMOUNT)
    costs_reported = models.DecimalField(_("redovisade kostnader (kr)"), **AMOUNT)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("begärd"), auto_now_add=True)
    amount_paid = models.DecimalField(_("utbetalt belopp (kr)"), **AMOUNT, null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    handled_at = models.DateTimeField(_("hanterad"), null=True, blank=True)
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("utbetalning")
        verbose_name_plural = _("utbetalningar")

    def __str__(self) -> str:
        return f"{self.application_id}: {self.amount_requested}"


class FinalReport(models.Model):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="final_report"
    )
    summary = models.TextField(_("vad projektet har gjort och uppnått"))
    jobs_created = models.DecimalField(
        _("nya arbetstillfällen (årsarbeten)"),
        max_digits=6,
        decimal_places=1,
        validators=[MinValueValidator(0)],
    )
    turnover_change = models.DecimalField(
        _("förändrad omsättning (kr)"),
        max_digits=14,
        decimal_places=0,
        help_text=_("Skillnad i årsomsättning jämfört med före projektet. Kan vara negativ."),
    )
    environmental_results = models.TextField(_("miljöresultat"))
    co2_reduction_tonnes = models.DecimalField(
        _("minskade utsläpp (ton koldioxidekvivalenter per år)"),
        max_digits=10,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("inlämnad"), auto_now_add=True)

    class Meta:
        verbose_name = _("slutrapport")
        verbose_name_plural = _("slutrapporter")

    def __str__(self) -> str:
        return f"{self.application}"
