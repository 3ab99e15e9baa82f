"""Working days in Sweden: Monday to Friday, except public holidays and the days that are
holidays in practice (midsommarafton, julafton, nyårsafton), from the `holidays` package."""

import datetime
from functools import cache

import holidays
from django.utils import timezone


@cache
def _days_off(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("SE", years=year, categories=("public", "de_facto"))


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and day not in _days_off(day.year)


def add_working_days(start: datetime.datetime, days: int) -> datetime.datetime:
    """The same local time of day `days` working days later: a case sent on Friday at 10
    with two working days to answer is due on Tuesday at 10."""
    moment = timezone.localtime(start)
    counted = 0
    while counted < days:
        moment += datetime.timedelta(days=1)
        if is_working_day(moment.date()):
            counted += 1
    return moment
