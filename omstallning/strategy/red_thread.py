"""The red thread: how the strategy's goals and initiatives cover the SDGs and the three
dimensions, where the gaps are, and where the money goes. Pure: it works on plain facts, so
the rules are easy to test and read.

Rules (also shown on the public page):
- A goal's column counts the goal's own assessment and those of the initiatives serving it.
- An SDG is *uncovered* when no goal or initiative has a positive (or mixed) impact on it.
- A negative impact is *mitigated* when an initiative serving the same goal has a positive
  impact on the same SDG; otherwise it is a gap.
- A dimension is *out of balance* when it has fewer than half the average number of positive
  impacts of the three dimensions.
- An initiative's budget counts for a dimension when its assessment has more positive than
  negative impacts in that dimension.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

SDG_NUMBERS = range(1, 18)
DIMENSIONS = ("ecological", "social", "economic")
POSITIVE = {"positive", "both"}
NEGATIVE = {"negative", "both"}


@dataclass(frozen=True)
class Profile:
    goals: Mapping[int, str]  # SDG number → impact
    dimensions: Mapping[str, tuple[int, int]]  # dimension code → (positive, negative)


@dataclass(frozen=True)
class Goal:
    id: int
    code: str
    title: str
    focus_area: str


@dataclass(frozen=True)
class Initiative:
    id: int
    code: str
    title: str
    budget: Decimal
    goal_ids: frozenset[int]


@dataclass
class Cell:
    positive: int = 0
    negative: int = 0

    @property
    def net(self) -> int:
        return self.positive - self.negative


@dataclass(frozen=True)
class UnmitigatedNegative:
    sdg: int
    source_code: str
    source_title: str
    kind: str  # "goal" or "initiative"


@dataclass
class RedThread:
    goals: list[Goal]
    # SDG number → goal id → Cell
    matrix: dict[int, dict[int, Cell]]
    uncovered_sdgs: list[int]
    unmitigated: list[UnmitigatedNegative]
    unassessed_goals: list[Goal]
    unassessed_initiatives: list[Initiative]
    positive_per_dimension: dict[str, int]
    out_of_balance: list[str]
    budget_total: Decimal
    budget_per_dimension: dict[str, Decimal] = field(default_factory=dict)

    def share(self, dimension: str) -> float:
        if not self.budget_total:
            return 0.0
        return float(self.budget_per_dimension.get(dimension, 0) / self.budget_total)


def _count(cell: Cell, impact: str | None) -> None:
    if impact in POSITIVE:
        cell.positive += 1
    if impact in NEGATIVE:
        cell.negative += 1


def red_thread(
    goals: list[Goal],
    initiatives: list[Initiative],
    goal_profiles: Mapping[int, Profile],
    initiative_profiles: Mapping[int, Profile],
) -> RedThread:
    serving = _serving(goals, initiatives)
    all_profiles = [*goal_profiles.values(), *initiative_profiles.values()]
    covered = {sdg for p in all_profiles for sdg, impact in p.goals.items() if impact in POSITIVE}
    positive = {d: sum(p.dimensions.get(d, (0, 0))[0] for p in all_profiles) for d in DIMENSIONS}
    average = sum(positive.values()) / len(DIMENSIONS)
    return RedThread(
        goals=goals,
        matrix=_matrix(goals, serving, goal_profiles, initiative_profiles),
        uncovered_sdgs=[sdg for sdg in SDG_NUMBERS if sdg not in covered],
        unmitigated=_all_unmitigated(
            goals, initiatives, serving, goal_profiles, initiative_profiles
        ),
        unassessed_goals=[g for g in goals if g.id not in goal_profiles],
        unassessed_initiatives=[i for i in initiatives if i.id not in initiative_profiles],
        positive_per_dimension=positive,
        out_of_balance=[d for d in DIMENSIONS if average and positive[d] < average / 2],
        budget_total=sum((i.budget for i in initiatives), Decimal(0)),
        budget_per_dimension=_budget_per_dimension(initiatives, initiative_profiles),
    )


def _serving(goals: list[Goal], initiatives: list[Initiative]) -> dict[int, list[Initiative]]:
    """Goal id → the initiatives serving it, in the initiatives' order."""
    serving: dict[int, list[Initiative]] = {goal.id: [] for goal in goals}
    for initiative in initiatives:
        for goal_id in initiative.goal_ids:
            serving.setdefault(goal_id, []).append(initiative)
    return serving


def _matrix(
    goals: list[Goal],
    serving: Mapping[int, list[Initiative]],
    goal_profiles: Mapping[int, Profile],
    initiative_profiles: Mapping[int, Profile],
) -> dict[int, dict[int, Cell]]:
    matrix = {sdg: {goal.id: Cell() for goal in goals} for sdg in SDG_NUMBERS}
    for goal in goals:
        profiles = [goal_profiles.get(goal.id)] + [
            initiative_profiles.get(i.id) for i in serving.get(goal.id, [])
        ]
        for profile in filter(None, profiles):
            for sdg, impact in profile.goals.items():
                # An assessment may name numbers that are no SDG; the matrix has no row for them.
                if sdg in matrix:
                    _count(matrix[sdg][goal.id], impact)
    return matrix


def _all_unmitigated(
    goals: list[Goal],
    initiatives: list[Initiative],
    serving: Mapping[int, list[Initiative]],
    goal_profiles: Mapping[int, Profile],
    initiative_profiles: Mapping[int, Profile],
) -> list[UnmitigatedNegative]:
    """The goals' gaps first, then the initiatives'."""
    unmitigated = []
    for goal in goals:
        helpers = [initiative_profiles.get(i.id) for i in serving.get(goal.id, [])]
        unmitigated += _unmitigated(
            goal_profiles.get(goal.id), helpers, goal.code, goal.title, "goal"
        )
    for initiative in initiatives:
        # An initiative cannot counter its own harm: only the others serving its goals can.
        helpers = [
            initiative_profiles.get(other.id)
            for goal_id in initiative.goal_ids
            for other in serving.get(goal_id, [])
            if other.id != initiative.id
        ]
        unmitigated += _unmitigated(
            initiative_profiles.get(initiative.id),
            helpers,
            initiative.code,
            initiative.title,
            "initiative",
        )
    return unmitigated


def _budget_per_dimension(
    initiatives: list[Initiative], initiative_profiles: Mapping[int, Profile]
) -> dict[str, Decimal]:
    return {
        d: sum(
            (
                i.budget
                for i in initiatives
                if (p := initiative_profiles.get(i.id))
                and p.dimensions.get(d, (0, 0))[0] > p.dimensions.get(d, (0, 0))[1]
            ),
            Decimal(0),
        )
        for d in DIMENSIONS
    }


def _unmitigated(
    profile: Profile | None,
    helpers: Iterable[Profile | None],
    code: str,
    title: str,
    kind: str,
) -> list[UnmitigatedNegative]:
    if profile is None:
        return []
    helped = {sdg for h in helpers if h for sdg, impact in h.goals.items() if impact in POSITIVE}
    return [
        UnmitigatedNegative(sdg, code, title, kind)
        for sdg, impact in sorted(profile.goals.items())
        if impact in NEGATIVE and sdg not in helped
    ]
