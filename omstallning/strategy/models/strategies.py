"""The regional business strategy as data: focus areas, goals with indicators, initiatives."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

YEAR = [MinValueValidator(1990), MaxValueValidator(2100)]
FROZEN = _("Den här versionen av strategin är antagen och kan inte ändras. Gör en ny version.")


def _refuse_if_adopted(strategy: "Strategy | None") -> None:
    if strategy is not None and strategy.pk and strategy.is_adopted:
        raise ValidationError(FROZEN)


def code_in_url(code: str) -> str:
    """Wagtail's page URLs allow letters, digits, - and _ only: goal "1.2" is "1-2" there."""
    return slugify(code.replace(".", "-"))


class Strategy(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        ADOPTED = "adopted", _("Antagen")
        REPLACED = "replaced", _("Ersatt av en senare version")

    name = models.CharField(_("namn"), max_length=200)
    slug = models.SlugField(_("kortnamn i adressen"), max_length=100)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous_version = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("föregående version"),
    )
    period_start = models.PositiveSmallIntegerField(_("gäller från år"), validators=YEAR)
    period_end = models.PositiveSmallIntegerField(_("gäller till år"), validators=YEAR)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    adopted_on = models.DateField(_("antagen den"), null=True, blank=True)
    adopted_by = models.CharField(
        _("antagen av"),
        max_length=200,
        blank=True,
        help_text=_("Till exempel regionala utvecklingsnämnden."),
    )
    summary = models.TextField(_("sammanfattning"), blank=True)
    is_example_data = models.BooleanField(
        _("exempeldata"), default=False, help_text=_("Visas med en tydlig märkning.")
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("adopted_by"), FieldPanel("is_example_data")]),
        InlinePanel("focus_areas", heading=_("Fokusområden"), label=_("Fokusområde")),
    ]

    class Meta:
        ordering = ["-period_start", "name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "version"], name="one_strategy_version"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="strategy_period_in_order",
            ),
        ]
        verbose_name = _("strategi")
        verbose_name_plural = _("strategier")

    def __str__(self) -> str:
        return f"{self.name} {self.period_start}–{self.period_end} (v{self.version})"

    @property
    def is_adopted(self) -> bool:
        return self.status != self.Status.DRAFT

    def clean(self) -> None:
        # The stored state decides: the adoption service itself saves without clean().
        if self.pk:
            _refuse_if_adopted(Strategy.objects.filter(pk=self.pk).first())


class FocusArea(Orderable):
    strategy = ParentalKey(Strategy, on_delete=models.CASCADE, related_name="focus_areas")
    name = models.CharField(_("namn"), max_length=200)
    description = models.TextField(_("beskrivning"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]

    def clean(self) -> None:
        _refuse_if_adopted(getattr(self, "strategy", None))

    class Meta(Orderable.Meta):
        verbose_name = _("fokusområde")
        verbose_name_plural = _("fokusområden")

    def __str__(self) -> str:
        return self.name


class StrategyGoal(ClusterableModel):
    """A goal (mål) of the strategy. Funding decisions link here to show money per goal."""

    focus_area = models.ForeignKey(
        FocusArea, on_delete=models.CASCADE, related_name="goals", verbose_name=_("fokusområde")
    )
    code = models.CharField(_("nummer"), max_length=10, help_text=_("Till exempel 1.2."))
    title = models.CharField(_("mål"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True)

    panels = [
        FieldPanel("focus_area"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("title")]),
        FieldPanel("description"),
        InlinePanel("indicators", heading=_("Indikatorer"), label=_("Indikator")),
    ]

    class Meta:
        ordering = ["focus_area__sort_order", "code"]
        verbose_name = _("mål i strategin")
        verbose_name_plural = _("mål i strategin")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def strategy(self) -> Strategy:
        return self.focus_area.strategy

    def clean(self) -> None:
        if self.focus_area_id:
            _refuse_if_adopted(self.focus_area.strategy)

    @property
    def url_code(self) -> str:
        return code_in_url(self.code)


class Indicator(Orderable):
    class Direction(models.TextChoices):
        INCREASE = "increase", _("Ska öka")
        DECREASE = "decrease", _("Ska minska")

    goal = ParentalKey(StrategyGoal, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indikator"), max_length=300)
    unit = models.CharField(_("enhet"), max_length=50, help_text=_("Till exempel %, kr, ton CO₂e."))
    baseline_value = models.DecimalField(_("utgångsvärde"), max_digits=16, decimal_places=2)
    baseline_year = models.PositiveSmallIntegerField(_("utgångsår"), validators=YEAR)
    target_value = models.DecimalField(_("målvärde"), max_digits=16, decimal_places=2)
    target_year = models.PositiveSmallIntegerField(_("målår"), validators=YEAR)
    source = models.CharField(_("källa"), max_length=300, blank=True)
    direction = models.CharField(
        _("riktning"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("baseline_value"), FieldPanel("baseline_year")]),
        FieldRowPanel([FieldPanel("target_value"), FieldPanel("target_year")]),
        FieldRowPanel([FieldPanel("source"), FieldPanel("direction")]),
    ]

    def clean(self) -> None:
        goal = getattr(self, "goal", None)
        if goal is not None and goal.focus_area_id:
            _refuse_if_adopted(goal.focus_area.strategy)

    class Meta(Orderable.Meta):
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indikator")
    )
    year = models.PositiveSmallIntegerField(_("år"), validators=YEAR)
    value = models.DecimalField(_("värde"), max_digits=16, decimal_places=2)
    note = models.CharField(_("kommentar"), max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "year"], name="one_value_per_year")
        ]
        verbose_name = _("indikatorvärde")
        verbose_name_plural = _("indikatorvärden")

    def __str__(self) -> str:
        return f"{self.indicator.name} {self.year}: {self.value}"


class InitiativeStatus(models.TextChoices):
    PLANNED = "planned", _("Planerad")
    ONGOING = "ongoing", _("Pågår")
    PAUSED = "paused", _("Pausad")
    COMPLETED = "completed", _("Genomförd")
    CANCELLED = "cancelled", _("Avbruten")


class Initiative(ClusterableModel):
    """An initiative (insats) that serves one or more of the strategy's goals."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="initiatives", verbose_name=_("strategi")
    )
    code = models.CharField(_("nummer"), max_length=10)
    title = models.CharField(_("insats"), max_length=300)
    description = models.TextField(_("beskrivning"), blank=True)
    responsible = models.CharField(
        _("ansvariga aktörer"),
        max_length=300,
        help_text=_("Till exempel Region Västmanland och Almi Mälardalen."),
    )
    start_year = models.PositiveSmallIntegerField(_("startår"), validators=YEAR)
    end_year = models.PositiveSmallIntegerField(_("slutår"), validators=YEAR)
    budget = models.DecimalField(_("budget (kr)"), max_digits=14, decimal_places=0, default=0)
    goals = ParentalManyToManyField(
        StrategyGoal, related_name="initiatives", verbose_name=_("bidrar till mål")
    )
    # Follow-up: changed through initiative_status_update, which keeps the history.
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=InitiativeStatus.choices,
        default=InitiativeStatus.PLANNED,
        editable=False,
    )
    progress = models.PositiveSmallIntegerField(
        _("genomfört (%)"), default=0, validators=[MaxValueValidator(100)], editable=False
    )

    panels = [
        FieldPanel("strategy"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("title")]),
        FieldPanel("description"),
        FieldPanel("responsible"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year"), FieldPanel("budget")]),
        MultiFieldPanel([FieldPanel("goals")], heading=_("Mål")),
    ]

    def clean(self) -> None:
        if self.strategy_id:
            _refuse_if_adopted(self.strategy)

    class Meta:
        ordering = ["strategy", "code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="initiative_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="initiative_progress_at_most_100"
            ),
        ]
        verbose_name = _("insats")
        verbose_name_plural = _("insatser")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def url_code(self) -> str:
        return code_in_url(self.code)


class InitiativeUpdate(models.Model):
    """One status report: kept, so the follow-up has a history."""

    initiative = models.ForeignKey(
        Initiative, on_delete=models.CASCADE, related_name="updates", verbose_name=_("insats")
    )
    reported_on = models.DateField(_("datum"))
    status = models.CharField(_("status"), max_length=10, choices=InitiativeStatus.choices)
    progress = models.PositiveSmallIntegerField(
        _("genomfört (%)"), validators=[MaxValueValidator(100)]
    )
    comment = models.TextField(_("kommentar"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rapporterad av"),
    )
    created_at = models.DateTimeField(_("registrerad"), auto_now_add=True)

    class Meta:
        ordering = ["-reported_on", "-created_at"]
        verbose_name = _("statusrapport")
        verbose_name_plural = _("statusrapporter")

    def __str__(self) -> str:
        return f"{self.initiative.code} {self.reported_on}: {self.get_status_display()}"
