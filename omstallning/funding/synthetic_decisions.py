"""Synthetic funding decisions: a made-up but lifelike decision history, the same for the same
seed, year counts and last day.

The demo saves about 3 000 of them as the history its statistics show (`demo/funding.py`); the
benchmark writes a million to a CSV file in the import format (`bench/funding_statistics.py`).
Both take them from here, so the two cannot drift apart.

The model: the five programmes of the demo, each with its share of the year's decisions, grant
rate and range of amounts (spread on a log scale: many small, a few large); Västmanland's
municipalities by population, commercial service in the countryside; SNI codes over nine
sections; company sizes per programme; returning applicants; more women-owned companies and
less unknown ownership as the years go by; and the voluntary facts, and those recorded only in
later years, sometimes missing.
"""

import math
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import accumulate

from omstallning.core.organisation_numbers import with_check_digit
from omstallning.core.sni import section_of

from .models import Decision, Programme

SEED = 2026

# Per programme: the share of the year's decisions in the years that differ (ERUF is quiet at
# the start of a programme period), otherwise; grant rate; smallest and largest amount applied
# for (kr), and the amounts' rounding.
MIX = {
    "konsultcheck": ({}, 35, 0.80, 25_000, 100_000, 5_000),
    "investeringsstod": ({2020: 40}, 30, 0.65, 100_000, 1_500_000, 10_000),
    "projektmedel": ({}, 15, 0.60, 200_000, 3_000_000, 10_000),
    "kommersiell-service": ({}, 8, 0.75, 50_000, 600_000, 5_000),
    "eruf": ({2015: 4, 2021: 0, 2022: 4}, 12, 0.55, 1_000_000, 10_000_000, 50_000),
}
# What share of the amount applied for a grant gives.
GRANTED_SHARE = [1.0] * 6 + [0.9, 0.8, 0.75, 0.6]
RETURNING = 0.2  # the chance that a decision goes to an earlier applicant of the programme

# Roughly by population, so Västerås has most decisions.
POPULATION = {
    "1980": 158, "1983": 27, "1981": 23, "1961": 16, "1984": 14, "1982": 13,
    "1907": 10, "1960": 9, "1962": 6, "1904": 4,
}  # fmt: skip
# Commercial service goes to the countryside.
RURAL = {
    "1981": 5, "1962": 3, "1904": 3, "1907": 2, "1960": 2, "1982": 2, "1983": 2, "1984": 2,
    "1961": 1, "1980": 1,
}  # fmt: skip

# SNI 2007 codes per section, and how common each section is among the applicants.
SNI = {
    "C": ["25110", "25620", "28990", "10710", "16230", "22290", "24510", "27110", "33120"],
    "F": ["41200", "43210", "43220", "43320"],
    "G": ["47111", "46690", "45200", "47910"],
    "I": ["55101", "56100", "55201", "55300"],
    "J": ["62010", "62020", "58290", "63120"],
    "M": ["71121", "70220", "73111", "74100", "72190"],
    "N": ["81210", "77390", "79120", "82300"],
    "Q": ["86230", "88101", "87301"],
    "A": ["01110", "01410", "02200", "01500", "01130"],
}
SECTION_WEIGHTS = {"C": 25, "F": 12, "G": 14, "I": 10, "J": 9, "M": 12, "N": 6, "Q": 4, "A": 8}
COMMERCIAL_SNI = ["47111"] * 8 + ["47300", "56100"]

SIZES = ["micro", "small", "medium", "large"]
SIZE_WEIGHTS = {
    "konsultcheck": [60, 32, 8, 0],
    "investeringsstod": [42, 40, 16, 2],
    "projektmedel": [35, 30, 20, 15],
    "kommersiell-service": [85, 15, 0, 0],
    "eruf": [15, 35, 35, 15],
}
OWNERSHIPS = ["women", "mixed", "unknown", "men"]
OWNER_SHARES = {
    "women": [60, 67, 75, 100, 100, 100],
    "men": [0, 0, 0, 0, 0, 20, 25, 33, 40],
    "mixed": [50, 50, 50, 45, 55],
}
# The chance that the chief executive is a woman, by the ownership.
WOMAN_CEO = {"women": 0.9, "mixed": 0.5, "men": 0.1, "unknown": 0.3}
IMPACTS = ["positive", "neutral", "negative"]


@dataclass(frozen=True)
class SyntheticOrganisation:
    number: str  # a valid organisation number, unique in the history
    municipality_code: str
    sni_code: str
    size: str
    women_owner_share: int | None
    ceo_gender: str  # "woman", "man", "other" or "" (not known)
    foreign_background: str  # "yes", "no" or "" (not given)


@dataclass(frozen=True)
class SyntheticDecision:
    number: int  # 1, 2, … in the order generated: the caller makes the case id of it
    programme: str  # the programme's code, a key of MIX
    decided_on: date
    granted: bool
    amount_applied: int  # kr
    amount_granted: int  # kr; 0 when rejected, never more than applied
    organisation: SyntheticOrganisation
    environmental_impact: str  # "positive", "neutral", "negative" or "" (not recorded)


@dataclass(frozen=True)
class _Weights:
    """rng.choices' population with its cumulative weights, summed once (the same draws as
    passing the weights each time, only faster)."""

    population: Sequence
    cumulative: list

    @classmethod
    def of(cls, weights: Mapping, population: Sequence | None = None) -> "_Weights":
        return cls(list(population or weights), list(accumulate(weights.values())))

    @classmethod
    def listed(cls, population: Sequence, weights: Sequence) -> "_Weights":
        return cls(population, list(accumulate(weights)))

    def pick(self, rng: random.Random):
        return rng.choices(self.population, cum_weights=self.cumulative)[0]


_POPULATION = _Weights.of(POPULATION)
_RURAL = _Weights.of(RURAL)
_SECTIONS = _Weights.of(SECTION_WEIGHTS)
_SIZES = {code: _Weights.listed(SIZES, weights) for code, weights in SIZE_WEIGHTS.items()}


@dataclass(frozen=True)
class _Year:
    """What changes from one year to the next."""

    year: int
    first: date
    days: int  # decisions fall on first + 0 … days
    programmes: _Weights
    ownerships: _Weights

    @classmethod
    def of(cls, year: int, last_day: date) -> "_Year":
        first = date(year, 1, 1)
        days = max(0, (min(date(year, 12, 31), last_day) - first).days)
        shares = {code: mix[0].get(year, mix[1]) for code, mix in MIX.items()}
        # Women-dominated ownership grows a little each year; unknown ownership becomes rarer.
        women = 0.20 + 0.016 * (year - 2021)
        unknown = max(0.0, 0.08 - 0.012 * (year - 2021))
        ownership = [women, 0.12, unknown, 0.8 - women - unknown]
        return cls(year, first, days, _Weights.of(shares), _Weights.listed(OWNERSHIPS, ownership))


def synthetic_decisions(
    year_counts: Mapping[int, int], last_day: date, seed: int = SEED
) -> Iterator[SyntheticDecision]:
    """`year_counts[year]` decisions for each year, in its order, none after `last_day` (a
    year after it gets its decisions on 1 January). The same rows every time for the same
    arguments; lazily, so a million need not be held at once."""
    rng = random.Random(seed)
    pools: dict[str, list[SyntheticOrganisation]] = {code: [] for code in MIX}
    used: set[str] = set()
    number = 0
    for year, count in year_counts.items():
        of_year = _Year.of(year, last_day)
        for _ in range(count):
            number += 1
            code = of_year.programmes.pick(rng)
            pool = pools[code]
            if pool and rng.random() < RETURNING:
                organisation = rng.choice(pool)
            else:
                organisation = _new_organisation(rng, code, year, of_year.ownerships, used)
                pool.append(organisation)
            yield _decision(rng, number, code, of_year, organisation)


def _decision(
    rng: random.Random, number: int, code: str, of_year: _Year, organisation: SyntheticOrganisation
) -> SyntheticDecision:
    decided_on = of_year.first + timedelta(days=rng.randint(0, of_year.days))
    if decided_on.month == 7:  # few decisions in the Swedish summer
        decided_on = of_year.first + timedelta(days=rng.randint(0, of_year.days))
    _by_year, _share, grant_rate, low, high, step = MIX[code]
    granted = rng.random() < grant_rate
    applied = _amount(rng, low, high, step)
    amount = 0
    if granted:
        amount = max(step, math.floor(applied * rng.choice(GRANTED_SHARE) / step) * step)
    return SyntheticDecision(
        number=number,
        programme=code,
        decided_on=decided_on,
        granted=granted,
        amount_applied=applied,
        amount_granted=min(amount, applied),
        organisation=organisation,
        environmental_impact=_environmental_impact(rng, of_year.year, granted),
    )


def _amount(rng: random.Random, low: int, high: int, step: int) -> int:
    """Spread evenly on a log scale: many small amounts, a few large."""
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    return max(low, min(high, round(value / step) * step))


def _new_organisation(
    rng: random.Random, code: str, year: int, ownerships: _Weights, used: set[str]
) -> SyntheticOrganisation:
    if code == "kommersiell-service":
        municipality, sni = _RURAL.pick(rng), rng.choice(COMMERCIAL_SNI)
    else:
        municipality = _POPULATION.pick(rng)
        sni = rng.choice(SNI[_SECTIONS.pick(rng)])
    size = _SIZES[code].pick(rng)
    ownership = ownerships.pick(rng)
    share = rng.choice(OWNER_SHARES[ownership]) if ownership in OWNER_SHARES else None
    if rng.random() < (0.10 if year <= 2022 else 0.02):
        ceo_gender = ""
    elif rng.random() < 0.005:
        ceo_gender = "other"
    else:
        ceo_gender = "woman" if rng.random() < WOMAN_CEO[ownership] else "man"
    # Voluntary: often not given, and more often in earlier years.
    if rng.random() < (0.6 if year <= 2022 else 0.35):
        foreign_background = ""
    else:
        foreign_background = "yes" if rng.random() < 0.2 else "no"
    number = _organisation_number(rng, code, used)
    return SyntheticOrganisation(
        number, municipality, sni, size, share, ceo_gender, foreign_background
    )


def _organisation_number(rng: random.Random, code: str, used: set[str]) -> str:
    """An aktiebolag's (556, 559), or for project funds sometimes a foundation's (802)."""
    prefix = "802" if code == "projektmedel" and rng.random() < 0.3 else rng.choice(["556", "559"])
    number = with_check_digit(f"{prefix}{rng.randrange(1_000_000):06d}")
    while number in used:
        number = with_check_digit(f"{prefix}{rng.randrange(1_000_000):06d}")
    used.add(number)
    return number


def _environmental_impact(rng: random.Random, year: int, granted: bool) -> str:
    """Not recorded before the region started assessing (2023), then nearly always."""
    if rng.random() < (1.0 if year < 2023 else 0.5 if year == 2023 else 0.1):
        return ""
    weights = [50, 38, 12] if granted else [30, 45, 25]
    return rng.choices(IMPACTS, weights=weights)[0]


def as_decision(
    row: SyntheticDecision, programmes: Mapping[str, Programme], case_id: str
) -> Decision:
    """The row as an unsaved decision, marked as generated."""
    organisation = row.organisation
    return Decision(
        case_id=case_id,
        source=Decision.Source.IMPORTED,
        programme=programmes[row.programme],
        decided_on=row.decided_on,
        outcome="granted" if row.granted else "rejected",
        amount_applied=Decimal(row.amount_applied),
        amount_granted=Decimal(row.amount_granted),
        organisation_number=organisation.number,
        municipality_code=organisation.municipality_code,
        sni_code=organisation.sni_code,
        sni_section=section_of(organisation.sni_code) or "",
        company_size=organisation.size,
        women_owner_share=organisation.women_owner_share,
        ceo_gender=organisation.ceo_gender,
        foreign_background=organisation.foreign_background,
        environmental_impact=row.environmental_impact,
        is_generated=True,
    )
