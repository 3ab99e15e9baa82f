"""What the API returns. Public reference data and sums only: no personal data."""

from datetime import datetime
from decimal import Decimal

from ninja import Schema


class DimensionOut(Schema):
    code: str
    name_sv: str
    name_en: str


class IndicatorOut(Schema):
    code: str
    title_en: str
    title_sv: str


class TargetOut(Schema):
    code: str
    title_en: str
    title_sv: str


class TargetDetailOut(TargetOut):
    indicators: list[IndicatorOut]


class GoalOut(Schema):
    number: int
    title_sv: str
    title_en: str
    short_en: str
    colour: str
    dimension: str | None


class GoalDetailOut(GoalOut):
    targets: list[TargetDetailOut]


class OptionOut(Schema):
    label_sv: str
    label_en: str
    value: Decimal
    impact: str
    is_knockout: bool
    min_conditions_met: int | None


class CriterionOut(Schema):
    key: str
    question_sv: str
    question_en: str
    guidance_sv: str
    guidance_en: str
    dimension: str | None
    sdg_goals: list[int]
    sdg_targets: list[str]
    weight: Decimal
    motivation_required: str
    asks_relevance: bool
    asks_action: bool
    rethink_when_negative_without_action: bool
    options: list[OptionOut]
    conditions: list[str]


class VersionOut(Schema):
    number: int
    published_at: datetime | None
    frozen: bool
    change_note: str


class VersionDetailOut(VersionOut):
    criteria: list[CriterionOut]


class FrameworkOut(Schema):
    key: str
    name_sv: str
    name_en: str
    description_sv: str
    current_version: int | None
    versions: list[VersionOut]


class TallyOut(Schema):
    count: int
    amount: Decimal


class GoalSumOut(Schema):
    goal: int
    positive: TallyOut
    negative: TallyOut
    both: TallyOut
    knowledge_gap: TallyOut
    none: TallyOut
    not_relevant: TallyOut


class DimensionSumOut(Schema):
    dimension: str
    positive: TallyOut
    negative: TallyOut
    knowledge_gaps: TallyOut


class PortfolioOut(Schema):
    assessments: TallyOut
    knockouts: TallyOut
    goals: list[GoalSumOut]
    dimensions: list[DimensionSumOut]


class ErrorOut(Schema):
    detail: str


class ValidationErrorOut(Schema):
    detail: str
    errors: list[dict]


# What every operation may answer besides its result, for the OpenAPI schema.
NOT_FOUND = {404: ErrorOut}
INVALID = {422: ValidationErrorOut}
