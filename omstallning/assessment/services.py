"""Writes: each function is one use case in one transaction, checks permission, and records
who did it: in the assessment's own history (AssessmentEvent, which the assessment page shows
beside the answers) and in Wagtail's log, beside every other staff action."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max, Model
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from omstallning.core.models import SdgGoal, SustainabilityDimension
from omstallning.core.typing import Account, Visitor

from .impact import Relevance
from .models import (
    Answer,
    AnswerOption,
    Assessment,
    AssessmentEvent,
    Criterion,
    CriterionCondition,
    DimensionResult,
    Framework,
    FrameworkVersion,
    GoalResult,
)
from .permissions import (
    can_answer,
    can_lock,
    can_make_framework_version,
    can_publish_framework_version,
    can_reopen,
    can_see_subject,
)
from .profile import Profile
from .selectors import profile_of

Action = AssessmentEvent.Action
Status = Assessment.Status

# Wagtail log actions (labelled in wagtail_hooks): one per assessment event, and the two
# framework version steps.
ASSESSMENT_LOG_ACTION = "assessment.{}"
VERSION_MADE = "assessment.version_made"
VERSION_PUBLISHED = "assessment.version_published"


def _record(assessment: Assessment, action: str, user: Visitor | None, detail: str = "") -> None:
    actor = user if user is not None and user.is_authenticated else None
    AssessmentEvent.objects.create(
        assessment=assessment, action=action, actor=actor, detail=detail[:300]
    )
    # The detail (answered keys, a reopening's reason) stays in the assessment's own history.
    log(instance=assessment, action=ASSESSMENT_LOG_ACTION.format(action), user=actor)


@transaction.atomic
def assessment_start(
    *,
    subject: Model,
    framework: Framework,
    assessor: Visitor,
    perspective: str = Assessment.Perspective.STAFF,
) -> Assessment:
    """A new draft assessment of `subject` with the framework's current version, which is
    frozen from now on."""
    if not can_see_subject(assessor, subject):
        raise PermissionDenied(_("Du får inte bedöma det här."))
    version = framework.current_version
    if version is None:
        raise ValidationError(_("Ramverket har ingen publicerad version än."), code="unpublished")
    version = FrameworkVersion.objects.select_for_update().get(pk=version.pk)
    if not version.is_frozen:
        version.frozen_at = timezone.now()
        version.save(update_fields=["frozen_at"])
    assessment = Assessment.objects.create(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        version=version,
        perspective=perspective,
        assessor=assessor if assessor.is_authenticated else None,
    )
    _record(assessment, Action.CREATED, assessor, str(version))
    return assessment


def _derived_option(criterion: Criterion, met: int) -> AnswerOption | None:
    """With conditions, the answer is the option with the highest threshold that is reached."""
    reached = [
        (option.min_conditions_met, option)
        for option in criterion.options.all()
        if option.min_conditions_met is not None and option.min_conditions_met <= met
    ]
    highest = max(reached, key=lambda pair: pair[0], default=None)
    return highest[1] if highest is not None else None


@dataclass(frozen=True)
class AnswerInput:
    """One criterion's answer as entered: an option or conditions, relevance, texts."""

    criterion: Criterion
    option: AnswerOption | None = None
    relevance: str = ""
    conditions_met: Sequence[CriterionCondition] = ()
    motivation: str = ""
    action: str = ""


def _save_answer(assessment: Assessment, entry: AnswerInput, user: Account) -> Answer:
    criterion, option, relevance = entry.criterion, entry.option, entry.relevance
    if criterion.version_id != assessment.version_id:
        raise ValidationError(_("Frågan hör inte till bedömningens ramverk."), code="criterion")
    if relevance and (not criterion.asks_relevance or relevance not in Relevance.values):
        raise ValidationError(_("Ogiltigt val av relevans."), code="relevance")
    if any(condition.criterion_id != criterion.pk for condition in entry.conditions_met):
        raise ValidationError(_("Villkoret hör inte till frågan."), code="condition")
    if criterion.conditions.exists():
        option = _derived_option(criterion, len(set(entry.conditions_met)))
    elif option is not None and option.criterion_id != criterion.pk:
        raise ValidationError(_("Svaret hör inte till frågan."), code="option")
    if relevance == Relevance.NOT_RELEVANT:
        option = None
    answer, _created = Answer.objects.update_or_create(
        assessment=assessment,
        criterion=criterion,
        defaults={
            "option": option,
            "relevance": relevance,
            "motivation": entry.motivation.strip(),
            "action": entry.action.strip(),
            "updated_by": user,
        },
    )
    answer.conditions_met.set(entry.conditions_met)
    return answer


@transaction.atomic
def answers_save(
    *, assessment: Assessment, user: Account, entries: Sequence[AnswerInput]
) -> Profile:
    """Save several answers at once (a form), then recompute the profile once."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not can_answer(user, assessment):
        raise PermissionDenied(_("Du kan inte ändra den här bedömningen."))
    for entry in entries:
        _save_answer(assessment, entry, user)
    if entries:
        keys = ", ".join(entry.criterion.key for entry in entries)
        _record(assessment, Action.ANSWERED, user, keys)
    return store_results(assessment)


def answer_save(*, assessment: Assessment, user: Account, criterion: Criterion, **answer) -> Answer:
    """Save one criterion's answer (see AnswerInput for the fields)."""
    answers_save(
        assessment=assessment, user=user, entries=[AnswerInput(criterion=criterion, **answer)]
    )
    return Answer.objects.get(assessment=assessment, criterion=criterion)


def store_results(assessment: Assessment) -> Profile:
    """Recompute the profile and keep its figures for lists and portfolio sums."""
    profile = profile_of(assessment)
    assessment.goal_results.all().delete()
    assessment.dimension_results.all().delete()
    goal_ids = dict(SdgGoal.objects.values_list("number", "pk"))
    dimension_ids = dict(SustainabilityDimension.objects.values_list("code", "pk"))
    GoalResult.objects.bulk_create(
        GoalResult(assessment=assessment, goal_id=goal_ids[number], impact=impact)
        for number, impact in profile.goals.items()
    )
    DimensionResult.objects.bulk_create(
        DimensionResult(
            assessment=assessment,
            dimension_id=dimension_ids[code],
            score=summary.score,
            positive=summary.positive,
            negative=summary.negative,
            knowledge_gaps=summary.knowledge_gaps,
        )
        for code, summary in profile.dimensions.items()
    )
    Assessment.objects.filter(pk=assessment.pk).update(
        weighted_score=profile.weighted_score,
        knockout_count=len(profile.knockouts),
        rethink_count=len(profile.rethink),
        updated_at=timezone.now(),
    )
    return profile


def submission_problems(profile: Profile, questions: dict[str, str]) -> list[str]:
    problems = [
        _("Frågan är inte besvarad: %(question)s") % {"question": questions[key]}
        for key in profile.unanswered
    ]
    problems += [
        _("Motivering saknas: %(question)s") % {"question": questions[key]}
        for key in profile.missing_motivation
    ]
    return problems


@transaction.atomic
def assessment_submit(*, assessment: Assessment, user: Account) -> Assessment:
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not can_answer(user, assessment):
        raise PermissionDenied(_("Du kan inte lämna in den här bedömningen."))
    profile = store_results(assessment)
    questions = dict(assessment.version.criteria.values_list("key", "question_sv"))
    problems = submission_problems(profile, questions)
    if problems:
        raise ValidationError(problems, code="incomplete")
    assessment.status = Status.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["status", "submitted_at", "updated_at"])
    _record(assessment, Action.SUBMITTED, user)
    return assessment


@transaction.atomic
def assessment_reopen(*, assessment: Assessment, user: Account, reason: str) -> Assessment:
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not can_reopen(user, assessment):
        raise PermissionDenied(_("Bara en inlämnad bedömning kan öppnas igen, av behörig."))
    if not reason.strip():
        raise ValidationError(_("Skriv varför bedömningen öppnas igen."), code="reason")
    assessment.status = Status.DRAFT
    assessment.save(update_fields=["status", "updated_at"])
    _record(assessment, Action.REOPENED, user, reason.strip())
    return assessment


@transaction.atomic
def assessment_lock(*, assessment: Assessment, user: Account) -> Assessment:
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.status != Status.SUBMITTED:
        raise ValidationError(_("Bara en inlämnad bedömning kan låsas."), code="status")
    if not can_lock(user, assessment):
        raise PermissionDenied(_("Du får inte låsa bedömningar."))
    assessment.status = Status.LOCKED
    assessment.locked_at = timezone.now()
    assessment.save(update_fields=["status", "locked_at", "updated_at"])
    _record(assessment, Action.LOCKED, user)
    return assessment


@transaction.atomic
def framework_version_copy(*, version: FrameworkVersion, user: Account) -> FrameworkVersion:
    """A new, unpublished version with the same criteria, to edit."""
    if not can_make_framework_version(user):
        raise PermissionDenied(_("Du får inte göra nya versioner av ramverk."))
    number = version.framework.versions.aggregate(highest=Max("number"))["highest"] + 1
    copy = FrameworkVersion.objects.create(
        framework=version.framework,
        number=number,
        change_note="",
        created_by=user,
    )
    for criterion in version.criteria.prefetch_related(
        "options", "conditions", "sdg_goals", "sdg_targets"
    ):
        children = [*criterion.options.all(), *criterion.conditions.all()]
        goals, targets = list(criterion.sdg_goals.all()), list(criterion.sdg_targets.all())
        new = Criterion.objects.get(pk=criterion.pk)
        new.pk = new.id = None
        new.version = copy
        new.save()
        new.sdg_goals.set(goals)
        new.sdg_targets.set(targets)
        # modelcluster's save() writes the ParentalManyToManyFields named here; django-stubs
        # allows only concrete fields in update_fields.
        new.save(update_fields=["sdg_goals", "sdg_targets"])  # type: ignore[misc]
        for child in children:
            child.pk = child.id = None
            child.criterion = new
            child.save()
    log(instance=copy, action=VERSION_MADE, user=user, data={"from_number": version.number})
    return copy


@transaction.atomic
def framework_version_publish(*, version: FrameworkVersion, user: Account) -> FrameworkVersion:
    if not can_publish_framework_version(user):
        raise PermissionDenied(_("Du får inte publicera ramverk."))
    if not version.criteria.exists():
        raise ValidationError(_("En version utan kriterier kan inte publiceras."), code="empty")
    for criterion in version.criteria.all():
        if not criterion.options.exists():
            raise ValidationError(
                _("Kriteriet ”%(key)s” saknar svarsalternativ.") % {"key": criterion.key},
                code="options",
            )
    if version.published_at is None:
        version.published_at = timezone.now()
        version.save(update_fields=["published_at"])
        log(instance=version, action=VERSION_PUBLISHED, user=user)
    return version
