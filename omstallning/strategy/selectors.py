"""Reads for the strategy: the published version, its tree with follow-up, and the red thread."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Prefetch, QuerySet

from omstallning.assessment.selectors import StoredProfile, latest_profiles

from . import red_thread, rollup
from .funding_link import GoalMoney, money_per_goal
from .models import FocusArea, Indicator, Initiative, Strategy, StrategyGoal


def published_version(strategy: Strategy) -> Strategy | None:
    """The latest adopted version of the strategy's family (same short name)."""
    return (
        Strategy.objects.filter(slug=strategy.slug, status=Strategy.Status.ADOPTED)
        .order_by("-version")
        .first()
    )


def adopted_goals() -> QuerySet[StrategyGoal]:
    """The goals of every adopted strategy, the ones an application can say it serves."""
    return StrategyGoal.objects.filter(
        focus_area__strategy__status=Strategy.Status.ADOPTED
    ).order_by("code")


def goals_of(strategy: Strategy) -> QuerySet[StrategyGoal]:
    return StrategyGoal.objects.filter(focus_area__strategy=strategy).select_related("focus_area")


def initiatives_of(strategy: Strategy) -> QuerySet[Initiative]:
    return strategy.initiatives.prefetch_related("goals").order_by("code")


def _work(initiative: Initiative) -> rollup.Work:
    return rollup.Work(
        start_year=initiative.start_year,
        end_year=initiative.end_year,
        budget=initiative.budget,
        progress=initiative.progress,
        status=initiative.status,
    )


def _plain(profile: StoredProfile) -> red_thread.Profile:
    return red_thread.Profile(
        goals=profile.goals,
        dimensions={code: (f.positive, f.negative) for code, f in profile.dimensions.items()},
    )


@dataclass
class GoalRow:
    goal: StrategyGoal
    rollup: rollup.Rollup
    profile: StoredProfile | None
    initiatives: list[Initiative]
    # Granted to funding decisions that serve the goal; None when none has been granted.
    money: GoalMoney | None = None


@dataclass
class InitiativeRow:
    initiative: Initiative
    rollup: rollup.Rollup
    profile: StoredProfile | None


@dataclass
class Overview:
    strategy: Strategy
    focus_areas: list[tuple[FocusArea, list[GoalRow]]]
    initiatives: list[InitiativeRow]
    red_thread: red_thread.RedThread
    shows_money: bool = False
    # Money per goal resting on fewer decisions than this is hidden (the funding rule).
    money_min_decisions: int | None = None


def overview(strategy: Strategy, today: date) -> Overview:
    goals = list(goals_of(strategy))
    initiatives = list(initiatives_of(strategy))
    goal_profiles = latest_profiles(StrategyGoal, [g.pk for g in goals])
    initiative_profiles = latest_profiles(Initiative, [i.pk for i in initiatives])
    serving: dict[int, list[Initiative]] = {goal.pk: [] for goal in goals}
    for initiative in initiatives:
        for goal in initiative.goals.all():
            serving.setdefault(goal.pk, []).append(initiative)

    money = money_per_goal([goal.pk for goal in goals])
    rows = {
        goal.pk: GoalRow(
            goal=goal,
            rollup=rollup.goal_rollup([_work(i) for i in serving[goal.pk]], today),
            profile=goal_profiles.get(goal.pk),
            initiatives=serving[goal.pk],
            money=money.per_goal.get(goal.pk) if money is not None else None,
        )
        for goal in goals
    }
    focus_areas = [
        (area, [rows[g.pk] for g in goals if g.focus_area_id == area.pk])
        for area in strategy.focus_areas.all()
    ]
    thread = red_thread.red_thread(
        [red_thread.Goal(g.pk, g.code, g.title, g.focus_area.name) for g in goals],
        [
            red_thread.Initiative(
                i.pk, i.code, i.title, i.budget, frozenset(g.pk for g in i.goals.all())
            )
            for i in initiatives
        ],
        {pk: _plain(p) for pk, p in goal_profiles.items()},
        {pk: _plain(p) for pk, p in initiative_profiles.items()},
    )
    return Overview(
        strategy=strategy,
        focus_areas=focus_areas,
        initiatives=[
            InitiativeRow(
                i, rollup.initiative_rollup(_work(i), today), initiative_profiles.get(i.pk)
            )
            for i in initiatives
        ],
        red_thread=thread,
        shows_money=money is not None,
        money_min_decisions=money.min_decisions if money is not None else None,
    )


def goal_with_follow_up(strategy: Strategy, url_code: str) -> StrategyGoal | None:
    goals = goals_of(strategy).prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.prefetch_related("values"))
    )
    return next((goal for goal in goals if goal.url_code == url_code), None)


def initiative_with_history(strategy: Strategy, url_code: str) -> Initiative | None:
    initiatives = strategy.initiatives.prefetch_related("goals__focus_area", "updates")
    return next((i for i in initiatives if i.url_code == url_code), None)
