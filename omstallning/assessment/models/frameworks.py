"""Frameworks, their versions and criteria.

A version that an assessment has used is frozen: its criteria, options and conditions can no
longer change, so every old assessment stays readable. Editing means making a new version.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from omstallning.core.translation import in_active_language

from ..impact import Impact, MotivationRule


class FrozenVersionError(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            _("Versionen används av bedömningar och är låst. Skapa en ny version för att ändra."),
            code="frozen",
        )


class Framework(models.Model):
    key = models.SlugField(
        _("kortnamn"),
        max_length=60,
        unique=True,
        help_text=_("Ett stabilt namn för ramverket i adresser och API, till exempel dnsh."),
    )
    name_sv = models.CharField(_("namn på svenska"), max_length=200)
    name_en = models.CharField(_("namn på engelska"), max_length=200, blank=True)
    description_sv = models.TextField(_("beskrivning på svenska"), blank=True)
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)
    created_at = models.DateTimeField(_("skapat"), auto_now_add=True)

    panels = [
        FieldPanel("key"),
        FieldRowPanel([FieldPanel("name_sv"), FieldPanel("name_en")]),
        FieldPanel("description_sv"),
        FieldPanel("description_en"),
    ]

    class Meta:
        ordering = ["name_sv"]
        verbose_name = _("ramverk")
        verbose_name_plural = _("ramverk")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_active_language(self.name_sv, self.name_en)

    @property
    def description(self) -> str:
        return in_active_language(self.description_sv, self.description_en)

    @property
    def current_version(self) -> "FrameworkVersion | None":
        """The newest published version: the one new assessments use."""
        return self.versions.filter(published_at__isnull=False).order_by("-number").first()


class FrameworkVersion(ClusterableModel):
    framework = models.ForeignKey(
        Framework, on_delete=models.CASCADE, related_name="versions", verbose_name=_("ramverk")
    )
    number = models.PositiveIntegerField(_("version"), editable=False)
    change_note = models.TextField(_("vad som ändrats"), blank=True)
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("skapad av"),
    )
    published_at = models.DateTimeField(_("publicerad"), null=True, blank=True, editable=False)
    frozen_at = models.DateTimeField(_("låst"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("framework"),
        FieldPanel("change_note"),
        InlinePanel("criteria", heading=_("Kriterier"), label=_("Kriterium")),
    ]

    class Meta:
        ordering = ["framework", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "number"], name="one_number_per_framework_version"
            )
        ]
        verbose_name = _("ramverksversion")
        verbose_name_plural = _("ramverksversioner")

    def __str__(self) -> str:
        return _("%(framework)s, version %(number)s") % {
            "framework": self.framework,
            "number": self.number,
        }

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    def save(self, *args, **kwargs) -> None:
        # Only the publishing and freezing services touch a frozen version, naming their fields.
        update_fields = set(kwargs.get("update_fields") or ())
        only_status = bool(update_fields) and update_fields <= {"published_at", "frozen_at"}
        if (
            self.pk
            and not only_status
            and FrameworkVersion.objects.filter(pk=self.pk, frozen_at__isnull=False).exists()
        ):
            raise FrozenVersionError()
        if not self.number:
            highest = self.framework.versions.aggregate(models.Max("number"))["number__max"]
            self.number = (highest or 0) + 1
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.is_frozen:
            raise FrozenVersionError()
        return super().delete(*args, **kwargs)


class _PartOfVersion(models.Model):
    """Refuses to be saved or deleted once its version is frozen."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self._frozen():
            raise FrozenVersionError()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._frozen():
            raise FrozenVersionError()
        return super().delete(*args, **kwargs)

    def _version(self) -> FrameworkVersion:
        raise NotImplementedError

    def _frozen(self) -> bool:
        version = self._version()
        if version is None or version.pk is None:
            return False
        return FrameworkVersion.objects.filter(pk=version.pk, frozen_at__isnull=False).exists()


class Criterion(_PartOfVersion, ClusterableModel, Orderable):
    version = ParentalKey(
        FrameworkVersion,
        on_delete=models.CASCADE,
        related_name="criteria",
        verbose_name=_("version"),
    )
    key = models.SlugField(
        _("kortnamn"),
        max_length=60,
        help_text=_("Samma kortnamn i alla versioner gör att bedömningar kan jämföras."),
    )
    question_sv = models.TextField(_("fråga på svenska"))
    question_en = models.TextField(_("fråga på engelska"), blank=True)
    guidance_sv = models.TextField(_("vägledning på svenska"), blank=True)
    guidance_en = models.TextField(_("vägledning på engelska"), blank=True)
    dimension = models.ForeignKey(
        "core.SustainabilityDimension",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("dimension"),
    )
    sdg_goals = ParentalManyToManyField(
        "core.SdgGoal", blank=True, related_name="+", verbose_name=_("globala mål")
    )
    sdg_targets = ParentalManyToManyField(
        "core.SdgTarget", blank=True, related_name="+", verbose_name=_("delmål")
    )
    weight = models.DecimalField(
        _("vikt"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0"))],
    )
    motivation_required = models.CharField(
        _("motivering krävs"),
        max_length=10,
        choices=MotivationRule.choices,
        default=MotivationRule.NEVER,
    )
    asks_relevance = models.BooleanField(
        _("fråga om relevans"),
        default=False,
        help_text=_("Först: är frågan relevant (direkt, indirekt, inte relevant)?"),
    )
    asks_action = models.BooleanField(
        _("fråga om åtgärd"),
        default=False,
        help_text=_("Ett fält för föreslagen åtgärd, till exempel hur negativ påverkan motverkas."),
    )
    rethink_when_negative_without_action = models.BooleanField(
        _("”Stanna upp och tänk om” vid negativ påverkan utan åtgärd"), default=False
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("question_sv"),
        FieldPanel("question_en"),
        FieldPanel("guidance_sv"),
        FieldPanel("guidance_en"),
        FieldRowPanel([FieldPanel("dimension"), FieldPanel("weight")]),
        FieldPanel("sdg_goals"),
        FieldPanel("sdg_targets"),
        MultiFieldPanel(
            [
                FieldPanel("motivation_required"),
                FieldPanel("asks_relevance"),
                FieldPanel("asks_action"),
                FieldPanel("rethink_when_negative_without_action"),
            ],
            heading=_("Hur frågan besvaras"),
        ),
        InlinePanel("options", heading=_("Svarsalternativ"), label=_("Svarsalternativ")),
        InlinePanel(
            "conditions",
            heading=_("Villkor (valfritt)"),
            label=_("Villkor"),
            help_text=_(
                "Med villkor väljs svaret av hur många villkor som är uppfyllda, enligt "
                "alternativens ”minsta antal uppfyllda villkor”."
            ),
        ),
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="one_key_per_version")
        ]
        verbose_name = _("kriterium")
        verbose_name_plural = _("kriterier")

    def __str__(self) -> str:
        return self.question

    def _version(self) -> FrameworkVersion:
        return self.version

    @property
    def question(self) -> str:
        return in_active_language(self.question_sv, self.question_en)

    @property
    def guidance(self) -> str:
        return in_active_language(self.guidance_sv, self.guidance_en)


class AnswerOption(_PartOfVersion, Orderable):
    criterion = ParentalKey(
        Criterion, on_delete=models.CASCADE, related_name="options", verbose_name=_("kriterium")
    )
    label_sv = models.CharField(_("svar på svenska"), max_length=200)
    label_en = models.CharField(_("svar på engelska"), max_length=200, blank=True)
    value = models.DecimalField(
        _("poäng"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        help_text=_("Högre är bättre. Ger den viktade poängen."),
    )
    impact = models.CharField(_("påverkan"), max_length=10, choices=Impact.choices)
    is_knockout = models.BooleanField(
        _("stoppar (knock-out)"),
        default=False,
        help_text=_("Det här svaret gör att det bedömda inte kan godtas."),
    )
    min_conditions_met = models.PositiveSmallIntegerField(
        _("minsta antal uppfyllda villkor"), null=True, blank=True
    )

    panels = [
        FieldRowPanel([FieldPanel("label_sv"), FieldPanel("label_en")]),
        FieldRowPanel(
            [
                FieldPanel("value"),
                FieldPanel("impact"),
                FieldPanel("is_knockout"),
                FieldPanel("min_conditions_met"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("svarsalternativ")
        verbose_name_plural = _("svarsalternativ")

    def __str__(self) -> str:
        return self.label

    def _version(self) -> FrameworkVersion:
        return self.criterion.version

    @property
    def label(self) -> str:
        return in_active_language(self.label_sv, self.label_en)


class CriterionCondition(_PartOfVersion, Orderable):
    criterion = ParentalKey(
        Criterion,
        on_delete=models.CASCADE,
        related_name="conditions",
        verbose_name=_("kriterium"),
    )
    text_sv = models.CharField(_("villkor på svenska"), max_length=300)
    text_en = models.CharField(_("villkor på engelska"), max_length=300, blank=True)

    panels = [FieldPanel("text_sv"), FieldPanel("text_en")]

    class Meta(Orderable.Meta):
        verbose_name = _("villkor")
        verbose_name_plural = _("villkor")

    def __str__(self) -> str:
        return self.text

    def _version(self) -> FrameworkVersion:
        return self.criterion.version

    @property
    def text(self) -> str:
        return in_active_language(self.text_sv, self.text_en)
