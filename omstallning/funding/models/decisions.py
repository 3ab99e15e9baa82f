"""Decisions: the rows every statistic is built from, whether handled here or imported.

A decision keeps the facts statistics group by, as they were when it was made (the
organisation may change later). Imported decisions have no application.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .applications import AMOUNT, Application
from .organisations import CompanySize, Gender, YesNo
from .programmes import Programme


class Outcome(models.TextChoices):
    GRANTED = "granted", _("Beviljad")
    REJECTED = "rejected", _("Avslagen")


class Ownership(models.TextChoices):
    """The common Swedish 40/60 convention (used by Tillväxtverket and SCB)."""

    WOMEN = "women", _("Kvinnodominerat ägande (kvinnor äger minst 60 %)")
    MEN = "men", _("Mansdominerat ägande (kvinnor äger högst 40 %)")
    MIXED = "mixed", _("Jämställt ägande (kvinnor äger mer än 40 och mindre än 60 %)")
    UNKNOWN = "unknown", _("Okänt ägande")


# The one place the 40/60 rule is written: the database computes each decision's ownership
# from the share, so an import, a handled case and a correction can never disagree.
OWNERSHIP_OF_SHARE = models.Case(
    models.When(women_owner_share__isnull=True, then=models.Value(Ownership.UNKNOWN.value)),
    models.When(women_owner_share__gte=60, then=models.Value(Ownership.WOMEN.value)),
    models.When(women_owner_share__lte=40, then=models.Value(Ownership.MEN.value)),
    default=models.Value(Ownership.MIXED.value),
)


class EnvironmentalImpact(models.TextChoices):
    POSITIVE = "positive", _("Positiv miljöpåverkan")
    NEUTRAL = "neutral", _("Neutral miljöpåverkan")
    NEGATIVE = "negative", _("Negativ miljöpåverkan")


class Decision(models.Model):
    class Source(models.TextChoices):
        HANDLED = "handled", _("Handlagd på plattformen")
        IMPORTED = "imported", _("Importerad")

    case_id = models.CharField(_("ärende"), max_length=40, unique=True)
    application = models.OneToOneField(
        Application,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="decision",
        verbose_name=_("ansökan"),
    )
    source = models.CharField(_("källa"), max_length=10, choices=Source.choices)
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="decisions", verbose_name=_("program")
    )
    decided_on = models.DateField(_("beslutsdatum"))
    outcome = models.CharField(_("beslut"), max_length=10, choices=Outcome.choices)
    amount_applied = models.DecimalField(_("sökt belopp (kr)"), **AMOUNT)
    amount_granted = models.DecimalField(_("beviljat belopp (kr)"), **AMOUNT, default=0)
    conditions = models.TextField(_("villkor"), blank=True)
    motivation = models.TextField(_("motivering"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beslutsfattare"),
    )
    decided_by_name = models.CharField(_("beslutsfattare"), max_length=200, blank=True)
    # The organisation's facts when the decision was made.
    organisation_number = models.CharField(_("organisationsnummer"), max_length=11)
    municipality_code = models.CharField(_("kommunkod"), max_length=4)
    sni_code = models.CharField(_("SNI-kod"), max_length=5)
    sni_section = models.CharField(_("SNI-avdelning"), max_length=1)
    company_size = models.CharField(_("storlek"), max_length=10, choices=CompanySize.choices)
    women_owner_share = models.PositiveSmallIntegerField(
        _("kvinnors ägarandel (%)"), null=True, blank=True
    )
    ownership = models.GeneratedField(
        expression=OWNERSHIP_OF_SHARE,
        output_field=models.CharField(max_length=10, choices=Ownership.choices),
        db_persist=True,
        verbose_name=_("ägande"),
    )
    ceo_gender = models.CharField(_("vd:s kön"), max_length=10, choices=Gender.choices, blank=True)
    foreign_background = models.CharField(
        _("utländsk bakgrund"), max_length=3, choices=YesNo.choices, blank=True
    )
    environmental_impact = models.CharField(
        _("miljöpåverkan"), max_length=10, choices=EnvironmentalImpact.choices, blank=True
    )
    is_generated = models.BooleanField(
        _("genererad exempeldata"),
        default=False,
        help_text=_("Påhittade beslut för att visa statistiken. Räknas aldrig som riktiga."),
    )
    recorded_at = models.DateTimeField(_("registrerad"), auto_now=True)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        indexes = [
            models.Index(fields=["decided_on"]),
            models.Index(fields=["programme", "decided_on"]),
            models.Index(fields=["municipality_code"]),
            models.Index(fields=["sni_section"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount_granted__lte=models.F("amount_applied"))
                | models.Q(amount_applied=0),
                name="granted_at_most_applied",
            ),
            models.CheckConstraint(
                condition=models.Q(outcome="granted") | models.Q(amount_granted=0),
                name="rejected_grants_nothing",
            ),
        ]
        verbose_name = _("beslut")
        verbose_name_plural = _("beslut")

    def __str__(self) -> str:
        return f"{self.case_id} {self.get_outcome_display()} {self.decided_on}"
