from .pages import StrategyPage
from .strategies import (
    FocusArea,
    Indicator,
    IndicatorValue,
    Initiative,
    InitiativeStatus,
    InitiativeUpdate,
    Strategy,
    StrategyGoal,
)

__all__ = [
    "FocusArea",
    "Indicator",
    "IndicatorValue",
    "Initiative",
    "InitiativeStatus",
    "InitiativeUpdate",
    "Strategy",
    "StrategyGoal",
    "StrategyPage",
]
