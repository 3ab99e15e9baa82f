"""Fixtures for the strategy tests: an adopted strategy on its public page, and a
Näringslivsutvecklare."""

import datetime
from decimal import Decimal

import pytest

from omstallning.accounts.roles import BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.strategy.models import InitiativeStatus, Strategy

from .factories import (
    FocusAreaFactory,
    IndicatorFactory,
    InitiativeFactory,
    InitiativeUpdateFactory,
    StrategyFactory,
    StrategyGoalFactory,
    StrategyPageFactory,
)

ONGOING, PLANNED, COMPLETED, PAUSED = (
    InitiativeStatus.ONGOING,
    InitiativeStatus.PLANNED,
    InitiativeStatus.COMPLETED,
    InitiativeStatus.PAUSED,
)


@pytest.fixture
def strategy(site) -> Strategy:
    """Affärsplan Västmanland 2023–2030, version 1, adopted 14 March 2023 by "regionala
    utvecklingsnämnden", marked as example data and published on /affarsplan/.

    Goals (each with one indicator: baseline 2022, values 2023–2025, target 2030) and the
    SDGs their assessments name (+ positive, − negative):
      Hållbar industri och omställning
        1.1 Minskade utsläpp från länets industri        +7 +9 +13 −15
        1.2 Fler företag med cirkulära affärsmodeller    +8 +12
      Kompetensförsörjning och inkludering
        2.1 Fler utrikes födda i arbete                  +5 +8 +10
        2.2 Fler kvinnor som driver företag              +5 +8
      Attraktiv landsbygd och besöksnäring
        3.1 Fler gästnätter, med mindre klimatpåverkan   +8 +11 −13

    Initiatives (goals served, years, budget, status):
      A1 Energieffektiviseringsnätverk för industrin  1.1  2023–2026   4 200 000  ongoing 92 %
         +7 +13; two status reports (the latest: 52 companies in the network)
      A2 Cirkulära affärsmodeller – rådgivning …      1.2  2023–2027   6 500 000  ongoing 72 %
         +9 +12
      A3 Industrimark för nyetableringar             1.1  2024–2028  12 000 000  ongoing 15 %
         +9 −15; one status report (a detailed plan appealed)
      B1 Språk och praktik i småföretag              2.1  2023–2025   3 100 000  completed
         +4 +8 +10
      B2 Nätverk och affärsrådgivning för kvinnor …  2.2  2027–2028   2 400 000  planned
         not assessed
      C1 Hållbarhetscertifiering av besöksnäringen   3.1  2024–2026   1 900 000  paused 25 %
         +12 +13

    So: the budget is 30 100 000 kr; goal 1.1's and A3's harm to SDG 15 is countered by
    nothing, goal 3.1's to SDG 13 is countered by C1; SDGs 1, 2, 3, 6, 14, 15, 16 and 17
    get no contribution.
    """
    strategy = StrategyFactory(
        adopted=True,
        name="Affärsplan Västmanland",
        slug="affarsplan-vastmanland",
        period_start=2023,
        period_end=2030,
        is_example_data=True,
    )
    industry, skills, countryside = (
        FocusAreaFactory(strategy=strategy, name=name, sort_order=position)
        for position, name in enumerate(
            [
                "Hållbar industri och omställning",
                "Kompetensförsörjning och inkludering",
                "Attraktiv landsbygd och besöksnäring",
            ]
        )
    )
    goals = {}
    for area, code, title, impacts, indicator in [
        (industry, "1.1", "Minskade utsläpp från länets industri",
         {7: "positive", 9: "positive", 13: "positive", 15: "negative"},
         ("Utsläpp från industrin", "kton CO₂e", 1180, 700, ["1150", "1090", "1040"])),
        (industry, "1.2", "Fler företag med cirkulära affärsmodeller",
         {8: "positive", 12: "positive"},
         ("Företag med cirkulär affärsmodell", "antal", 45, 150, ["58", "71", "84"])),
        (skills, "2.1", "Fler utrikes födda i arbete",
         {5: "positive", 8: "positive", 10: "positive"},
         ("Sysselsättningsgrad, utrikes födda 20–64 år", "%", Decimal("61.5"), 70,
          ["62.3", "63.0", "63.4"])),
        (skills, "2.2", "Fler kvinnor som driver företag", {5: "positive", 8: "positive"},
         ("Andel företag med kvinna som vd", "%", 27, 40, ["28", "29", "29.5"])),
        (countryside, "3.1", "Fler gästnätter, med mindre klimatpåverkan",
         {8: "positive", 11: "positive", 13: "negative"},
         ("Gästnätter", "tusental", 980, 1200, ["1010", "1060", "1095"])),
    ]:  # fmt: skip
        goals[code] = goal = StrategyGoalFactory(
            focus_area=area, code=code, title=title, impacts=impacts
        )
        name, unit, baseline, target, values = indicator
        IndicatorFactory(
            goal=goal,
            name=name,
            unit=unit,
            baseline_value=Decimal(baseline),
            target_value=Decimal(target),
            direction="decrease" if target < baseline else "increase",
            values=dict(zip((2023, 2024, 2025), values, strict=True)),
        )
    initiatives = {}
    for code, title, served, years, budget, status, progress, impacts in [
        ("A1", "Energieffektiviseringsnätverk för industrin", ["1.1"], (2023, 2026), 4_200_000,
         ONGOING, 92, {7: "positive", 13: "positive"}),
        ("A2", "Cirkulära affärsmodeller – rådgivning och check", ["1.2"], (2023, 2027),
         6_500_000, ONGOING, 72, {9: "positive", 12: "positive"}),
        ("A3", "Industrimark för nyetableringar", ["1.1"], (2024, 2028), 12_000_000, ONGOING,
         15, {9: "positive", 15: "negative"}),
        ("B1", "Språk och praktik i småföretag", ["2.1"], (2023, 2025), 3_100_000, COMPLETED,
         100, {4: "positive", 8: "positive", 10: "positive"}),
        ("B2", "Nätverk och affärsrådgivning för kvinnor som driver företag", ["2.2"],
         (2027, 2028), 2_400_000, PLANNED, 0, None),
        ("C1", "Hållbarhetscertifiering av besöksnäringen", ["3.1"], (2024, 2026), 1_900_000,
         PAUSED, 25, {12: "positive", 13: "positive"}),
    ]:  # fmt: skip
        initiatives[code] = InitiativeFactory(
            strategy=strategy,
            code=code,
            title=title,
            responsible="Region Västmanland",
            start_year=years[0],
            end_year=years[1],
            budget=Decimal(budget),
            status=status,
            progress=progress,
            goals=[goals[goal_code] for goal_code in served],
            impacts=impacts,
        )
    for code, reported_on, progress, comment in [
        ("A1", "2024-06-15", 40, "38 företag med i nätverket; 12 energikartläggningar klara."),
        ("A1", "2026-11-10", 92, "Nätverket har 52 företag. Besparing hittills 31 GWh."),
        ("A3", "2025-09-01", 15, "Detaljplan överklagad i en kommun; tidplanen har glidit."),
    ]:
        InitiativeUpdateFactory(
            initiative=initiatives[code],
            reported_on=datetime.date.fromisoformat(reported_on),
            progress=progress,
            comment=comment,
        )
    StrategyPageFactory(strategy=strategy, title=strategy.name, slug="affarsplan")
    return strategy


@pytest.fixture
def developer(site):
    return UserFactory(roles=[BUSINESS_DEVELOPER])
