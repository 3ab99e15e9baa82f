"""Funding statistics: figures per breakdown, the 40/60 ownership groups, suppression of small
cells, the trend of underrepresented groups, and the filters."""

import uuid
from datetime import date
from decimal import Decimal

import pytest

from omstallning.core.sni import section_of
from omstallning.funding.models import Decision, Programme
from omstallning.funding.statistics import GroupShare, StatisticsFilter, funding_statistics

from .factories import DecisionFactory, ProgrammeFactory

# A municipality code no real Swedish municipality has, so that a test filtering on it sees
# its own decisions only (the guard in `lonely_municipality` checks it is unused).
UNUSED_MUNICIPALITY = "0009"


def new_programme(money_source=Programme.MoneySource.APPROPRIATION_1_1) -> Programme:
    return ProgrammeFactory(code=f"stat-{uuid.uuid4().hex[:12]}", money_source=money_source)


@pytest.fixture
def programme(site):
    return new_programme()


@pytest.fixture
def lonely_municipality(site):
    assert not Decision.objects.filter(municipality_code=UNUSED_MUNICIPALITY).exists()
    return UNUSED_MUNICIPALITY


def decide(programme, count=1, *, on=date(2023, 5, 10), granted=80_000, **fields):
    """`count` decisions in the programme; granted=0 makes them rejections."""
    if "sni_code" in fields:
        fields["sni_section"] = section_of(fields["sni_code"])
    return [
        DecisionFactory(
            case_id=f"S{uuid.uuid4().hex[:16]}",
            programme=programme,
            decided_on=on,
            outcome="granted" if granted else "rejected",
            amount_applied=Decimal(max(granted, 100_000)),
            amount_granted=Decimal(granted),
            **fields,
        )
        for _ in range(count)
    ]


def figures(statistics, breakdown):
    """{row key: (decisions, granted, amount granted, grant rate)} of one breakdown."""
    return {
        row.key: (
            row.figures.decisions,
            row.figures.granted,
            row.figures.amount_granted,
            row.figures.grant_rate,
        )
        for row in statistics.breakdown(breakdown).rows
    }


def only(programme):
    return StatisticsFilter(programme=programme.code)


# --- Counts, amounts and grant rate ------------------------------------------------------


@pytest.fixture
def seven_decisions(programme):
    """Year, municipality, sector and size vary independently of each other."""
    table = [
        (2022, "1980", "25110", "small", 100_000),
        (2022, "1980", "47110", "micro", 50_000),
        (2022, "1984", "25110", "micro", 0),
        (2023, "1980", "25110", "medium", 200_000),
        (2023, "1984", "47110", "small", 30_000),
        (2023, "1984", "25110", "small", 0),
        (2023, "1984", "62010", "small", 0),
    ]
    for year, municipality, sni_code, size, granted in table:
        decide(
            programme,
            on=date(year, 6, 1),
            granted=granted,
            municipality_code=municipality,
            sni_code=sni_code,
            company_size=size,
        )
    return programme


def test_totals_count_decisions_money_and_grant_rate(seven_decisions):
    totals = funding_statistics(only(seven_decisions), suppress=False).totals

    assert (totals.decisions, totals.granted) == (7, 4)
    assert totals.amount_granted == Decimal(380_000)
    assert totals.grant_rate == pytest.approx(4 / 7)
    assert totals.amount_share == pytest.approx(1.0)


def test_figures_per_year(seven_decisions):
    statistics = funding_statistics(only(seven_decisions), suppress=False)

    assert figures(statistics, "year") == {
        "2022": (3, 2, Decimal(150_000), pytest.approx(2 / 3)),
        "2023": (4, 2, Decimal(230_000), pytest.approx(0.5)),
    }
    assert [row.key for row in statistics.breakdown("year").rows] == ["2022", "2023"]


def test_figures_per_municipality(seven_decisions):
    statistics = funding_statistics(only(seven_decisions), suppress=False)

    assert figures(statistics, "municipality_code") == {
        "1980": (3, 3, Decimal(350_000), pytest.approx(1.0)),
        "1984": (4, 1, Decimal(30_000), pytest.approx(0.25)),
    }
    shares = {r.key: r.figures.amount_share for r in statistics.breakdown("municipality_code").rows}
    assert shares == {"1980": pytest.approx(350 / 380), "1984": pytest.approx(30 / 380)}


def test_figures_per_sector(seven_decisions):
    statistics = funding_statistics(only(seven_decisions), suppress=False)

    assert figures(statistics, "sni_section") == {
        "C": (4, 2, Decimal(300_000), pytest.approx(0.5)),
        "G": (2, 2, Decimal(80_000), pytest.approx(1.0)),
        "J": (1, 0, Decimal(0), pytest.approx(0.0)),
    }
    labels = {row.key: row.label for row in statistics.breakdown("sni_section").rows}
    assert labels["C"] == "C Tillverkning"
    # Sorted by the money granted, most first.
    assert [row.key for row in statistics.breakdown("sni_section").rows] == ["C", "G", "J"]


def test_figures_per_company_size(seven_decisions):
    statistics = funding_statistics(only(seven_decisions), suppress=False)

    assert figures(statistics, "company_size") == {
        "small": (4, 2, Decimal(130_000), pytest.approx(0.5)),
        "micro": (2, 1, Decimal(50_000), pytest.approx(0.5)),
        "medium": (1, 1, Decimal(200_000), pytest.approx(1.0)),
    }


def test_figures_per_programme(site):
    first, second = new_programme(), new_programme()
    decide(first, 2, granted=100_000)
    decide(first, 1, granted=0)
    decide(second, 1, granted=40_000)

    rows = {
        row.key: row
        for row in funding_statistics(StatisticsFilter(), suppress=False)
        .breakdown("programme")
        .rows
    }

    assert (rows[str(first.pk)].label, rows[str(second.pk)].label) == (first.name, second.name)
    assert figures_of(rows[str(first.pk)]) == (3, 2, Decimal(200_000), pytest.approx(2 / 3))
    assert figures_of(rows[str(second.pk)]) == (1, 1, Decimal(40_000), pytest.approx(1.0))


def figures_of(row):
    f = row.figures
    return (f.decisions, f.granted, f.amount_granted, f.grant_rate)


# --- Ownership by the 40/60 convention ---------------------------------------------------


def test_ownership_groups_follow_40_60(programme):
    for share in [0, 40, 41, 59, 60, 100, None]:
        decide(programme, women_owner_share=share)

    statistics = funding_statistics(only(programme), suppress=False)

    counts = {row.key: row.figures.decisions for row in statistics.breakdown("ownership").rows}
    assert counts == {"men": 2, "mixed": 2, "women": 2, "unknown": 1}
    stored = dict(
        Decision.objects.filter(programme=programme).values_list("women_owner_share", "ownership")
    )
    assert stored == {
        0: "men",
        40: "men",
        41: "mixed",
        59: "mixed",
        60: "women",
        100: "women",
        None: "unknown",
    }


def test_saving_a_decision_sets_its_ownership_from_the_share(programme):
    (decision,) = decide(programme, women_owner_share=41)
    decision.women_owner_share = 60
    decision.save()

    decision.refresh_from_db()
    assert decision.ownership == "women"


# --- Suppression of small cells ----------------------------------------------------------


@pytest.fixture
def cells(programme):
    """Municipality cells of 5 granted, 4 granted, 6 with 2 granted, and 5 rejected."""
    decide(programme, 5, municipality_code="1980", granted=100_000)
    decide(programme, 4, municipality_code="1981", granted=100_000)
    decide(programme, 2, municipality_code="1982", granted=100_000)
    decide(programme, 4, municipality_code="1982", granted=0)
    decide(programme, 5, municipality_code="1983", granted=0)
    return programme


def test_cells_resting_on_one_to_four_decisions_are_suppressed(cells):
    statistics = funding_statistics(only(cells), suppress=True)

    assert statistics.suppressed
    assert figures(statistics, "municipality_code") == {
        "1980": (5, 5, Decimal(500_000), pytest.approx(1.0)),
        "1981": (None, None, None, None),
        "1982": (6, None, None, None),
        "1983": (5, 0, Decimal(0), pytest.approx(0.0)),
    }
    shares = {r.key: r.figures.amount_share for r in statistics.breakdown("municipality_code").rows}
    assert shares["1981"] is None
    assert shares["1982"] is None
    assert shares["1980"] == pytest.approx(5 / 11)
    assert shares["1983"] == pytest.approx(0.0)


def test_staff_see_every_figure(cells):
    statistics = funding_statistics(only(cells), suppress=False)

    assert not statistics.suppressed
    assert figures(statistics, "municipality_code") == {
        "1980": (5, 5, Decimal(500_000), pytest.approx(1.0)),
        "1981": (4, 4, Decimal(400_000), pytest.approx(1.0)),
        "1982": (6, 2, Decimal(200_000), pytest.approx(2 / 6)),
        "1983": (5, 0, Decimal(0), pytest.approx(0.0)),
    }


def test_totals_are_suppressed_too_when_small(programme):
    decide(programme, 3)

    hidden = funding_statistics(only(programme), suppress=True).totals
    shown = funding_statistics(only(programme), suppress=False).totals

    assert (hidden.decisions, hidden.granted, hidden.amount_granted, hidden.grant_rate) == (
        None,
        None,
        None,
        None,
    )
    assert (shown.decisions, shown.granted, shown.amount_granted) == (3, 3, Decimal(240_000))


def test_every_breakdown_is_suppressed_alike(programme):
    decide(programme, 2, women_owner_share=70, ceo_gender="woman", foreign_background="yes")

    statistics = funding_statistics(only(programme), suppress=True)

    assert len(statistics.breakdowns) == 9
    assert all(breakdown.rows for breakdown in statistics.breakdowns)
    for breakdown in statistics.breakdowns:
        for row in breakdown.rows:
            assert figures_of(row) == (None, None, None, None), breakdown.key


def test_nothing_granted_is_zero_not_suppressed(programme):
    decide(programme, 5, granted=0)

    totals = funding_statistics(only(programme), suppress=True).totals

    assert (totals.decisions, totals.granted, totals.amount_granted) == (5, 0, Decimal(0))
    assert totals.grant_rate == 0.0


# --- Trend of underrepresented groups, 1:1 money only ------------------------------------


@pytest.fixture
def trend_decisions(lonely_municipality):
    one_to_one = new_programme(Programme.MoneySource.APPROPRIATION_1_1)
    eu = new_programme(Programme.MoneySource.EU)
    region = new_programme(Programme.MoneySource.REGION)
    women = {"women_owner_share": 80, "ceo_gender": "woman", "foreign_background": "no"}
    men = {"women_owner_share": 20, "ceo_gender": "man", "foreign_background": "no"}
    here = {"municipality_code": lonely_municipality}
    year_2022, year_2023 = date(2022, 3, 1), date(2023, 9, 1)

    decide(one_to_one, 4, on=year_2022, granted=50_000, **women, **here)
    decide(one_to_one, 5, on=year_2022, granted=100_000, **men, **here)
    decide(
        one_to_one, 1, on=year_2022, granted=100_000, **{**men, "foreign_background": "yes"}, **here
    )
    decide(one_to_one, 3, on=year_2022, granted=0, **women, **here)  # rejections do not count
    decide(eu, 5, on=year_2022, granted=1_000_000, **women, **here)
    decide(region, 5, on=year_2022, granted=1_000_000, **women, **here)
    decide(one_to_one, 5, on=year_2023, granted=100_000, **women, **here)
    decide(eu, 5, on=year_2023, granted=1_000_000, **men, **here)
    return StatisticsFilter(municipality=lonely_municipality)


def test_the_trend_shows_each_groups_share_of_the_1_1_money_and_decisions(trend_decisions):
    trend = funding_statistics(trend_decisions, suppress=False).trend

    assert [row.year for row in trend] == [2022, 2023]
    first, second = trend
    assert (first.decisions, first.amount_granted) == (10, Decimal(800_000))
    assert first.groups["women_owned"] == GroupShare(
        decisions=4, money_share=pytest.approx(0.25), decision_share=pytest.approx(0.4)
    )
    assert first.groups["woman_ceo"] == first.groups["women_owned"]
    assert first.groups["foreign_background"] == GroupShare(
        decisions=1, money_share=pytest.approx(0.125), decision_share=pytest.approx(0.1)
    )
    assert (second.decisions, second.amount_granted) == (5, Decimal(500_000))
    assert second.groups["women_owned"] == GroupShare(5, pytest.approx(1.0), pytest.approx(1.0))
    assert second.groups["foreign_background"] == GroupShare(0, 0.0, 0.0)


def test_the_trend_suppresses_small_groups_but_shows_zero(trend_decisions):
    first, second = funding_statistics(trend_decisions, suppress=True).trend

    assert (first.decisions, first.amount_granted) == (10, Decimal(800_000))
    hidden = GroupShare(None, None, None)
    assert first.groups["women_owned"] == hidden
    assert first.groups["foreign_background"] == hidden
    assert second.groups["women_owned"] == GroupShare(5, pytest.approx(1.0), pytest.approx(1.0))
    assert second.groups["foreign_background"] == GroupShare(0, 0.0, 0.0)


def test_a_year_with_few_granted_1_1_decisions_is_suppressed_in_the_trend(lonely_municipality):
    programme = new_programme()
    decide(programme, 3, municipality_code=lonely_municipality, women_owner_share=80)
    filters = StatisticsFilter(municipality=lonely_municipality)

    (hidden,) = funding_statistics(filters, suppress=True).trend
    (shown,) = funding_statistics(filters, suppress=False).trend

    assert (hidden.decisions, hidden.amount_granted) == (None, None)
    assert set(hidden.groups.values()) == {GroupShare(None, None, None)}
    assert (shown.decisions, shown.amount_granted) == (3, Decimal(240_000))
    assert shown.groups["women_owned"].decision_share == pytest.approx(1.0)


def test_an_eu_programme_alone_has_no_trend(site):
    eu = new_programme(Programme.MoneySource.EU)
    decide(eu, 6, women_owner_share=80)

    statistics = funding_statistics(only(eu), suppress=False)

    assert statistics.trend == []
    assert statistics.totals.decisions == 6  # the decisions still count elsewhere


# --- Filters -----------------------------------------------------------------------------


def test_the_programme_filter_keeps_that_programmes_decisions(site):
    mine, other = new_programme(), new_programme()
    decide(mine, 2)
    decide(other, 3)

    assert funding_statistics(only(mine), suppress=False).totals.decisions == 2
    assert funding_statistics(only(other), suppress=False).totals.decisions == 3


def test_the_year_filter_includes_whole_years_from_and_to(programme):
    for day in [
        date(2020, 12, 31),
        date(2021, 1, 1),
        date(2022, 12, 31),
        date(2023, 1, 1),
    ]:
        decide(programme, on=day)

    def years(**bounds):
        filters = StatisticsFilter(programme=programme.code, **bounds)
        statistics = funding_statistics(filters, suppress=False)
        return statistics.totals.decisions, list(figures(statistics, "year"))

    assert years() == (4, ["2020", "2021", "2022", "2023"])
    assert years(year_from=2021, year_to=2022) == (2, ["2021", "2022"])
    assert years(year_from=2021) == (3, ["2021", "2022", "2023"])
    assert years(year_to=2021) == (2, ["2020", "2021"])
    assert years(year_from=2024) == (0, [])


def test_the_municipality_filter(programme):
    decide(programme, 2, municipality_code="1980")
    decide(programme, 3, municipality_code="1984", granted=0)

    filters = StatisticsFilter(programme=programme.code, municipality="1984")
    statistics = funding_statistics(filters, suppress=False)

    assert (statistics.totals.decisions, statistics.totals.granted) == (3, 0)
    assert list(figures(statistics, "municipality_code")) == ["1984"]


def test_the_municipality_filter_alone(lonely_municipality, programme):
    decide(programme, 2, municipality_code=lonely_municipality)
    decide(programme, 3, municipality_code="1980")

    statistics = funding_statistics(
        StatisticsFilter(municipality=lonely_municipality), suppress=False
    )

    assert statistics.totals.decisions == 2


def test_the_sector_filter(programme):
    decide(programme, 2, sni_code="25110", granted=100_000)
    decide(programme, 3, sni_code="47110", granted=10_000)

    filters = StatisticsFilter(programme=programme.code, sector="G")
    statistics = funding_statistics(filters, suppress=False)

    assert statistics.totals.decisions == 3
    assert statistics.totals.amount_granted == Decimal(30_000)
    assert list(figures(statistics, "sni_section")) == ["G"]


def test_filters_combine(programme):
    decide(programme, 1, on=date(2022, 5, 1), municipality_code="1980", sni_code="25110")
    decide(programme, 1, on=date(2023, 5, 1), municipality_code="1980", sni_code="25110")
    decide(programme, 1, on=date(2023, 5, 1), municipality_code="1984", sni_code="25110")
    decide(programme, 1, on=date(2023, 5, 1), municipality_code="1980", sni_code="47110")

    filters = StatisticsFilter(
        year_from=2023, year_to=2023, programme=programme.code, municipality="1980", sector="C"
    )

    assert funding_statistics(filters, suppress=False).totals.decisions == 1
