"""Reads: criteria and answers as the profile needs them, profiles, comparisons, portfolio sums."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max, Min, Model, Q, QuerySet, Sum, Value
from django.db.models.expressions import BaseExpression
from django.db.models.functions import Coalesce

from omstallning.core.models import SdgGoal, SustainabilityDimension

from .impact import Relevance
from .models import (
    Answer,
    Assessment,
    Criterion,
    DimensionResult,
    Framework,
    FrameworkVersion,
    GoalResult,
)
from .permissions import is_subject_hidden
from .profile import AnswerFacts, CriterionSpec, Profile, compute_profile
from .registry import with_hidden_rules


def frameworks_in_use() -> QuerySet[Framework]:
    """Frameworks with a published version, for choosing one to assess with."""
    return Framework.objects.filter(versions__published_at__isnull=False).distinct()


def criteria_of(version: FrameworkVersion) -> QuerySet[Criterion]:
    return (
        version.criteria.select_related("dimension")
        .prefetch_related("options", "conditions", "sdg_goals", "sdg_targets")
        .order_by("sort_order", "pk")
    )


def criterion_specs(version: FrameworkVersion) -> list[CriterionSpec]:
    specs = []
    for criterion in criteria_of(version).annotate(
        low=Min("options__value"), high=Max("options__value")
    ):
        specs.append(
            CriterionSpec(
                key=criterion.key,
                question=criterion.question,
                dimension=criterion.dimension.code if criterion.dimension else None,
                goals=frozenset(goal.number for goal in criterion.sdg_goals.all()),
                weight=criterion.weight,
                min_value=criterion.low or Decimal(0),
                max_value=criterion.high or Decimal(0),
                motivation_rule=criterion.motivation_required,
                rethink_when_negative_without_action=(
                    criterion.rethink_when_negative_without_action
                ),
            )
        )
    return specs


def answers_of(assessment: Assessment) -> QuerySet[Answer]:
    return assessment.answers.select_related("criterion", "option", "updated_by")


def answer_facts(answers: Iterable[Answer]) -> list[AnswerFacts]:
    return [
        AnswerFacts(
            criterion_key=answer.criterion.key,
            value=answer.option.value if answer.option else None,
            impact=answer.option.impact if answer.option else None,
            is_knockout=bool(answer.option and answer.option.is_knockout),
            not_relevant=answer.relevance == Relevance.NOT_RELEVANT,
            has_motivation=bool(answer.motivation.strip()),
            has_action=bool(answer.action.strip()),
        )
        for answer in answers
    ]


def profile_of(assessment: Assessment) -> Profile:
    return compute_profile(
        criterion_specs(assessment.version), answer_facts(answers_of(assessment))
    )


def assessment_list(
    *, framework_key: str = "", status: str = "", user=None
) -> QuerySet[Assessment]:
    """All assessments, less those the subject's app hides from `user`."""
    assessments = Assessment.objects.select_related(
        "version__framework", "assessor", "subject_type"
    ).order_by("-updated_at")
    if user is not None:
        for assessable in with_hidden_rules():
            assert assessable.hidden_from is not None  # with_hidden_rules() keeps only these
            assessments = assessments.exclude(
                subject_type=ContentType.objects.get_for_model(assessable.model),
                subject_id__in=assessable.hidden_from(user).values("pk"),
            )
    if framework_key:
        assessments = assessments.filter(version__framework__key=framework_key)
    if status in Assessment.Status.values:
        assessments = assessments.filter(status=status)
    return assessments


def assessments_in_portfolio(
    *,
    framework_key: str = "",
    statuses: Iterable[str] = (),
    subject_type: ContentType | None = None,
) -> QuerySet[Assessment]:
    assessments = Assessment.objects.all()
    if framework_key:
        assessments = assessments.filter(version__framework__key=framework_key)
    if statuses:
        assessments = assessments.filter(status__in=list(statuses))
    if subject_type is not None:
        assessments = assessments.filter(subject_type=subject_type)
    return assessments


def assessments_of(subject: Model, *, user=None) -> QuerySet[Assessment]:
    """The object's assessments; with `user`, none if its app hides the object from them."""
    assessments = Assessment.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
    ).select_related("version__framework", "assessor")
    if user is not None and is_subject_hidden(user, type(subject), subject.pk):
        return assessments.none()
    return assessments


@dataclass(frozen=True)
class ComparedCriterion:
    key: str
    question: str
    first: Answer | None
    second: Answer | None

    @property
    def differs(self) -> bool:
        def summary(answer: Answer | None) -> tuple:
            if answer is None:
                return (None, "")
            return (answer.option.label_sv if answer.option else None, answer.relevance)

        return summary(self.first) != summary(self.second)


def comparison(first: Assessment, second: Assessment) -> list[ComparedCriterion]:
    """Two assessments of the same object side by side, criterion by criterion (by key, so
    different versions of a framework line up)."""
    if (first.subject_type_id, first.subject_id) != (second.subject_type_id, second.subject_id):
        raise ValueError("Only assessments of the same object can be compared.")
    first_answers = {answer.criterion.key: answer for answer in answers_of(first)}
    second_answers = {answer.criterion.key: answer for answer in answers_of(second)}
    rows, seen = [], set()
    for version in (first.version, second.version):
        for criterion in criteria_of(version):
            if criterion.key in seen:
                continue
            seen.add(criterion.key)
            rows.append(
                ComparedCriterion(
                    key=criterion.key,
                    question=criterion.question,
                    first=first_answers.get(criterion.key),
                    second=second_answers.get(criterion.key),
                )
            )
    return rows


@dataclass
class Tally:
    """How many assessed objects, and how much money (or other amount), in one category."""

    count: int = 0
    amount: Decimal = Decimal(0)

    def add(self, count: int, amount: Decimal) -> None:
        self.count += count
        self.amount += amount


@dataclass
class PortfolioSums:
    assessments: Tally = field(default_factory=Tally)
    knockouts: Tally = field(default_factory=Tally)
    # goal number → GoalImpact → Tally
    goals: dict[int, dict[str, Tally]] = field(default_factory=dict)
    # dimension code → "positive" | "negative" | "knowledge_gaps" → Tally
    dimensions: dict[str, dict[str, Tally]] = field(default_factory=dict)

    def goal(self, number: int, impact: str) -> Tally:
        return self.goals.get(number, {}).get(impact, Tally())

    def dimension(self, code: str, kind: str) -> Tally:
        return self.dimensions.get(code, {}).get(kind, Tally())


DIMENSION_KINDS = ("positive", "negative", "knowledge_gaps")


def portfolio_sums(
    assessments: QuerySet[Assessment], weight: BaseExpression | None = None
) -> PortfolioSums:
    """Sums over many assessments, in a few grouped queries on the stored results.

    `weight` is an expression on Assessment (for instance an annotation with the amount
    granted); without it the amounts are zero and only the counts matter.
    """
    amount = Coalesce(weight, Value(Decimal(0))) if weight is not None else Value(Decimal(0))
    weighted = assessments.annotate(portfolio_weight=amount)
    sums = PortfolioSums()

    totals = weighted.aggregate(
        count=Count("pk"),
        amount=Sum("portfolio_weight"),
        stopped_count=Count("pk", filter=Q(knockout_count__gt=0)),
        stopped_amount=Sum("portfolio_weight", filter=Q(knockout_count__gt=0)),
    )
    sums.assessments.add(totals["count"], totals["amount"] or Decimal(0))
    sums.knockouts.add(totals["stopped_count"], totals["stopped_amount"] or Decimal(0))

    # Group on the ids and name them afterwards: one join fewer on a large table.
    goal_numbers = dict(SdgGoal.objects.values_list("pk", "number"))
    dimension_codes = dict(SustainabilityDimension.objects.values_list("pk", "code"))
    goal_rows = (
        weighted.filter(goal_results__isnull=False)
        .values("goal_results__goal_id", "goal_results__impact")
        .annotate(count=Count("pk"), amount=Sum("portfolio_weight"))
        .order_by()
    )
    for row in goal_rows:
        per_goal = sums.goals.setdefault(goal_numbers[row["goal_results__goal_id"]], {})
        per_goal.setdefault(row["goal_results__impact"], Tally()).add(
            row["count"], row["amount"] or Decimal(0)
        )

    # The row type django-stubs infers leaves out annotations given as **kwargs.
    dimension_rows: Iterable[Mapping[str, Any]] = (
        weighted.filter(dimension_results__isnull=False)
        .values("dimension_results__dimension_id")
        .annotate(
            **{
                f"{kind}_count": Count("pk", filter=Q(**{f"dimension_results__{kind}__gt": 0}))
                for kind in DIMENSION_KINDS
            },
            **{
                f"{kind}_amount": Sum(
                    "portfolio_weight", filter=Q(**{f"dimension_results__{kind}__gt": 0})
                )
                for kind in DIMENSION_KINDS
            },
        )
        .order_by()
    )
    for dimension_row in dimension_rows:
        code = dimension_codes[dimension_row["dimension_results__dimension_id"]]
        per_dimension = sums.dimensions.setdefault(code, {})
        for kind in DIMENSION_KINDS:
            per_dimension.setdefault(kind, Tally()).add(
                dimension_row[f"{kind}_count"], dimension_row[f"{kind}_amount"] or Decimal(0)
            )
    return sums


@dataclass(frozen=True)
class DimensionFigures:
    positive: int
    negative: int
    knowledge_gaps: int
    score: Decimal | None


@dataclass(frozen=True)
class StoredProfile:
    """The stored headline of an object's latest finished assessment."""

    assessment: Assessment
    goals: dict[int, str]  # SDG number → GoalImpact
    dimensions: dict[str, DimensionFigures]  # dimension code → figures


FINISHED = (Assessment.Status.SUBMITTED, Assessment.Status.LOCKED)


def latest_profiles(model: type[Model], ids: Iterable[int]) -> dict[int, StoredProfile]:
    """For each object, the profile of its latest submitted or locked assessment (drafts do
    not count: an object with only a draft is not yet assessed)."""
    latest: dict[int, Assessment] = {}
    for assessment in (
        Assessment.objects.filter(
            subject_type=ContentType.objects.get_for_model(model),
            subject_id__in=list(ids),
            status__in=FINISHED,
        )
        .select_related("version__framework")
        .order_by("subject_id", "-submitted_at", "-pk")
    ):
        latest.setdefault(assessment.subject_id, assessment)
    by_assessment = {assessment.pk: subject for subject, assessment in latest.items()}
    goals: dict[int, dict[int, str]] = {subject: {} for subject in latest}
    for assessment_id, number, impact in GoalResult.objects.filter(
        assessment_id__in=by_assessment
    ).values_list("assessment_id", "goal__number", "impact"):
        goals[by_assessment[assessment_id]][number] = impact
    dimensions: dict[int, dict[str, DimensionFigures]] = {subject: {} for subject in latest}
    for row in DimensionResult.objects.filter(assessment_id__in=by_assessment).values(
        "assessment_id", "dimension__code", "positive", "negative", "knowledge_gaps", "score"
    ):
        dimensions[by_assessment[row["assessment_id"]]][row["dimension__code"]] = DimensionFigures(
            positive=row["positive"],
            negative=row["negative"],
            knowledge_gaps=row["knowledge_gaps"],
            score=row["score"],
        )
    return {
        subject: StoredProfile(assessment, goals[subject], dimensions[subject])
        for subject, assessment in latest.items()
    }
