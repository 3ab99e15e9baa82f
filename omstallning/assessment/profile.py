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


@dataclass
class _Lists:
    """The criteria each list of the profile names, in the framework's order."""

    knockouts: list[str] = field(default_factory=list)
    rethink: list[str] = field(default_factory=list)
    strengthen: list[str] = field(default_factory=list)
    mitigate: list[str] = field(default_factory=list)
    find_out: list[str] = field(default_factory=list)
    unmotivated: list[str] = field(default_factory=list)
    unanswered: list[str] = field(default_factory=list)

    def sort(self, spec: CriterionSpec, answer: AnswerFacts, impact: str, share: Decimal) -> None:
        """Put an answered criterion on every list its answer calls for."""
        if answer.is_knockout:
            self.knockouts.append(spec.key)
        negative = _is_negative(impact)
        if negative and spec.rethink_when_negative_without_action and not answer.has_action:
            self.rethink.append(spec.key)
        if negative or answer.is_knockout:
            self.mitigate.append(spec.key)
        elif impact == Impact.UNKNOWN:
            self.find_out.append(spec.key)
        elif share < Decimal("0.5"):
            self.strengthen.append(spec.key)
        needs_motivation = spec.motivation_rule == MotivationRule.ALWAYS or (
            spec.motivation_rule == MotivationRule.NEGATIVE and (negative or answer.is_knockout)
        )
        if needs_motivation and not answer.has_motivation:
            self.unmotivated.append(spec.key)


@dataclass
class _Sums:
    """Weighted points in all and per dimension, and each dimension's impact counts."""

    points: Decimal = Decimal(0)
    weights: Decimal = Decimal(0)
    dimension_points: dict[str, list[Decimal]] = field(default_factory=dict)
    dimension_counts: dict[str, list[int]] = field(default_factory=dict)

    def add(self, spec: CriterionSpec, impact: str, share: Decimal) -> None:
        self.points += spec.weight * share
        self.weights += spec.weight
        if not spec.dimension:
            return
        sums = self.dimension_points.setdefault(spec.dimension, [Decimal(0), Decimal(0)])
        sums[0] += spec.weight * share
        sums[1] += spec.weight
        counts = self.dimension_counts.setdefault(spec.dimension, [0, 0, 0])
        counts[0] += _is_positive(impact)
        counts[1] += _is_negative(impact)
        counts[2] += impact == Impact.UNKNOWN

    def dimensions(self) -> dict[str, DimensionSummary]:
        return {
            code: DimensionSummary(
                _percentage(*self.dimension_points[code]), *self.dimension_counts[code]
            )
            for code in sorted(self.dimension_points)
        }


def compute_profile(criteria: Sequence[CriterionSpec], answers: Iterable[AnswerFacts]) -> Profile:
    """The profile of one assessment: criteria in the framework's order, answers in any order."""
    by_key = {answer.criterion_key: answer for answer in answers}
    goal_impacts: dict[int, set[str]] = {}
    sums, lists = _Sums(), _Lists()
    for spec in criteria:
        answer = by_key.get(spec.key)
        if answer is None or (answer.value is None and not answer.not_relevant):
            lists.unanswered.append(spec.key)
            continue
        if answer.not_relevant:
            for goal in spec.goals:
                goal_impacts.setdefault(goal, set()).add(GoalImpact.NOT_RELEVANT)
            continue
        impact = answer.impact or Impact.NONE
        for goal in spec.goals:
            goal_impacts.setdefault(goal, set()).add(impact)
        share = _normalised(spec, answer.value)
        sums.add(spec, impact, share)
        lists.sort(spec, answer, impact, share)
    return Profile(
        goals={goal: combine_goal_impacts(found) for goal, found in sorted(goal_impacts.items())},
        dimensions=sums.dimensions(),
        weighted_score=_percentage(sums.points, sums.weights),
        knockouts=tuple(lists.knockouts),
        rethink=tuple(lists.rethink),
        to_strengthen=tuple(lists.strengthen),
        to_mitigate=tuple(lists.mitigate),
        to_find_out=tuple(lists.find_out),
        missing_motivation=tuple(lists.unmotivated),
        unanswered=tuple(lists.unanswered),
    )
