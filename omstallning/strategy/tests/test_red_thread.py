"""The red thread's rules, on plain facts."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from omstallning.strategy.red_thread import (
    DIMENSIONS,
    Goal,
    Initiative,
    Profile,
    red_thread,
)

GOALS = [Goal(1, "1.1", "Utsläpp", "Industri"), Goal(2, "2.1", "Arbete", "Kompetens")]


def profile(goals=None, **dimensions) -> Profile:
    return Profile(goals=goals or {}, dimensions=dimensions)


def test_columns_count_the_goal_and_the_initiatives_serving_it():
    thread = red_thread(
        GOALS,
        [Initiative(10, "A", "Nätverk", Decimal(100), frozenset({1}))],
        {1: profile({13: "positive", 15: "negative"})},
        {10: profile({13: "positive", 7: "both"})},
    )

    assert (thread.matrix[13][1].positive, thread.matrix[13][1].negative) == (2, 0)
    assert (thread.matrix[7][1].positive, thread.matrix[7][1].negative) == (1, 1)
    assert thread.matrix[13][2].positive == 0


def test_uncovered_goals_and_unassessed_objects():
    thread = red_thread(
        GOALS,
        [Initiative(10, "A", "Nätverk", Decimal(0), frozenset({1}))],
        {1: profile({13: "positive", 8: "negative"})},
        {},
    )

    assert 13 not in thread.uncovered_sdgs
    assert 8 in thread.uncovered_sdgs  # a negative impact is no contribution
    assert [g.code for g in thread.unassessed_goals] == ["2.1"]
    assert [i.code for i in thread.unassessed_initiatives] == ["A"]


def test_a_negative_impact_is_mitigated_by_an_initiative_on_the_same_goal():
    initiatives = [
        Initiative(10, "A", "Industrimark", Decimal(0), frozenset({1})),
        Initiative(11, "B", "Naturvård", Decimal(0), frozenset({1})),
        Initiative(12, "C", "Annat", Decimal(0), frozenset({2})),
    ]
    thread = red_thread(
        GOALS,
        initiatives,
        {1: profile({15: "negative", 13: "negative"})},
        {
            10: profile({15: "negative"}),
            11: profile({15: "positive"}),
            12: profile({13: "positive"}),
        },
    )

    gaps = {(gap.source_code, gap.sdg) for gap in thread.unmitigated}
    # 15 is countered by B (same goal); 13 only by C, which serves another goal.
    assert gaps == {("1.1", 13)}


def test_dimension_balance_and_budget_shares():
    initiatives = [
        Initiative(10, "A", "Energi", Decimal(300), frozenset({1})),
        Initiative(11, "B", "Jobb", Decimal(100), frozenset({2})),
        Initiative(12, "C", "Blandat", Decimal(600), frozenset({2})),
    ]
    thread = red_thread(
        GOALS,
        initiatives,
        {},
        {
            10: profile(ecological=(3, 0), economic=(1, 0)),
            11: profile(social=(2, 0), economic=(2, 0)),
            12: profile(ecological=(1, 2), economic=(3, 0)),
        },
    )

    assert thread.positive_per_dimension == {"ecological": 4, "social": 2, "economic": 6}
    assert thread.out_of_balance == []  # 2 is not under half of the average 4
    assert thread.budget_per_dimension == {
        "ecological": Decimal(300),
        "social": Decimal(100),
        "economic": Decimal(1000),
    }
    assert thread.share("economic") == 1.0


impacts = st.dictionaries(
    st.integers(1, 17), st.sampled_from(["positive", "negative", "both", "none", "not_relevant"])
)


@given(
    goal_impacts=st.lists(impacts, min_size=2, max_size=2),
    initiative_impacts=st.lists(impacts, max_size=5),
    budgets=st.lists(st.integers(0, 10**9), min_size=5, max_size=5),
)
def test_shares_stay_within_the_budget_and_counts_add_up(goal_impacts, initiative_impacts, budgets):
    initiatives = [
        Initiative(100 + n, f"I{n}", "", Decimal(budgets[n]), frozenset({1 + n % 2}))
        for n in range(len(initiative_impacts))
    ]
    initiative_profiles = {
        100 + n: profile(found, ecological=(len(found), 0))
        for n, found in enumerate(initiative_impacts)
    }

    thread = red_thread(
        GOALS, initiatives, {1: profile(goal_impacts[0]), 2: profile(goal_impacts[1])},
        initiative_profiles,
    )  # fmt: skip

    for dimension in DIMENSIONS:
        assert 0 <= thread.budget_per_dimension[dimension] <= thread.budget_total
    positives = sum(c.positive for row in thread.matrix.values() for c in row.values())
    expected = sum(
        impact in ("positive", "both")
        for found in [*goal_impacts, *initiative_impacts]
        for impact in found.values()
    )
    assert positives == expected
