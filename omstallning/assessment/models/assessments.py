"""Assessments of any object, their answers, their history and their stored results.

The results (per SDG goal and per dimension) are computed from the answers by
`omstallning.assessment.profile` and stored, so that sums over many assessments are one
grouped query.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..impact import GoalImpact, Relevance
from .frameworks import AnswerOption, Criterion, CriterionCondition, FrameworkVersion


class Assessment(models.Model):
    class Perspective(models.TextChoices):
        SELF = "self", _("Självskattning")
        CASE_OFFICER = "case_officer", _("Handläggarens bedömning")
        ASSESSOR = "assessor", _("Bedömarens bedömning")
        STAFF = "staff", _("Regionens bedömning")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Utkast")
        SUBMITTED = "submitted", _("Inlämnad")
        LOCKED = "locked", _("Låst")

    subject_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", verbose_name=_("typ")
    )
    subject_id = models.PositiveBigIntegerField(_("id"))
    subject = GenericForeignKey("subject_type", "subject_id")
    version = models.ForeignKey(
        FrameworkVersion,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("ramverksversion"),
    )
    perspective = models.CharField(
        _("perspektiv"), max_length=20, choices=Perspective.choices, default=Perspective.STAFF
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("bedömare"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    submitted_at = models.DateTimeField(_("inlämnad"), null=True, blank=True)
    locked_at = models.DateTimeField(_("låst"), null=True, blank=True)
    # The profile's headline figures, kept with the assessment for lists and sums.
    weighted_score = models.DecimalField(
        _("viktad poäng (%)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    knockout_count = models.PositiveSmallIntegerField(_("stoppande svar"), default=0)
    rethink_count = models.PositiveSmallIntegerField(_("”stanna upp”-flaggor"), default=0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["subject_type", "subject_id"])]
        permissions = [("lock_assessment", _("Kan låsa hållbarhetsbedömningar"))]
        verbose_name = _("hållbarhetsbedömning")
        verbose_name_plural = _("hållbarhetsbedömningar")

    def __str__(self) -> str:
        return _("%(framework)s – %(perspective)s") % {
            "framework": self.version.framework,
            "perspective": self.get_perspective_display(),
        }

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


class Answer(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="answers", verbose_name=_("bedömning")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.PROTECT, related_name="+", verbose_name=_("kriterium")
    )
    option = models.ForeignKey(
        AnswerOption,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("svar"),
    )
    relevance = models.CharField(
        _("relevans"), max_length=15, choices=Relevance.choices, blank=True
    )
    conditions_met = models.ManyToManyField(
        CriterionCondition, blank=True, related_name="+", verbose_name=_("uppfyllda villkor")
    )
    motivation = models.TextField(_("motivering"), blank=True)
    action = models.TextField(_("föreslagen åtgärd"), blank=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ändrad av"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="one_answer_per_criterion"
            )
        ]
        verbose_name = _("svar")
        verbose_name_plural = _("svar")

    def __str__(self) -> str:
        return f"{self.criterion}: {self.option or '–'}"


class AssessmentEvent(models.Model):
    """Who did what to an assessment, and when."""

    class Action(models.TextChoices):
        CREATED = "created", _("Påbörjad")
        ANSWERED = "answered", _("Svar sparat")
        SUBMITTED = "submitted", _("Inlämnad")
        REOPENED = "reopened", _("Öppnad igen")
        LOCKED = "locked", _("Låst")

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="events", verbose_name=_("bedömning")
    )
    action = models.CharField(_("händelse"), max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("av"),
    )
    at = models.DateTimeField(_("tid"), auto_now_add=True)
    detail = models.CharField(_("detaljer"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class GoalResult(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="goal_results"
    )
    goal = models.ForeignKey("core.SdgGoal", on_delete=models.PROTECT, related_name="+")
    impact = models.CharField(max_length=15, choices=GoalImpact.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "goal"], name="one_result_per_goal")
        ]
        indexes = [models.Index(fields=["goal", "impact"])]

    def __str__(self) -> str:
        return f"{self.goal_id}: {self.impact}"


class DimensionResult(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="dimension_results"
    )
    dimension = models.ForeignKey(
        "core.SustainabilityDimension", on_delete=models.PROTECT, related_name="+"
    )
    # 0–100, or empty when nothing in the dimension was scored.
    score = models.DecimalField(max_digits=5, decimal_places=1, null=True)
    positive = models.PositiveSmallIntegerField(default=0)
    negative = models.PositiveSmallIntegerField(default=0)
    knowledge_gaps = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "dimension"], name="one_result_per_dimension"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension_id}: {self.score}"
