"""Follow-up: how far initiatives have come against the time that has passed, rolled up to
the goals they serve. Pure, so the rules are easy to test and read.

Rules (also shown on the public page):
- Expected progress of an initiative is the share of its years that have passed (a year
  counts from 1 January; the end year counts in full).
- A goal's progress and expected progress are the averages over its initiatives, weighted by
  budget (equally when no initiative has a budget). Cancelled initiatives are left out.
- Status: *on track* when progress is at most 10 percentage points behind the expected,
  *at risk* when 10–25 points behind, *off track* when more. Completed initiatives are on
  track. A goal without initiatives has no status.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

AT_RISK_POINTS = 10
OFF_TRACK_POINTS = 25


class Track(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NONE = "none"


@dataclass(frozen=True)
class Work:
    start_year: int
    end_year: int
    budget: Decimal
    progress: int  # 0–100
    status: str  # InitiativeStatus value


@dataclass(frozen=True)
class Rollup:
    progress: float
    expected: float
    track: Track


def expected_progress(work: Work, today: date) -> float:
    start = date(work.start_year, 1, 1)
    end = date(work.end_year + 1, 1, 1)
    if today <= start:
        return 0.0
    if today >= end:
        return 100.0
    return 100.0 * (today - start).days / (end - start).days


def track(progress: float, expected: float) -> Track:
    behind = expected - progress
    if behind <= AT_RISK_POINTS:
        return Track.ON_TRACK
    if behind <= OFF_TRACK_POINTS:
        return Track.AT_RISK
    return Track.OFF_TRACK


def initiative_rollup(work: Work, today: date) -> Rollup:
    if work.status == "completed":
        return Rollup(100.0, 100.0, Track.ON_TRACK)
    expected = expected_progress(work, today)
    return Rollup(float(work.progress), expected, track(work.progress, expected))


def goal_rollup(works: Iterable[Work], today: date) -> Rollup:
    counted = [w for w in works if w.status != "cancelled"]
    if not counted:
        return Rollup(0.0, 0.0, Track.NONE)
    weights = [float(w.budget) for w in counted]
    if not any(weights):
        weights = [1.0] * len(counted)
    total = sum(weights)
    rollups = [initiative_rollup(w, today) for w in counted]
    progress = sum(r.progress * weight for r, weight in zip(rollups, weights, strict=True)) / total
    expected = sum(r.expected * weight for r, weight in zip(rollups, weights, strict=True)) / total
    return Rollup(progress, expected, track(progress, expected))
