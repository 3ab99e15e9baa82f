"""Statistics on funding decisions: the same figures as the public page. A figure built on
1–4 decisions is null, so no single company can be identified; staff signed in with a
funding role get every figure."""

from decimal import Decimal

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from omstallning.core import municipality_codes
from omstallning.core.sni import SECTIONS
from omstallning.funding.permissions import is_staff_for_funding
from omstallning.funding.statistics import (
    MIN_DECISIONS,
    UNDERREPRESENTED,
    Figures,
    StatisticsFilter,
    funding_statistics,
)

from ..schemas import INVALID, ErrorOut
from ..types import Text

router = Router(tags=["Finansiering"])


class StatisticsQuery(Schema):
    year_from: int | None = Field(None, ge=1990, le=2100, description="Från och med år")
    year_to: int | None = Field(None, ge=1990, le=2100, description="Till och med år")
    programme: Text = Field("", max_length=40, description="Programmets kod")
    municipality: str = Field(
        "", pattern=rf"^({municipality_codes.PATTERN})?$", description="Kommunkod"
    )
    sector: str = Field("", pattern=r"^[A-U]?$", description="SNI-avdelning, A–U")


class FiguresOut(Schema):
    decisions: int | None
    granted: int | None
    amount_granted: Decimal | None
    grant_rate: float | None = Field(description="Beviljade delat med alla beslut, 0–1")
    amount_share: float | None = Field(description="Andel av allt beviljat belopp, 0–1")


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


class SdgOut(Schema):
    goal: int
    positive: FiguresOut
    negative: FiguresOut


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
    share: float | None = Field(description="Beviljat delat med budgetramen")


class StatisticsOut(Schema):
    suppressed: bool = Field(description="Sant när små celler är dolda (null)")
    min_decisions: int
    totals: FiguresOut
    breakdowns: list[BreakdownOut]
    underrepresented_trend: list[TrendOut]
    sdgs: list[SdgOut]
    strategy_goals: list[StrategyGoalOut]
    budget_use: list[BudgetOut]


def _figures(figures: Figures) -> dict:
    return {
        "decisions": figures.decisions,
        "granted": figures.granted,
        "amount_granted": figures.amount_granted,
        "grant_rate": figures.grant_rate,
        "amount_share": figures.amount_share,
    }


@router.get(
    "/funding/statistics",
    response={200: StatisticsOut, 400: ErrorOut, **INVALID},
    summary="Statistik över beslut om stöd",
    description=(
        "Antal beslut, beviljat belopp och andel beviljade per program, år, kommun, bransch, "
        "storlek, ägande (40/60-regeln), vd:s kön, utländsk bakgrund och miljöpåverkan; "
        "andelen av 1:1-medlen till underrepresenterade grupper per år; belopp per globalt "
        "mål och per mål i affärsplanen. Siffror som bygger på 1–4 beslut är null. "
        "400 när till år är före från år."
    ),
)
def get_statistics(request: HttpRequest, query: Query[StatisticsQuery]):
    if query.year_from and query.year_to and query.year_to < query.year_from:
        raise HttpError(400, _("Till år kan inte vara före från år."))
    if query.sector and query.sector not in SECTIONS:
        raise HttpError(400, _("Okänd SNI-avdelning."))
    statistics = funding_statistics(
        StatisticsFilter(
            year_from=query.year_from,
            year_to=query.year_to,
            programme=query.programme,
            municipality=query.municipality,
            sector=query.sector,
        ),
        suppress=not is_staff_for_funding(request.user),
    )
    labels = {key: str(label) for key, label, _condition in UNDERREPRESENTED}
    return {
        "suppressed": statistics.suppressed,
        "min_decisions": MIN_DECISIONS,
        "totals": _figures(statistics.totals),
        "breakdowns": [
            {
                "key": breakdown.key,
                "title": breakdown.title,
                "rows": [
                    {"key": row.key, "label": row.label, "figures": _figures(row.figures)}
                    for row in breakdown.rows
                ],
            }
            for breakdown in statistics.breakdowns
        ],
        "underrepresented_trend": [
            {
                "year": row.year,
                "decisions": row.decisions,
                "amount_granted": row.amount_granted,
                "groups": [
                    {
                        "group": key,
                        "label": labels[key],
                        "money_share": group.money_share,
                        "decision_share": group.decision_share,
                    }
                    for key, group in row.groups.items()
                ],
            }
            for row in statistics.trend
        ],
        "sdgs": [
            {
                "goal": sdg.number,
                "positive": _figures(sdg.positive),
                "negative": _figures(sdg.negative),
            }
            for sdg in statistics.sdgs
        ],
        "strategy_goals": [
            {
                "code": goal.code,
                "title": goal.title,
                "decisions": goal.decisions,
                "amount_granted": goal.amount_granted,
            }
            for goal in statistics.strategy_goals
        ],
        "budget_use": [
            {
                "programme": row.programme,
                "year": row.year,
                "frame": row.frame,
                "decisions": row.decisions,
                "granted": row.granted,
                "share": row.share,
            }
            for row in statistics.budget_use
        ],
    }
