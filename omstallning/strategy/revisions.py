"""Versions of a strategy: adopting freezes one, the next revision starts as a copy, and two
versions can be compared. Goals and initiatives are matched by their number (code)."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils.translation import gettext as _

from omstallning.assessment.selectors import latest_profiles

from .models import FocusArea, IndicatorValue, Initiative, Strategy, StrategyGoal


def revision_copy(*, strategy: Strategy) -> Strategy:
    """A new draft version with the same focus areas, goals, indicators (with their values)
    and initiatives (with their current status). Assessments stay with the version they were
    made for; the new version's goals and initiatives are assessed anew. Called by
    services.strategy_revision_start, inside its transaction and after its permission check."""
    if Strategy.objects.filter(slug=strategy.slug, status=Strategy.Status.DRAFT).exists():
        raise ValidationError(_("Det finns redan en version under arbete."))
    latest = Strategy.objects.filter(slug=strategy.slug).aggregate(v=Max("version"))["v"]
    copy = Strategy.objects.create(
        name=strategy.name,
        slug=strategy.slug,
        version=latest + 1,
        previous_version=strategy,
        period_start=strategy.period_start,
        period_end=strategy.period_end,
        summary=strategy.summary,
        is_example_data=strategy.is_example_data,
    )
    goals: dict[int, StrategyGoal] = {}
    for area in strategy.focus_areas.all():
        new_area = FocusArea.objects.create(
            strategy=copy, name=area.name, description=area.description, sort_order=area.sort_order
        )
        for goal in area.goals.all():
            goals[goal.pk] = StrategyGoal.objects.create(
                focus_area=new_area, code=goal.code, title=goal.title, description=goal.description
            )
            for indicator in goal.indicators.all():
                values = list(indicator.values.all())
                indicator.pk = None
                indicator.goal = goals[goal.pk]
                indicator.save()
                IndicatorValue.objects.bulk_create(
                    IndicatorValue(indicator=indicator, year=v.year, value=v.value, note=v.note)
                    for v in values
                )
    for initiative in strategy.initiatives.prefetch_related("goals"):
        served = [goals[g.pk] for g in initiative.goals.all() if g.pk in goals]
        new = Initiative(
            strategy=copy,
            code=initiative.code,
            title=initiative.title,
            description=initiative.description,
            responsible=initiative.responsible,
            start_year=initiative.start_year,
            end_year=initiative.end_year,
            budget=initiative.budget,
            status=initiative.status,
            progress=initiative.progress,
        )
        new.save()
        new.goals.set(served)
        new.save()
    return copy


@dataclass
class Change:
    code: str
    title: str
    fields: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    older: Strategy
    newer: Strategy
    goals_added: list[StrategyGoal]
    goals_removed: list[StrategyGoal]
    goals_changed: list[Change]
    initiatives_added: list[Initiative]
    initiatives_removed: list[Initiative]
    initiatives_changed: list[Change]
    assessments_changed: list[Change]


GOAL_FIELDS = {"title": _("mål"), "description": _("beskrivning")}
INITIATIVE_FIELDS = {
    "title": _("insats"),
    "description": _("beskrivning"),
    "responsible": _("ansvariga aktörer"),
    "start_year": _("startår"),
    "end_year": _("slutår"),
    "budget": _("budget (kr)"),
}


def _indicators(goal: StrategyGoal) -> set[tuple]:
    return {
        (i.name, i.unit, i.baseline_value, i.baseline_year, i.target_value, i.target_year)
        for i in goal.indicators.all()
    }


def _changed(old, new, fields: dict) -> list[str]:
    return [
        str(label) for name, label in fields.items() if getattr(old, name) != getattr(new, name)
    ]


def versions_compare(older: Strategy, newer: Strategy) -> Comparison:
    old_goals, new_goals = _goals_by_code(older), _goals_by_code(newer)
    old_items, new_items = _initiatives_by_code(older), _initiatives_by_code(newer)
    return Comparison(
        older=older,
        newer=newer,
        goals_added=[new_goals[c] for c in sorted(new_goals.keys() - old_goals.keys())],
        goals_removed=[old_goals[c] for c in sorted(old_goals.keys() - new_goals.keys())],
        goals_changed=_goals_changed(old_goals, new_goals),
        initiatives_added=[new_items[c] for c in sorted(new_items.keys() - old_items.keys())],
        initiatives_removed=[old_items[c] for c in sorted(old_items.keys() - new_items.keys())],
        initiatives_changed=_initiatives_changed(old_items, new_items),
        assessments_changed=_assessments_changed(old_goals, new_goals, old_items, new_items),
    )


def _goals_by_code(strategy: Strategy) -> dict[str, StrategyGoal]:
    return {
        g.code: g
        for g in StrategyGoal.objects.filter(focus_area__strategy=strategy)
        .select_related("focus_area")
        .prefetch_related("indicators")
    }


def _initiatives_by_code(strategy: Strategy) -> dict[str, Initiative]:
    return {i.code: i for i in strategy.initiatives.prefetch_related("goals")}


def _goals_changed(
    old_goals: dict[str, StrategyGoal], new_goals: dict[str, StrategyGoal]
) -> list[Change]:
    goals_changed = []
    for code in sorted(old_goals.keys() & new_goals.keys()):
        old, new = old_goals[code], new_goals[code]
        fields = _changed(old, new, GOAL_FIELDS)
        if old.focus_area.name != new.focus_area.name:
            fields.append(_("fokusområde"))
        if _indicators(old) != _indicators(new):
            fields.append(_("indikatorer"))
        if fields:
            goals_changed.append(Change(code, new.title, fields))
    return goals_changed


def _initiatives_changed(
    old_items: dict[str, Initiative], new_items: dict[str, Initiative]
) -> list[Change]:
    initiatives_changed = []
    for code in sorted(old_items.keys() & new_items.keys()):
        old, new = old_items[code], new_items[code]
        fields = _changed(old, new, INITIATIVE_FIELDS)
        # By code: each version has its own goal rows, so their keys never match.
        if {g.code for g in old.goals.all()} != {g.code for g in new.goals.all()}:
            fields.append(_("bidrar till mål"))
        if fields:
            initiatives_changed.append(Change(code, new.title, fields))
    return initiatives_changed


def _assessments_changed(
    old_goals: dict[str, StrategyGoal],
    new_goals: dict[str, StrategyGoal],
    old_items: dict[str, Initiative],
    new_items: dict[str, Initiative],
) -> list[Change]:
    """The goals' changed assessments first, then the initiatives'."""
    assessments_changed = []
    for model, old_map, new_map in (
        (StrategyGoal, old_goals, new_goals),
        (Initiative, old_items, new_items),
    ):
        old_profiles = latest_profiles(model, [o.pk for o in old_map.values()])
        new_profiles = latest_profiles(model, [n.pk for n in new_map.values()])
        for code in sorted(old_map.keys() & new_map.keys()):
            before = old_profiles.get(old_map[code].pk)
            after = new_profiles.get(new_map[code].pk)
            if (before and before.goals) != (after and after.goals):
                label = _("bedömd") if before is None else _("ej bedömd") if after is None else ""
                assessments_changed.append(
                    Change(code, str(new_map[code].title), [label or _("påverkan ändrad")])
                )
    return assessments_changed
