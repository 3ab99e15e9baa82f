"""Statistics on funding decisions: the same figures as the public page. A figure built on
1–4 decisions is null, so no single company can be identified; staff signed in with a
funding role get every figure."""

from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from omstallning.funding.forms.statistics import FIRST_YEAR, LAST_YEAR, StatisticsFilterForm
from omstallning.funding.permissions import is_staff_for_funding
from omstallning.funding.statistics import (
    MIN_DECISIONS,
    UNDERREPRESENTED,
    FundingStatistics,
    SdgRow,
    TrendRow,
    funding_statistics,
)

from ..schemas import INVALID, ErrorOut
from ..types import Text

router = Router(tags=[gettext_lazy("Finansiering")])


# Only the types; what a value must be (a known programme, municipality or SNI section, years
# in order) is the statistics page's own filter form, so page and API answer alike. (Comments,
# not docstrings, on the schemas: pydantic would publish a docstring as the schema's text.)
class StatisticsQuery(Schema):
    year_from: int | None = Field(
        None, ge=FIRST_YEAR, le=LAST_YEAR, description=gettext_lazy("Från och med år")
    )
    year_to: int | None = Field(
        None, ge=FIRST_YEAR, le=LAST_YEAR, description=gettext_lazy("Till och med år")
    )
    programme: Text = Field("", max_length=40, description=gettext_lazy("Programmets kod"))
    municipality: Text = Field(
        "", max_length=4, description=gettext_lazy("Kommunkod, fyra siffror")
    )
    sector: Text = Field("", max_length=1, description=gettext_lazy("SNI-avdelning, A–U"))


class FiguresOut(Schema):
    decisions: int | None
    granted: int | None
    amount_granted: Decimal | None
    grant_rate: float | None = Field(
        description=gettext_lazy("Beviljade delat med alla beslut, 0–1")
    )
    amount_share: float | None = Field(
        description=gettext_lazy("Andel av allt beviljat belopp, 0–1")
    )


class RowOut(Schema):
    key: str
    label: str
    figures: FiguresOut


class BreakdownOut(Schema):
    key: str
    title: str
    rows: list[RowOut]


class GroupShareOut(Schema):
    group: str
    label: str
    money_share: float | None
    decision_share: float | None


class TrendOut(Schema):
    year: int
    decisions: int | None
    amount_granted: Decimal | None
    groups: list[GroupShareOut]

    @staticmethod
    def resolve_groups(row: TrendRow) -> list[dict]:
        labels = {key: str(label) for key, label, _condition in UNDERREPRESENTED}
        return [
            {
                "group": key,
                "label": labels[key],
                "money_share": share.money_share,
                "decision_share": share.decision_share,
            }
            for key, share in row.groups.items()
        ]


class SdgOut(Schema):
    goal: int
    positive: FiguresOut
    negative: FiguresOut

    @staticmethod
    def resolve_goal(row: SdgRow) -> int:
        return row.number


class StrategyGoalOut(Schema):
    code: str
    title: str
    decisions: int | None
    amount_granted: Decimal | None


class BudgetOut(Schema):
    programme: str
    year: int
    frame: Decimal
    decisions: int | None
    granted: Decimal | None
    share: float | None = Field(description=gettext_lazy("Beviljat delat med budgetramen"))


# Read straight from the statistics the page shows (funding.statistics).
class StatisticsOut(Schema):
    suppressed: bool = Field(description=gettext_lazy("Sant när små celler är dolda (null)"))
    min_decisions: int
    totals: FiguresOut
    breakdowns: list[BreakdownOut]
    underrepresented_trend: list[TrendOut]
    sdgs: list[SdgOut]
    strategy_goals: list[StrategyGoalOut]
    budget_use: list[BudgetOut]

    @staticmethod
    def resolve_min_decisions(statistics: FundingStatistics) -> int:
        return MIN_DECISIONS

    @staticmethod
    def resolve_underrepresented_trend(statistics: FundingStatistics) -> list[TrendRow]:
        return statistics.trend


@router.get(
    "/funding/statistics",
    response={200: StatisticsOut, 400: ErrorOut, **INVALID},
    summary=gettext_lazy("Statistik över beslut om stöd"),
    description=gettext_lazy(
        "Antal beslut, beviljat belopp och andel beviljade per program, år, kommun, bransch, "
        "storlek, ägande (40/60-regeln), vd:s kön, utländsk bakgrund och miljöpåverkan; "
        "andelen av 1:1-medlen till underrepresenterade grupper per år; belopp per globalt "
        "mål och per mål i affärsplanen. Siffror som bygger på 1–4 beslut är null. "
        "400 med förklaring när ett filter inte går att använda: okänt program, okänd "
        "kommun eller SNI-avdelning, eller till år före från år."
    ),
)
def get_statistics(request: HttpRequest, query: Query[StatisticsQuery]):
    form = StatisticsFilterForm.from_query(query.dict())
    if form.is_bound and not form.is_valid():
        raise HttpError(400, form.refusal())
    return funding_statistics(form.filters(), suppress=not is_staff_for_funding(request.user))
