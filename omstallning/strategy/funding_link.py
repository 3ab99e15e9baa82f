"""How money reaches the strategy's goals. Funding decisions (the funding app, a later step)
will each name the goals they serve; that app registers a source here, a function from goal
ids to the amount granted to decisions serving each goal. The strategy page shows "money per
goal" as soon as a source is registered; the strategy itself needs no change for it.
"""

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

GoalAmounts = Callable[[Sequence[int]], Mapping[int, Decimal]]

_sources: list[GoalAmounts] = []


def register_goal_money(source: GoalAmounts) -> None:
    """Called from a domain app's AppConfig.ready()."""
    if source not in _sources:
        _sources.append(source)


def money_per_goal(goal_ids: Sequence[int]) -> dict[int, Decimal] | None:
    """The amount per goal from every registered source, or None while there is none."""
    if not _sources:
        return None
    totals = dict.fromkeys(goal_ids, Decimal(0))
    for source in _sources:
        for goal_id, amount in source(goal_ids).items():
            if goal_id in totals:
                totals[goal_id] += amount
    return totals
