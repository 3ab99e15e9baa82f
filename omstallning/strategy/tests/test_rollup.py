"""Follow-up rules: expected progress by time, status thresholds, budget-weighted rollup."""

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omstallning.strategy.rollup import Track, Work, expected_progress, goal_rollup, track

TODAY = date(2026, 1, 1)


def work(start=2024, end=2027, budget=0, progress=0, status="ongoing") -> Work:
    return Work(start, end, Decimal(budget), progress, status)


def test_expected_progress_follows_the_years():
    assert expected_progress(work(2024, 2027), TODAY) == pytest.approx(50, abs=0.1)
    assert expected_progress(work(2027, 2028), TODAY) == 0.0
    assert expected_progress(work(2020, 2025), TODAY) == 100.0


def test_the_thresholds():
    assert track(progress=41, expected=50) is Track.ON_TRACK
    assert track(progress=39, expected=50) is Track.AT_RISK
    assert track(progress=25, expected=50) is Track.AT_RISK
    assert track(progress=24, expected=50) is Track.OFF_TRACK


def test_a_goal_weighs_its_initiatives_by_budget_and_skips_cancelled_ones():
    rollup = goal_rollup(
        [
            work(budget=3_000_000, progress=60),
            work(budget=1_000_000, progress=20),
            work(budget=9_000_000, progress=0, status="cancelled"),
        ],
        TODAY,
    )

    assert rollup.progress == 50.0
    assert rollup.expected == pytest.approx(50, abs=0.1)
    assert rollup.track is Track.ON_TRACK


def test_without_budgets_every_initiative_weighs_the_same_and_completed_is_done():
    rollup = goal_rollup([work(progress=10), work(progress=30, status="completed")], TODAY)

    assert rollup.progress == 55.0  # (10 + 100) / 2


def test_a_goal_without_initiatives_has_no_status():
    assert goal_rollup([], TODAY).track is Track.NONE


@given(
    st.lists(
        st.builds(
            work,
            start=st.integers(2015, 2035),
            end=st.integers(2035, 2040),
            budget=st.integers(0, 10**9),
            progress=st.integers(0, 100),
            status=st.sampled_from(["planned", "ongoing", "paused", "completed", "cancelled"]),
        ),
        max_size=8,
    ),
    st.dates(date(2010, 1, 1), date(2045, 1, 1)),
)
def test_rollups_stay_between_0_and_100(works, today):
    rollup = goal_rollup(works, today)

    assert 0 <= rollup.progress <= 100
    assert 0 <= rollup.expected <= 100
