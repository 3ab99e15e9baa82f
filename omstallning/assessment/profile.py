"""The profile of an assessment, computed from its answers. Pure: no database here.

Everything is decided per criterion and then combined with order-free operations (sets,
sums), so the profile never depends on the order in which answers were given.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from .impact import GoalImpact, Impact, MotivationRule

ONE_DECIMAL = Decimal("0.1")


@dataclass(frozen=True)
class CriterionSpec:
    key: str
    question: str
    dimension: str | None = None
    goals: frozenset[int] = frozenset()
    weight: Decimal = Decimal(1)
    min_value: Decimal = Decimal(0)
    max_value: Decimal = Decimal(0)
    motivation_rule: str = MotivationRule.NEVER
    rethink_when_negative_without_action: bool = False


@dataclass(frozen=True)
class AnswerFacts:
    criterion_key: str
    value: Decimal | None = None
    impact: str | None = None
    is_knockout: bool = False
    not_relevant: bool = False
    has_motivation: bool = False
    has_action: bool = False


@dataclass(frozen=True)
class DimensionSummary:
    score: Decimal | None
    positive: int = 0
    negative: int = 0
    knowledge_gaps: int = 0


@dataclass(frozen=True)
class Profile:
    goals: Mapping[int, str] = field(default_factory=dict)
    dimensions: Mapping[str, DimensionSummary] = field(default_factory=dict)
    weighted_score: Decimal | None = None
    knockouts: tuple[str, ...] = ()
    rethink: tuple[str, ...] = ()
    to_strengthen: tuple[str, ...] = ()
    to_mitigate: tuple[str, ...] = ()
    to_find_out: tuple[str, ...] = ()
    missing_motivation: tuple[str, ...] = ()
    unanswered: tuple[str, ...] = ()

    @property
    def has_knockout(self) -> bool:
        return bool(self.knockouts)


def _is_positive(impact: str | None) -> bool:
    return impact in (Impact.POSITIVE, Impact.BOTH)


def _is_negative(impact: str | None) -> bool:
    return impact in (Impact.NEGATIVE, Impact.BOTH)


def combine_goal_impacts(impacts: Iterable[str]) -> str:
    """One goal's impact from all answers that concern it (each an Impact or NOT_RELEVANT)."""
    found = set(impacts)
    positive = any(_is_positive(impact) for impact in found)
    negative = any(_is_negative(impact) for impact in found)
    if positive and negative:
        return GoalImpact.BOTH
    if positive:
        return GoalImpact.POSITIVE
    if negative:
        return GoalImpact.NEGATIVE
    if Impact.UNKNOWN in found:
        return GoalImpact.KNOWLEDGE_GAP
    if Impact.NONE in found:
        return GoalImpact.NONE
    return GoalImpact.NOT_RELEVANT


def _normalised(spec: CriterionSpec, value: Decimal) -> Decimal:
    span = spec.max_value - spec.min_value
    if span <= 0:
        return Decimal(1)
    return (value - spec.min_value) / span


def _percentage(points: Decimal, weights: Decimal) -> Decimal | None:
    if weights <= 0:
        return None
    return (points * 100 / weights).quantize(ONE_DECIMAL, rounding=ROUND_HALF_UP)


def compute_profile(criteria: Sequence[CriterionSpec], answers: Iterable[AnswerFacts]) -> Profile:
    """The profile of one assessment: criteria in the framework's order, answers in any order."""
    by_key = {answer.criterion_key: answer for answer in answers}
    goal_impacts: dict[int, set[str]] = {}
    dimension_points: dict[str, list[Decimal]] = {}
    dimension_counts: dict[str, list[int]] = {}
    points = weights = Decimal(0)
    knockouts, rethink, strengthen, mitigate, find_out, unmotivated, unanswered = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )

    for spec in criteria:
        answer = by_key.get(spec.key)
        if answer is None or (answer.value is None and not answer.not_relevant):
            unanswered.append(spec.key)
            continue
        if answer.not_relevant:
            for goal in spec.goals:
                goal_impacts.setdefault(goal, set()).add(GoalImpact.NOT_RELEVANT)
            continue
        impact = answer.impact or Impact.NONE
        for goal in spec.goals:
            goal_impacts.setdefault(goal, set()).add(impact)

        share = _normalised(spec, answer.value)
        points += spec.weight * share
        weights += spec.weight
        if spec.dimension:
            sums = dimension_points.setdefault(spec.dimension, [Decimal(0), Decimal(0)])
            sums[0] += spec.weight * share
            sums[1] += spec.weight
            counts = dimension_counts.setdefault(spec.dimension, [0, 0, 0])
            counts[0] += _is_positive(impact)
            counts[1] += _is_negative(impact)
            counts[2] += impact == Impact.UNKNOWN

        if answer.is_knockout:
            knockouts.append(spec.key)
        negative = _is_negative(impact)
        if negative and spec.rethink_when_negative_without_action and not answer.has_action:
            rethink.append(spec.key)
        if negative or answer.is_knockout:
            mitigate.append(spec.key)
        elif impact == Impact.UNKNOWN:
            find_out.append(spec.key)
        elif share < Decimal("0.5"):
            strengthen.append(spec.key)
        needs_motivation = spec.motivation_rule == MotivationRule.ALWAYS or (
            spec.motivation_rule == MotivationRule.NEGATIVE and (negative or answer.is_knockout)
        )
        if needs_motivation and not answer.has_motivation:
            unmotivated.append(spec.key)

    return Profile(
        goals={goal: combine_goal_impacts(found) for goal, found in sorted(goal_impacts.items())},
        dimensions={
            code: DimensionSummary(_percentage(*dimension_points[code]), *dimension_counts[code])
            for code in sorted(dimension_points)
        },
        weighted_score=_percentage(points, weights),
        knockouts=tuple(knockouts),
        rethink=tuple(rethink),
        to_strengthen=tuple(strengthen),
        to_mitigate=tuple(mitigate),
        to_find_out=tuple(find_out),
        missing_motivation=tuple(unmotivated),
        unanswered=tuple(unanswered),
    )
