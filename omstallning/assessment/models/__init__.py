from .assessments import Answer, Assessment, AssessmentEvent, DimensionResult, GoalResult
from .frameworks import (
    AnswerOption,
    Criterion,
    CriterionCondition,
    Framework,
    FrameworkVersion,
    FrozenVersionError,
)

__all__ = [
    "Answer",
    "AnswerOption",
    "Assessment",
    "AssessmentEvent",
    "Criterion",
    "CriterionCondition",
    "DimensionResult",
    "Framework",
    "FrameworkVersion",
    "FrozenVersionError",
    "GoalResult",
]
