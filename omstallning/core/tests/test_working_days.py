"""Working days in Sweden, for the time an actor has to answer a referral."""

import datetime
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from omstallning.core.working_days import add_working_days, is_working_day

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def test_weekends_public_holidays_and_the_eves_are_not_working_days():
    assert is_working_day(datetime.date(2026, 12, 4))  # a Friday
    assert not is_working_day(datetime.date(2026, 12, 5))  # Saturday
    assert not is_working_day(datetime.date(2026, 6, 19))  # midsommarafton
    assert not is_working_day(datetime.date(2026, 12, 24))  # julafton
    assert not is_working_day(datetime.date(2026, 12, 31))  # nyårsafton
    assert not is_working_day(datetime.date(2027, 1, 6))  # trettondedag jul, a Wednesday


def test_two_working_days_from_a_friday_are_the_tuesday_at_the_same_time():
    friday = datetime.datetime(2026, 12, 4, 10, 30, tzinfo=STOCKHOLM)

    assert add_working_days(friday, 2) == datetime.datetime(2026, 12, 8, 10, 30, tzinfo=STOCKHOLM)


def test_christmas_pushes_the_deadline_past_the_holidays():
    before = datetime.datetime(2026, 12, 23, 9, 0, tzinfo=STOCKHOLM)

    assert add_working_days(before, 2) == datetime.datetime(2026, 12, 29, 9, 0, tzinfo=STOCKHOLM)


@given(
    start=st.datetimes(
        min_value=datetime.datetime(2025, 1, 1), max_value=datetime.datetime(2030, 12, 31)
    ),
    days=st.integers(min_value=1, max_value=10),
)
def test_the_deadline_is_a_working_day_exactly_that_many_working_days_later(start, days):
    start = start.replace(tzinfo=STOCKHOLM)

    deadline = add_working_days(start, days)

    assert is_working_day(deadline.date())
    between = (
        start.date() + datetime.timedelta(days=offset)
        for offset in range(1, (deadline.date() - start.date()).days + 1)
    )
    assert sum(is_working_day(day) for day in between) == days
    assert deadline.time() == start.time()
