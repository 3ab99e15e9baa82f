"""Funding programmes, their yearly budgets, and the calls for applications."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

YEAR = [MinValueValidator(1990), MaxValueValidator(2100)]
PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class Programme(ClusterableModel):
    class Kind(models.TextChoices):
        BUSINESS_SUPPORT = "business_support", _("Företagsstöd")
        PROJECT_FUNDS = "project_funds", _("Projektmedel")
        COMMERCIAL_SERVICE = "commercial_service", _("Kommersiell service")
        ERDF = "erdf", _("Regionalfonden (ERUF)")

    class MoneySource(models.TextChoices):
        APPROPRIATION_1_1 = "1:1", _("Anslag 1:1 (regionala utvecklingsåtgärder)")
        EU = "eu", _("EU-medel")
        REGION = "region", _("Regionens egna medel")

    name = models.CharField(_("namn"), max_length=200)
    code = models.SlugField(
        _("kod"),
        max_length=40,
        unique=True,
        help_text=_("Kort kod som används i importfiler, till exempel investeringsstod."),
    )
    kind = models.CharField(_("typ av stöd"), max_length=20, choices=Kind.choices)
    money_source = models.CharField(
        _("finansieringskälla"), max_length=10, choices=MoneySource.choices
    )
    description = models.TextField(_("beskrivning"), blank=True)
    max_support_share = models.PositiveSmallIntegerField(
        _("högsta stödandel (%)"),
        validators=PERCENT,
        default=50,
        help_text=_("Största andel av de stödberättigande kostnaderna som stödet får täcka."),
    )
    de_minimis = models.BooleanField(
        _("stöd av mindre betydelse (de minimis)"),
        default=False,
        help_text=_("Stödet lämnas enligt EU:s regler om stöd av mindre betydelse."),
    )
    frameworks = ParentalManyToManyField(
        "assessment.Framework",
        blank=True,
        related_name="+",
        verbose_name=_("hållbarhetsramverk"),
        help_text=_("Ramverk som programmets ansökningar bedöms med."),
    )
    is_active = models.BooleanField(_("aktivt"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("money_source")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("max_support_share"), FieldPanel("de_minimis")]),
        FieldPanel("frameworks", widget=forms.CheckboxSelectMultiple),
        FieldPanel("is_active"),
        InlinePanel("budget_frames", heading=_("Budgetramar per år"), label=_("Budgetram")),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("stödprogram")
        verbose_name_plural = _("stödprogram")

    def __str__(self) -> str:
        return self.name

    @property
    def is_appropriation_1_1(self) -> bool:
        return self.money_source == self.MoneySource.APPROPRIATION_1_1


class BudgetFrame(Orderable):
    programme = ParentalKey(Programme, on_delete=models.CASCADE, related_name="budget_frames")
    year = models.PositiveSmallIntegerField(_("år"), validators=YEAR)
    amount = models.DecimalField(_("budgetram (kr)"), max_digits=14, decimal_places=0)

    panels = [FieldRowPanel([FieldPanel("year"), FieldPanel("amount")])]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["programme", "year"], name="one_budget_frame_per_year")
        ]
        verbose_name = _("budgetram")
        verbose_name_plural = _("budgetramar")

    def __str__(self) -> str:
        return f"{self.programme} {self.year}"


class Call(ClusterableModel):
    """A call for applications (utlysning) within a programme."""

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="calls", verbose_name=_("program")
    )
    title = models.CharField(_("rubrik"), max_length=200)
    summary = models.TextField(_("sammanfattning"), max_length=500)
    body = models.TextField(_("beskrivning"), blank=True)
    eligibility = models.TextField(_("vem kan söka"), blank=True)
    opens_at = models.DateTimeField(_("öppnar"))
    closes_at = models.DateTimeField(_("stänger"))
    max_amount = models.DecimalField(
        _("högsta belopp per ansökan (kr)"),
        max_digits=12,
        decimal_places=0,
        null=True,
        blank=True,
    )
    self_assessment_frameworks = ParentalManyToManyField(
        "assessment.Framework",
        blank=True,
        related_name="+",
        verbose_name=_("ramverk för sökandens självskattning"),
    )
    officer_frameworks = ParentalManyToManyField(
        "assessment.Framework",
        blank=True,
        related_name="+",
        verbose_name=_("ramverk för handläggarens bedömning"),
    )

    panels = [
        FieldPanel("programme"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("eligibility"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        FieldPanel("max_amount"),
        MultiFieldPanel(
            [FieldPanel("self_assessment_frameworks"), FieldPanel("officer_frameworks")],
            heading=_("Hållbarhetsbedömning"),
        ),
        InlinePanel(
            "attachment_requirements", heading=_("Bilagor som ska bifogas"), label=_("Bilaga")
        ),
        InlinePanel("criteria", heading=_("Urvalskriterier"), label=_("Kriterium")),
    ]

    class Meta:
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after"
            )
        ]
        verbose_name = _("utlysning")
        verbose_name_plural = _("utlysningar")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("Utlysningen måste stänga efter att den öppnar.")}
            )

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at


class AttachmentKind(models.TextChoices):
    BUDGET = "budget", _("Budget")
    BUSINESS_PLAN = "business_plan", _("Affärsplan")
    ANNUAL_REPORT = "annual_report", _("Årsredovisning")
    QUOTE = "quote", _("Offert")
    REGISTRATION = "registration", _("Registreringsbevis")
    DE_MINIMIS = "de_minimis", _("Intyg om stöd av mindre betydelse")
    OTHER = "other", _("Annan bilaga")


class AttachmentRequirement(Orderable):
    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="attachment_requirements")
    kind = models.CharField(_("bilaga"), max_length=20, choices=AttachmentKind.choices)
    instructions = models.CharField(_("anvisning"), max_length=300, blank=True)
    required = models.BooleanField(_("obligatorisk"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("instructions"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("bilaga som ska bifogas")
        verbose_name_plural = _("bilagor som ska bifogas")

    def __str__(self) -> str:
        return self.get_kind_display()


class SelectionCriterion(Orderable):
    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("kriterium"), max_length=200)
    description = models.TextField(_("vad som bedöms"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("vikt"), default=1, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("weight")]), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = _("urvalskriterium")
        verbose_name_plural = _("urvalskriterier")

    def __str__(self) -> str:
        return self.name
