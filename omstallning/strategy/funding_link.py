"""How money reaches the strategy's goals. Funding decisions each name the goals they serve;
the funding app registers a source here, a function from goal ids to the money granted to
decisions serving each goal. The strategy page shows "money per goal" as soon as a source is
registered; the strategy itself needs no change for it.

The source publishes its figures by its own rule, the same as on its own statistics page: a
figure that rests on too few decisions comes back hidden (`amount` None), so that no single
company can be identified. The strategy shows what it gets and says the rule; it never adds
hidden figures up.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class GoalMoney:
    """What was granted to decisions serving one goal (at least one decision). Both are
    None when hidden: they rest on fewer than `min_decisions` decisions."""

    decisions: int | None
    amount: Decimal | None

    @property
    def hidden(self) -> bool:
        return self.amount is None


GoalMoneySource = Callable[[Sequence[int]], Mapping[int, GoalMoney]]


@dataclass(frozen=True)
class MoneyPerGoal:
    per_goal: dict[int, GoalMoney]  # only goals with at least one granted decision
    min_decisions: int  # figures resting on 1 to min_decisions - 1 decisions are hidden


@dataclass(frozen=True)
class _Source:
    per_goal: GoalMoneySource
    min_decisions: int


_source: _Source | None = None


def register_goal_money(source: GoalMoneySource, *, min_decisions: int) -> None:
    """Called from the funding app's AppConfig.ready(). There is one source of money per
    goal: figures hidden by a rule cannot be added to another source's."""
    global _source
    _source = _Source(source, min_decisions)


def money_per_goal(goal_ids: Sequence[int]) -> MoneyPerGoal | None:
    """The money per goal, or None while no source is registered."""
    if _source is None:
        return None
    wanted = set(goal_ids)
    per_goal = {
        goal_id: money
        for goal_id, money in _source.per_goal(goal_ids).items()
        if goal_id in wanted and money.decisions != 0
    }
    return MoneyPerGoal(per_goal=per_goal, min_decisions=_source.min_decisions)
