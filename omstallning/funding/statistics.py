"""Statistics over decisions, handled here and imported alike: who gets the money.

Every figure comes from grouped queries on the decision table. A published cell that rests
on 1–4 decisions is suppressed (None; shown as "–"), so that no single company can be
identified; staff see every figure. Zero is shown: it identifies no one.

Ownership follows the common Swedish 40/60 convention: women-dominated when women own at
least 60 %, men-dominated at most 40 %, mixed in between, unknown when not stated.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from omstallning.assessment.models import Assessment
from omstallning.assessment.selectors import FINISHED, portfolio_sums
from omstallning.core.models import Municipality, SdgGoal
from omstallning.core.sni import SECTIONS
from omstallning.strategy.funding_link import GoalMoney

from .models import (
    Application,
    BudgetFrame,
    CompanySize,
    Decision,
    EnvironmentalImpact,
    Gender,
    Outcome,
    Ownership,
    Programme,
    YesNo,
)
from .selectors import granted_amount_of_assessed

MIN_DECISIONS = 5
GRANTED = Q(outcome=Outcome.GRANTED)


@dataclass(frozen=True)
class StatisticsFilter:
    year_from: int | None = None
    year_to: int | None = None
    programme: str = ""  # programme code
    municipality: str = ""  # municipality code
    sector: str = ""  # SNI section letter

    def apply(self, decisions: QuerySet[Decision]) -> QuerySet[Decision]:
        if self.year_from:
            decisions = decisions.filter(decided_on__gte=date(self.year_from, 1, 1))
        if self.year_to:
            decisions = decisions.filter(decided_on__lt=date(self.year_to + 1, 1, 1))
        if self.programme:
            decisions = decisions.filter(programme__code=self.programme)
        if self.municipality:
            decisions = decisions.filter(municipality_code=self.municipality)
        if self.sector:
            decisions = decisions.filter(sni_section=self.sector)
        return decisions


@dataclass(frozen=True)
class Figures:
    decisions: int | None
    granted: int | None
    amount_granted: Decimal | None
    grant_rate: float | None  # granted / decisions, 0–1
    amount_share: float | None  # of all money granted under the filter, 0–1

    def suppressed(self) -> "Figures":
        """Hide what rests on 1–4 decisions (and the rate that would give it away)."""
        small_total, small_granted = _small(self.decisions), _small(self.granted)
        return replace(
            self,
            decisions=None if small_total else self.decisions,
            granted=None if small_granted or small_total else self.granted,
            amount_granted=None if small_granted or small_total else self.amount_granted,
            grant_rate=None if small_granted or small_total else self.grant_rate,
            amount_share=None if small_granted or small_total else self.amount_share,
        )


def _figures(decisions: int, granted: int, amount: Decimal | None, total: Decimal) -> Figures:
    amount = amount or Decimal(0)
    return Figures(
        decisions=decisions,
        granted=granted,
        amount_granted=amount,
        grant_rate=granted / decisions if decisions else None,
        amount_share=float(amount / total) if total else None,
    )


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    figures: Figures


@dataclass(frozen=True)
class Breakdown:
    key: str
    title: str
    rows: list[Row]


@dataclass(frozen=True)
class GroupShare:
    decisions: int | None
    money_share: float | None  # of the granted 1:1 money that year, 0–1
    decision_share: float | None  # of the granted 1:1 decisions that year, 0–1


@dataclass(frozen=True)
class TrendRow:
    year: int
    decisions: int | None
    amount_granted: Decimal | None
    groups: dict[str, GroupShare]  # key from UNDERREPRESENTED


@dataclass(frozen=True)
class SdgRow:
    number: int
    title: str
    positive: Figures
    negative: Figures


@dataclass(frozen=True)
class GoalRow:
    code: str
    title: str
    amount_granted: Decimal | None
    decisions: int | None
    goal_id: int = 0

    def suppressed(self) -> "GoalRow":
        """The one rule for money per goal, here and on the strategy's pages."""
        return (
            replace(self, amount_granted=None, decisions=None) if _small(self.decisions) else self
        )


@dataclass(frozen=True)
class BudgetRow:
    programme: str
    year: int
    frame: Decimal
    decisions: int | None  # granted decisions that year
    granted: Decimal | None
    share: float | None  # of the frame, 0–1 (may pass 1 when more was granted)
    # The year has not begun, or has had no decision so far: nothing granted *yet*.
    awaiting_decisions: bool = False


@dataclass
class FundingStatistics:
    filters: StatisticsFilter
    totals: Figures
    breakdowns: list[Breakdown] = field(default_factory=list)
    trend: list[TrendRow] = field(default_factory=list)
    sdgs: list[SdgRow] = field(default_factory=list)
    strategy_goals: list[GoalRow] = field(default_factory=list)
    budget_use: list[BudgetRow] = field(default_factory=list)
    suppressed: bool = True

    def breakdown(self, key: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.key == key)


# Underrepresented groups followed in the trend: key, label, the decisions in the group.
UNDERREPRESENTED = [
    ("women_owned", _("Kvinnodominerat ägande"), Q(ownership=Ownership.WOMEN)),
    ("woman_ceo", _("Kvinna som vd"), Q(ceo_gender=Gender.WOMAN)),
    ("foreign_background", _("Ägare med utländsk bakgrund"), Q(foreign_background=YesNo.YES)),
]


def _labels_for(key: str, values: list[str]) -> dict[str, str]:
    if key == "programme":
        return {str(pk): name for pk, name in Programme.objects.values_list("pk", "name")}
    if key == "municipality_code":
        names = dict(Municipality.objects.filter(code__in=values).values_list("code", "name"))
        return {code: names.get(code, code) for code in values}
    if key == "sni_section":
        return {code: f"{code} {SECTIONS[code]}" for code in values if code in SECTIONS}
    choices = {
        "company_size": CompanySize,
        "ownership": Ownership,
        "ceo_gender": Gender,
        "foreign_background": YesNo,
        "environmental_impact": EnvironmentalImpact,
    }.get(key)
    return {value: str(label) for value, label in choices.choices} if choices else {}


NATURAL_ORDER = {
    "company_size": list(CompanySize.values),
    "ownership": list(Ownership.values),
    "ceo_gender": list(Gender.values),
    "foreign_background": list(YesNo.values),
    "environmental_impact": list(EnvironmentalImpact.values),
}

BREAKDOWNS = [
    ("programme", _("Per program")),
    ("year", _("Per år")),
    ("municipality_code", _("Per kommun")),
    ("sni_section", _("Per bransch (SNI-avdelning)")),
    ("company_size", _("Per företagsstorlek")),
    ("ownership", _("Per ägande (40/60)")),
    ("ceo_gender", _("Per vd:s kön")),
    ("foreign_background", _("Per utländsk bakgrund hos ägare")),
    ("environmental_impact", _("Per miljöpåverkan")),
]
UNKNOWN = _("Uppgift saknas")


def _breakdown(decisions: QuerySet[Decision], key: str, title, total: Decimal) -> Breakdown:
    column = "year" if key == "year" else key
    grouped = decisions.annotate(year=ExtractYear("decided_on")) if key == "year" else decisions
    rows = (
        grouped.values(column if key != "programme" else "programme_id")
        .annotate(
            decisions=Count("pk"),
            granted=Count("pk", filter=GRANTED),
            amount=Sum("amount_granted", filter=GRANTED),
        )
        .order_by()
    )
    column = "programme_id" if key == "programme" else column
    values = [str(row[column]) for row in rows]
    labels = _labels_for(key, values)
    result = [
        Row(
            key=str(row[column]),
            label=labels.get(str(row[column]), str(row[column]))
            if row[column] != ""
            else str(UNKNOWN),
            figures=_figures(row["decisions"], row["granted"], row["amount"], total),
        )
        for row in rows
    ]
    if key == "year":
        result.sort(key=lambda r: r.key)
    elif key in NATURAL_ORDER:
        # Sizes from small to large, and so on; "not stated" last.
        order = NATURAL_ORDER[key]
        result.sort(key=lambda r: order.index(r.key) if r.key in order else len(order))
    else:
        result.sort(key=lambda r: (-(r.figures.amount_granted or 0), r.label))
    return Breakdown(key=key, title=str(title), rows=result)


def _trend(decisions: QuerySet[Decision]) -> list[TrendRow]:
    """Per year, of the granted 1:1 money and decisions: the share to each group."""
    # The ids as a list: a join on the programme table (a handful of rows, seldom analysed)
    # leads PostgreSQL to a far slower plan over a million decisions.
    ids = list(
        Programme.objects.filter(money_source=Programme.MoneySource.APPROPRIATION_1_1).values_list(
            "pk", flat=True
        )
    )
    one_to_one = decisions.filter(GRANTED, programme_id__in=ids).annotate(
        year=ExtractYear("decided_on")
    )
    aggregates = {"decisions": Count("pk"), "amount": Sum("amount_granted")}
    for key, _label, condition in UNDERREPRESENTED:
        aggregates[f"{key}_count"] = Count("pk", filter=condition)
        aggregates[f"{key}_amount"] = Sum("amount_granted", filter=condition)
    rows = one_to_one.values("year").annotate(**aggregates).order_by("year")
    trend = []
    for row in rows:
        groups = {}
        for key, _label, _condition in UNDERREPRESENTED:
            count, amount = row[f"{key}_count"], row[f"{key}_amount"] or Decimal(0)
            groups[key] = GroupShare(
                decisions=count,
                money_share=float(amount / row["amount"]) if row["amount"] else None,
                decision_share=count / row["decisions"] if row["decisions"] else None,
            )
        trend.append(
            TrendRow(
                year=row["year"],
                decisions=row["decisions"],
                amount_granted=row["amount"] or Decimal(0),
                groups=groups,
            )
        )
    return trend


def _small(count: int | None) -> bool:
    return count is not None and 0 < count < MIN_DECISIONS


def _suppress_trend(row: TrendRow) -> TrendRow:
    hidden = GroupShare(None, None, None)
    return replace(
        row,
        decisions=None if _small(row.decisions) else row.decisions,
        amount_granted=None if _small(row.decisions) else row.amount_granted,
        groups={
            key: hidden if _small(row.decisions) or _small(group.decisions) else group
            for key, group in row.groups.items()
        },
    )


def _sdgs(decisions: QuerySet[Decision]) -> list[SdgRow]:
    """From the region's finished assessments of the handled applications, weighted by the
    amount granted (portfolio sums of the assessment engine)."""
    application_ids = decisions.filter(GRANTED, application__isnull=False).values("application_id")
    assessments = Assessment.objects.filter(
        subject_type=ContentType.objects.get_for_model(Application),
        subject_id__in=application_ids,
        status__in=FINISHED,
    ).exclude(perspective=Assessment.Perspective.SELF)
    sums = portfolio_sums(assessments, weight=granted_amount_of_assessed())
    rows = []
    for goal in SdgGoal.objects.order_by("number"):
        positive, negative = sums.goal(goal.number, "positive"), sums.goal(goal.number, "negative")
        rows.append(
            SdgRow(
                number=goal.number,
                title=goal.title,
                positive=Figures(positive.count, positive.count, positive.amount, None, None),
                negative=Figures(negative.count, negative.count, negative.amount, None, None),
            )
        )
    return rows


def _strategy_goals(decisions: QuerySet[Decision]) -> list[GoalRow]:
    rows = (
        # Only decisions handled here serve goals; imported ones have no application.
        decisions.filter(GRANTED, application__isnull=False)
        .filter(application__strategy_goals__isnull=False)
        .values(
            "application__strategy_goals",
            "application__strategy_goals__code",
            "application__strategy_goals__title",
        )
        .annotate(amount=Sum("amount_granted"), decisions=Count("pk"))
        .order_by("application__strategy_goals__code")
    )
    return [
        GoalRow(
            code=row["application__strategy_goals__code"],
            title=row["application__strategy_goals__title"],
            amount_granted=row["amount"] or Decimal(0),
            decisions=row["decisions"],
            goal_id=row["application__strategy_goals"],
        )
        for row in rows
    ]


def strategy_goal_money(goal_ids: Sequence[int]) -> dict[int, GoalMoney]:
    """Money granted per goal for the strategy's public pages, hidden by the same rule as
    the table "Per mål i affärsplanen" here (registered in apps.py). Only goals with a
    granted decision have a row."""
    wanted = set(goal_ids)
    return {
        row.goal_id: GoalMoney(decisions=row.decisions, amount=row.amount_granted)
        for row in (row.suppressed() for row in _strategy_goals(Decision.objects.all()))
        if row.goal_id in wanted
    }


def _budget_use(filters: StatisticsFilter, today: date | None = None) -> list[BudgetRow]:
    """Each programme's yearly budget frame against what was granted that year. Budgets are
    public and per programme, so only the period and programme filters apply. A year from
    this one on with no granted decision yet is marked, not shown as 0 kr of the frame."""
    this_year = (today or timezone.localdate()).year
    frames = BudgetFrame.objects.select_related("programme").order_by("programme__name", "year")
    if filters.programme:
        frames = frames.filter(programme__code=filters.programme)
    if filters.year_from:
        frames = frames.filter(year__gte=filters.year_from)
    if filters.year_to:
        frames = frames.filter(year__lte=filters.year_to)
    granted = {
        (row["programme_id"], row["year"]): (row["count"], row["amount"] or Decimal(0))
        for row in Decision.objects.filter(GRANTED)
        .annotate(year=ExtractYear("decided_on"))
        .values("programme_id", "year")
        .annotate(count=Count("pk"), amount=Sum("amount_granted"))
        .order_by()
    }
    rows = []
    for frame in frames:
        count, amount = granted.get((frame.programme_id, frame.year), (0, Decimal(0)))
        rows.append(
            BudgetRow(
                programme=frame.programme.name,
                year=frame.year,
                frame=frame.amount,
                decisions=count,
                granted=amount,
                share=float(amount / frame.amount) if frame.amount else None,
                awaiting_decisions=count == 0 and frame.year >= this_year,
            )
        )
    return rows


def funding_statistics(filters: StatisticsFilter, *, suppress: bool = True) -> FundingStatistics:
    decisions = filters.apply(Decision.objects.all())
    totals_row = decisions.aggregate(
        decisions=Count("pk"),
        granted=Count("pk", filter=GRANTED),
        amount=Sum("amount_granted", filter=GRANTED),
    )
    total_amount = totals_row["amount"] or Decimal(0)
    totals = _figures(totals_row["decisions"], totals_row["granted"], total_amount, total_amount)
    statistics = FundingStatistics(
        filters=filters,
        totals=totals,
        breakdowns=[_breakdown(decisions, key, title, total_amount) for key, title in BREAKDOWNS],
        trend=_trend(decisions),
        sdgs=_sdgs(decisions),
        strategy_goals=_strategy_goals(decisions),
        budget_use=_budget_use(filters),
        suppressed=suppress,
    )
    if suppress:
        statistics.totals = totals.suppressed()
        statistics.breakdowns = [
            replace(b, rows=[replace(r, figures=r.figures.suppressed()) for r in b.rows])
            for b in statistics.breakdowns
        ]
        statistics.trend = [_suppress_trend(row) for row in statistics.trend]
        statistics.sdgs = [
            replace(s, positive=s.positive.suppressed(), negative=s.negative.suppressed())
            for s in statistics.sdgs
        ]
        statistics.strategy_goals = [g.suppressed() for g in statistics.strategy_goals]
        statistics.budget_use = [
            replace(b, decisions=None, granted=None, share=None) if _small(b.decisions) else b
            for b in statistics.budget_use
        ]
    return statistics
