"""Case handling: the audit log, conflict-of-interest declarations and criteria scores."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .applications import Application, Status
from .programmes import SelectionCriterion


class CaseEvent(models.Model):
    """One step in a case: who moved it from which status to which, when and why. Written by
    the services only, never changed."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("åtgärd"), max_length=30)
    from_status = models.CharField(_("från"), max_length=25, choices=Status.choices, blank=True)
    to_status = models.CharField(_("till"), max_length=25, choices=Status.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("av"),
    )
    at = models.DateTimeField(_("tid"), auto_now_add=True)
    reason = models.TextField(_("motivering"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("händelse i ärendet")
        verbose_name_plural = _("händelser i ärendet")

    def __str__(self) -> str:
        return f"{self.application_id} {self.action} {self.at:%Y-%m-%d %H:%M}"

    @property
    def action_label(self) -> str:
        from ..workflow import ACTION_LABELS

        return str(ACTION_LABELS.get(self.action, self.action))


class ConflictDeclaration(models.Model):
    """Jävsdeklaration: before working on a case, a person declares whether they have a
    conflict of interest. With a conflict, the case is hidden from them."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="conflict_declarations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conflict_declarations"
    )
    has_conflict = models.BooleanField(_("jäv föreligger"))
    comment = models.TextField(_("kommentar"), blank=True)
    declared_at = models.DateTimeField(_("deklarerad"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "user"], name="one_declaration_each")
        ]
        verbose_name = _("jävsdeklaration")
        verbose_name_plural = _("jävsdeklarationer")

    def __str__(self) -> str:
        return f"{self.application_id} {self.user_id}: {self.has_conflict}"


SCORE = [MinValueValidator(0), MaxValueValidator(5)]


class CriterionScore(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="criterion_scores"
    )
    criterion = models.ForeignKey(
        SelectionCriterion, on_delete=models.PROTECT, related_name="scores"
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("poäng (0–5)"), validators=SCORE)
    motivation = models.TextField(_("motivering"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion", "assessor"], name="one_score_per_assessor"
            )
        ]
        verbose_name = _("poäng på urvalskriterium")
        verbose_name_plural = _("poäng på urvalskriterier")

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"
