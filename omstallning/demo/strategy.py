"""A demo "Affärsplan Västmanland": four focus areas, goals with indicators and three years of
values, initiatives with budgets and status reports, and sustainability assessments. Invented
but plausible; clearly marked as example data."""

import datetime
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from wagtail.models import Page

from omstallning.assessment.impact import Relevance
from omstallning.assessment.models import Answer, Assessment, Framework
from omstallning.assessment.services import assessment_start, store_results
from omstallning.strategy.models import (
    FocusArea,
    Indicator,
    IndicatorValue,
    Initiative,
    InitiativeUpdate,
    Strategy,
    StrategyGoal,
    StrategyPage,
)

FOCUS_AREAS = [
    ("Hållbar industri och omställning",
     "Länets tillverkande industri ställer om till fossilfrihet och cirkulära flöden."),
    ("Kompetensförsörjning och inkludering",
     "Fler i arbete och fler som startar företag, oavsett kön och bakgrund."),
    ("Innovation och digitalisering",
     "Små och medelstora företag förnyar sig med stöd av länets innovationssystem."),
    ("Attraktiv landsbygd och besöksnäring",
     "Service, handel och turism som håller i hela länet."),
]  # fmt: skip

# (focus area index, code, goal, indicator, unit, baseline, target, direction, values 2023–25,
#  assessed impacts {SDG: impact} or None when not yet assessed)
GOALS = [
    (0, "1.1", "Minskade utsläpp från länets industri", "Utsläpp från industrin", "kton CO₂e",
     "1180", "700", "decrease", ["1150", "1090", "1040"],
     {7: "positive", 9: "positive", 13: "positive", 15: "negative"}),
    (0, "1.2", "Fler företag med cirkulära affärsmodeller", "Företag med cirkulär affärsmodell",
     "antal", "45", "150", "increase", ["58", "71", "84"], {12: "positive", 8: "positive"}),
    (1, "2.1", "Fler utrikes födda i arbete", "Sysselsättningsgrad, utrikes födda 20–64 år",
     "%", "61.5", "70", "increase", ["62.3", "63.0", "63.4"],
     {8: "positive", 10: "positive", 5: "positive"}),
    (1, "2.2", "Fler kvinnor som driver företag", "Andel företag med kvinna som vd", "%",
     "27", "40", "increase", ["28", "29", "29.5"], {5: "positive", 8: "positive"}),
    (2, "3.1", "Mer innovation i små och medelstora företag",
     "Företag som inför en ny produkt eller process", "%", "38", "50", "increase",
     ["39", "41", "43"], {9: "positive", 8: "positive"}),
    (2, "3.2", "Högre digital mognad", "Företag med hög digital mognad", "%", "22", "40",
     "increase", ["25", "28", "31"], None),
    (3, "4.1", "Kommersiell service i hela länet", "Orter med dagligvarubutik", "antal", "41",
     "41", "increase", ["41", "40", "40"], {11: "positive", 10: "positive"}),
    (3, "4.2", "Fler gästnätter, med mindre klimatpåverkan", "Gästnätter", "tusental", "980",
     "1200", "increase", ["1010", "1060", "1095"],
     {8: "positive", 13: "negative", 11: "positive"}),
]  # fmt: skip

# (code, initiative, responsible, start, end, budget, goals, status, progress, impacts)
INITIATIVES = [
    ("A1", "Energieffektiviseringsnätverk för industrin",
     "Region Västmanland, Energikontor Mälardalen",
     2023, 2026, "4200000", ["1.1"], "ongoing", 92, {7: "positive", 13: "positive"}),
    ("A2", "Cirkulära affärsmodeller – rådgivning och check", "Almi Mälardalen",
     2023, 2027, "6500000", ["1.2", "3.1"], "ongoing", 72, {12: "positive", 9: "positive"}),
    ("A3", "Industrimark för nyetableringar", "Kommunerna i länet",
     2024, 2028, "12000000", ["1.1"], "ongoing", 15, {9: "positive", 15: "negative"}),
    ("B1", "Språk och praktik i småföretag", "Arbetsförmedlingen, kommunerna",
     2023, 2025, "3100000", ["2.1"], "completed", 100,
     {8: "positive", 10: "positive", 4: "positive"}),
    ("B2", "Nätverk och affärsrådgivning för kvinnor som driver företag", "Coompanion, Almi",
     2024, 2027, "2400000", ["2.2"], "ongoing", 55, {5: "positive", 8: "positive"}),
    ("C1", "Innovationscheckar för små företag", "Region Västmanland",
     2023, 2026, "5000000", ["3.1"], "ongoing", 90, {9: "positive"}),
    ("C2", "Digitaliseringslyft", "Region Västmanland, Mälardalens universitet",
     2027, 2028, "3600000", ["3.2"], "planned", 0, None),
    ("D1", "Investeringsstöd till lanthandlar", "Region Västmanland",
     2023, 2027, "4800000", ["4.1"], "ongoing", 62, {11: "positive", 1: "positive"}),
    ("D2", "Hållbarhetscertifiering av besöksnäringen", "Destination Västmanland",
     2024, 2026, "1900000", ["4.2"], "paused", 25, {13: "positive", 12: "positive"}),
]  # fmt: skip

UPDATES = {
    "A1": [("2024-06-15", "ongoing", 40,
            "38 företag med i nätverket; 12 energikartläggningar klara."),
           ("2026-11-10", "ongoing", 92, "Nätverket har 52 företag. Besparing hittills 31 GWh.")],
    "A3": [("2025-09-01", "ongoing", 15,
            "Detaljplan överklagad i en kommun; tidplanen har glidit.")],
    "B1": [("2025-12-20", "completed", 100, "214 deltagare, 61 % i arbete sex månader efteråt.")],
    "D2": [("2025-10-05", "paused", 25,
            "Pausad i väntan på ny upphandling av certifieringen.")],
}  # fmt: skip


def _assess(subject, framework: Framework, impacts: dict[int, str]) -> None:
    """A submitted Agenda 2030 assessment where the listed goals have the given impact and the
    others are marked as not relevant."""
    assessment = assessment_start(subject=subject, framework=framework, assessor=AnonymousUser())
    for criterion in assessment.version.criteria.prefetch_related("sdg_goals", "options"):
        number = next(iter(g.number for g in criterion.sdg_goals.all()), None)
        impact = impacts.get(number)
        option = next((o for o in criterion.options.all() if o.impact == impact), None)
        Answer.objects.create(
            assessment=assessment,
            criterion=criterion,
            option=option,
            relevance=Relevance.DIRECT if option else Relevance.NOT_RELEVANT,
            motivation="Bedömt i demodata." if option else "Inte relevant för målet.",
        )
    store_results(assessment)
    assessment.status = Assessment.Status.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["status", "submitted_at"])


def load_demo_strategy(home: Page) -> Strategy:
    strategy = _strategy()
    areas = _focus_areas(strategy)
    framework = Framework.objects.get(key="agenda-2030")
    goals = _goals(areas, framework)
    _initiatives(strategy, goals, framework)
    _strategy_page(home, strategy)
    return strategy


def _strategy() -> Strategy:
    return Strategy.objects.create(
        name="Affärsplan Västmanland",
        slug="affarsplan-vastmanland",
        period_start=2023,
        period_end=2030,
        summary="Länets näringslivsstrategi: hur regionen, kommunerna och de främjande aktörerna "
        "tillsammans stärker ett hållbart näringsliv. Exempel i demodata: mål, siffror och "
        "insatser är påhittade.",
        is_example_data=True,
        status=Strategy.Status.ADOPTED,
        adopted_on=datetime.date(2023, 3, 14),
        adopted_by="regionala utvecklingsnämnden",
    )


def _focus_areas(strategy: Strategy) -> list[FocusArea]:
    return [
        FocusArea.objects.create(strategy=strategy, name=name, description=text, sort_order=i)
        for i, (name, text) in enumerate(FOCUS_AREAS)
    ]


def _goals(areas: list[FocusArea], framework: Framework) -> dict[str, StrategyGoal]:
    """The goals with their indicators and values, by code; assessed where GOALS says how."""
    goals = {}
    for (area, code, title, indicator_name, unit, baseline, target, direction, values,
         impacts) in GOALS:  # fmt: skip
        goal = StrategyGoal.objects.create(focus_area=areas[area], code=code, title=title)
        indicator = Indicator.objects.create(
            goal=goal, name=indicator_name, unit=unit, baseline_value=Decimal(baseline),
            baseline_year=2022, target_value=Decimal(target), target_year=2030,
            source="SCB (påhittade siffror i demodata)", direction=direction,
        )  # fmt: skip
        for year, value in zip((2023, 2024, 2025), values, strict=True):
            IndicatorValue.objects.create(indicator=indicator, year=year, value=Decimal(value))
        if impacts:
            _assess(goal, framework, impacts)
        goals[code] = goal
    return goals


def _initiatives(strategy: Strategy, goals: dict[str, StrategyGoal], framework: Framework) -> None:
    """The initiatives with their status reports; assessed where INITIATIVES says how."""
    for (code, title, responsible, start, end, budget, goal_codes, status, progress,
         impacts) in INITIATIVES:  # fmt: skip
        initiative = Initiative.objects.create(
            strategy=strategy, code=code, title=title, responsible=responsible,
            start_year=start, end_year=end, budget=Decimal(budget), status=status,
            progress=progress,
        )  # fmt: skip
        initiative.goals.set([goals[c] for c in goal_codes])
        initiative.save()  # a ParentalManyToManyField is written on save
        for reported_on, update_status, update_progress, comment in UPDATES.get(code, []):
            InitiativeUpdate.objects.create(
                initiative=initiative,
                reported_on=datetime.date.fromisoformat(reported_on),
                status=update_status,
                progress=update_progress,
                comment=comment,
            )
        if impacts:
            _assess(initiative, framework, impacts)


def _strategy_page(home: Page, strategy: Strategy) -> None:
    page = home.add_child(
        instance=StrategyPage(
            title="Affärsplan Västmanland",
            slug="affarsplan",
            intro="Näringslivsstrategin som data: mål, insatser, uppföljning och hur "
            "hållbarheten löper som en röd tråd genom den.",
            strategy=strategy,
            show_in_menus=True,
        )
    )
    page.save_revision().publish()
