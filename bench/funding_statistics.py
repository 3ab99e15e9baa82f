"""How fast a million earlier funding decisions import, and how fast the statistics API answers
over them, on PostgreSQL (or SQLite), next to DuckDB computing the same figures from the CSV.

    .venv/bin/python bench/funding_statistics.py                 # 1 000 000 decisions, PostgreSQL
    .venv/bin/python bench/funding_statistics.py --count 20000 --database sqlite
    .venv/bin/python bench/funding_statistics.py --csv /tmp/decisions.csv --runs 5 --keep

It writes COUNT decisions in the import format (the 14 columns of
omstallning.funding.decision_import.COLUMNS, with a header row) to a CSV file in a temporary
folder, with a fixed seed: decisions 2015–2026 (never after yesterday), the five programmes of
the demo, Västmanland's municipalities by population, SNI codes over several sections, valid
organisation numbers, returning applicants, amounts spread on a log scale, and the optional
columns sometimes empty. --csv reuses a file instead (it is written there if it does not exist).

Then it builds a scratch database (a temporary SQLite file, or `omstallning_bench_funding` on the
local PostgreSQL server, dropped and created again), migrates it with `manage.py migrate`, adds
the programmes (not the demo content), and times `manage.py import_decisions FILE` twice in a
subprocess: the first time every row is new, the second time every row is an update (the
import is idempotent by case_id), and the number of decisions must still be COUNT. On
PostgreSQL the decision table is then vacuumed and analysed, as autovacuum would soon after a
load this size.

Then GET /api/v1/funding/statistics (anonymous, so small cells are suppressed) through Django's
test client for a few filters, one run to warm up and RUNS timed runs each, and the same
figures computed by DuckDB straight from the CSV (every run reads the file again), and from a
DuckDB table the CSV was loaded into once: totals and the nine breakdowns in one GROUPING SETS
query, and the yearly trend of the 1:1 money to women-owned companies, women CEOs and owners
of foreign background in another. It prints p50 and p95 of each and the ratio of the p50s, and
checks that DuckDB's totals and breakdowns without a filter equal those of
`funding_statistics(..., suppress=False)`. The database and the temporary folder are removed at
the end unless --keep. Nothing is asserted; nothing here is part of the test suite.
"""

import argparse
import csv
import datetime
import math
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from omstallning.core.organisation_numbers import with_check_digit  # noqa: E402
from omstallning.core.sni import section_of  # noqa: E402

DATABASE = "omstallning_bench_funding"
POSTGRES_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
SETTINGS = "omstallning.settings.test"
SEED = 2026

# What each request asks for: the query parameters of /api/v1/funding/statistics.
CASES = {
    "no filter": {},
    "year 2024": {"year_from": 2024, "year_to": 2024},
    "programme investeringsstod": {"programme": "investeringsstod"},
    "municipality 1980": {"municipality": "1980"},
    "sector C": {"sector": "C"},
    "konsultcheck + 1962 + 2020-": {
        "programme": "konsultcheck",
        "municipality": "1962",
        "year_from": 2020,
    },
}

# code, name, kind, money source (as the demo's programmes; all but ERUF are 1:1 money)
PROGRAMMES = [
    ("investeringsstod", "Regionalt investeringsstöd", "business_support", "1:1"),
    ("konsultcheck", "Konsultcheck", "business_support", "1:1"),
    ("projektmedel", "Projektmedel 1:1", "project_funds", "1:1"),
    ("kommersiell-service", "Stöd till kommersiell service", "commercial_service", "1:1"),
    ("eruf", "Regionalfonden (ERUF)", "erdf", "eu"),
]
# Relative number of decisions per year; 2026 runs to yesterday.
YEARS = {
    2015: 70, 2016: 72, 2017: 75, 2018: 78, 2019: 80, 2020: 92,
    2021: 86, 2022: 90, 2023: 95, 2024: 100, 2025: 104, 2026: 98,
}  # fmt: skip
# Share of a year's decisions (ERUF is quiet in the first years of a programme period), grant
# rate, smallest and largest amount applied for (kr), and the amounts' rounding.
MIX = {
    "konsultcheck": ({}, 35, 0.80, 25_000, 100_000, 5_000),
    "investeringsstod": ({2020: 40}, 30, 0.65, 100_000, 1_500_000, 10_000),
    "projektmedel": ({}, 15, 0.60, 200_000, 3_000_000, 10_000),
    "kommersiell-service": ({}, 8, 0.75, 50_000, 600_000, 5_000),
    "eruf": ({2015: 4, 2021: 0, 2022: 4}, 12, 0.55, 1_000_000, 10_000_000, 50_000),
}
GRANTED_SHARE = [1.0] * 6 + [0.9, 0.8, 0.75, 0.6]
# Roughly by population, so Västerås has most decisions; commercial service goes to the
# countryside.
POPULATION = {
    "1980": 158, "1983": 27, "1981": 23, "1961": 16, "1984": 14, "1982": 13,
    "1907": 10, "1960": 9, "1962": 6, "1904": 4,
}  # fmt: skip
RURAL = {
    "1981": 5, "1962": 3, "1904": 3, "1907": 2, "1960": 2, "1982": 2, "1983": 2, "1984": 2,
    "1961": 1, "1980": 1,
}  # fmt: skip
# SNI 2007 codes per section, and how common each section is among the applicants.
SNI = {
    "A": ["01110", "01410", "02200", "01500", "01130", "03120"],
    "B": ["08110", "08120"],
    "C": ["25110", "25620", "28990", "10710", "16230", "22290", "24510", "27110", "33120"],
    "D": ["35110", "35300"],
    "E": ["38110", "38320", "37000"],
    "F": ["41200", "43210", "43220", "43320"],
    "G": ["47111", "46690", "45200", "47910"],
    "H": ["49410", "52100", "49320"],
    "I": ["55101", "56100", "55201", "55300"],
    "J": ["62010", "62020", "58290", "63120"],
    "L": ["68201", "68320"],
    "M": ["71121", "70220", "73111", "74100", "72190"],
    "N": ["81210", "77390", "79120", "82300"],
    "P": ["85592", "85600"],
    "Q": ["86230", "88101", "87301"],
    "R": ["90030", "93130"],
    "S": ["96021", "95110"],
}
SECTION_WEIGHTS = {
    "C": 25, "F": 12, "G": 14, "I": 10, "J": 9, "M": 12, "N": 6, "Q": 4, "A": 8, "H": 5,
    "E": 2, "D": 1, "B": 0.5, "L": 3, "P": 2, "R": 2, "S": 2,
}  # fmt: skip
COMMERCIAL_SNI = ["47111"] * 8 + ["47300", "56100"]
SIZES = ["micro", "small", "medium", "large"]
SIZE_WEIGHTS = {
    "konsultcheck": [60, 32, 8, 0],
    "investeringsstod": [42, 40, 16, 2],
    "projektmedel": [35, 30, 20, 15],
    "kommersiell-service": [85, 15, 0, 0],
    "eruf": [15, 35, 35, 15],
}
WOMEN_SHARES = [60, 67, 75, 100, 100, 100]
MEN_SHARES = [0, 0, 0, 0, 0, 20, 25, 33, 40]
MIXED_SHARES = [50, 50, 50, 45, 55]
# Aktiebolag, mostly; some trading partnerships, economic associations and foundations.
PREFIXES = {"556": 45, "559": 35, "969": 7, "916": 4, "769": 3, "802": 6}
RETURNING = 0.35  # share of decisions to an organisation that has had one before


def _cumulative(weights: dict) -> tuple[list, list[float]]:
    total, running = 0.0, []
    for weight in weights.values():
        total += weight
        running.append(total)
    return list(weights), running


def _days(year: int, last_day: datetime.date) -> tuple[list, list[float]]:
    """The weekdays of a year up to last_day, July and the Christmas weeks less likely."""
    day, days = datetime.date(year, 1, 1), {}
    while day.year == year and day <= last_day:
        if day.weekday() < 5:
            quiet = day.month == 7 or (day.month == 12 and day.day > 20)
            days[day.isoformat()] = 0.3 if quiet else 1.0
        day += datetime.timedelta(days=1)
    return _cumulative(days)


def write_csv(path: Path, count: int) -> None:
    """COUNT decisions in the import format, the same every time (for the same day)."""
    from omstallning.funding.decision_import import COLUMNS

    rng = random.Random(SEED)
    last_day = datetime.date.today() - datetime.timedelta(days=1)
    years = {year: weight for year, weight in YEARS.items() if year <= last_day.year}
    total = sum(years.values())
    per_year = {year: int(count * weight / total) for year, weight in years.items()}
    per_year[max(per_year)] += count - sum(per_year.values())
    population, rural = _cumulative(POPULATION), _cumulative(RURAL)
    sections, prefixes = _cumulative(SECTION_WEIGHTS), _cumulative(PREFIXES)
    pools: dict[str, list[tuple]] = {code: [] for code in MIX}
    used: set[str] = set()
    number = 0
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(COLUMNS)
        for year, in_year in per_year.items():
            days = _days(year, last_day)
            mix = _cumulative({code: m[0].get(year, m[1]) for code, m in MIX.items()})
            women = 0.14 + 0.012 * (year - 2015)  # women-owned grows a little each year
            unknown = 0.14 - 0.01 * (year - 2015)  # and unknown ownership becomes rarer
            ownerships = _cumulative(
                {"women": women, "mixed": 0.12, "unknown": unknown, "men": 0.74 - women - unknown}
            )
            for _ in range(in_year):
                number += 1
                code = rng.choices(mix[0], cum_weights=mix[1])[0]
                _by_year, _share, grant_rate, low, high, step = MIX[code]
                pool = pools[code]
                if pool and rng.random() < RETURNING:
                    organisation = rng.choice(pool)
                else:
                    organisation = _organisation(
                        rng, code, year, used, ownerships, population, rural, sections, prefixes
                    )
                    pool.append(organisation)
                decided_on = rng.choices(days[0], cum_weights=days[1])[0]
                granted = rng.random() < grant_rate
                applied = _amount(rng, low, high, step)
                amount = 0
                if granted:
                    amount = max(
                        step, math.floor(applied * rng.choice(GRANTED_SHARE) / step) * step
                    )
                    amount = min(amount, applied)
                    granted_text = str(amount)
                else:
                    granted_text = "0" if rng.random() < 0.5 else ""
                applied_text = str(applied)
                if rng.random() < 0.05:  # some systems write the öre
                    applied_text += ".00"
                    granted_text += ".00" if granted else ""
                writer.writerow(
                    [
                        f"RV-{year}-{number:07d}",
                        code,
                        decided_on,
                        "granted" if granted else "rejected",
                        *organisation,
                        applied_text,
                        granted_text,
                        _environmental_impact(rng, year, granted),
                    ]
                )


def _organisation(rng, code, year, used, ownerships, population, rural, sections, prefixes):
    """org_number, municipality_code, sni_code, company_size, women_owner_share, ceo_gender,
    foreign_background: as the columns of the file."""
    if code == "kommersiell-service":
        municipality = rng.choices(rural[0], cum_weights=rural[1])[0]
        sni = rng.choice(COMMERCIAL_SNI)
    else:
        municipality = rng.choices(population[0], cum_weights=population[1])[0]
        sni = rng.choice(SNI[rng.choices(sections[0], cum_weights=sections[1])[0]])
    if rng.random() < 0.04:  # a less detailed code: group or class instead of subclass
        sni = sni[: rng.choice([3, 4])]
    size = rng.choices(SIZES, weights=SIZE_WEIGHTS[code])[0]
    ownership = rng.choices(ownerships[0], cum_weights=ownerships[1])[0]
    shares = {"women": WOMEN_SHARES, "men": MEN_SHARES, "mixed": MIXED_SHARES}
    share = str(rng.choice(shares[ownership])) if ownership in shares else ""
    if rng.random() < (0.10 if year <= 2020 else 0.02):
        ceo_gender = ""
    elif rng.random() < 0.005:
        ceo_gender = "other"
    else:
        woman = {"women": 0.9, "mixed": 0.5, "men": 0.1, "unknown": 0.3}[ownership]
        ceo_gender = "woman" if rng.random() < woman else "man"
    if rng.random() < (0.6 if year <= 2022 else 0.35):  # voluntary, often not given
        foreign_background = ""
    else:
        foreign_background = "yes" if rng.random() < 0.2 else "no"
    while True:
        prefix = rng.choices(prefixes[0], cum_weights=prefixes[1])[0]
        org_number = with_check_digit(f"{prefix}{rng.randrange(1_000_000):06d}")
        if org_number not in used:
            break
    used.add(org_number)
    return (org_number, municipality, sni, size, share, ceo_gender, foreign_background)


def _amount(rng: random.Random, low: int, high: int, step: int) -> int:
    """Spread evenly on a log scale: many small amounts, a few large."""
    value = math.exp(rng.uniform(math.log(low), math.log(high)))
    return max(low, min(high, round(value / step) * step))


def _environmental_impact(rng: random.Random, year: int, granted: bool) -> str:
    """Not recorded before the region started assessing (2023), then nearly always."""
    if rng.random() < (1.0 if year < 2023 else 0.5 if year == 2023 else 0.1):
        return ""
    weights = [50, 38, 12] if granted else [30, 45, 25]
    return rng.choices(["positive", "neutral", "negative"], weights=weights)[0]


# --- The database -----------------------------------------------------------------------------


def _recreate_postgres_database(drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        c.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        if not drop_only:
            c.execute(f"CREATE DATABASE {DATABASE}")


def _manage(env: dict, *args: str) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    seconds = time.perf_counter() - started
    if result.returncode:
        raise SystemExit(
            f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr[-5000:]}"
        )
    return seconds, result.stdout


def _create_programmes() -> None:
    from omstallning.funding.models import Programme

    Programme.objects.bulk_create(
        Programme(code=code, name=name, kind=kind, money_source=source)
        for code, name, kind, source in PROGRAMMES
    )


def _import(env: dict, csv_path: Path, rows: int, label: str) -> None:
    seconds, output = _manage(env, "import_decisions", str(csv_path))
    summary = output.strip().splitlines()[-1] if output.strip() else ""
    own = re.search(r"\(([0-9.]+) s, ([0-9]+) rader/s\)", summary)
    command = (
        f"  (the command's own timing: {own.group(1)} s, {own.group(2)} rows/s)" if own else ""
    )
    print(
        f"  import, {label:13} {rows:>9} rows in {seconds:7.1f} s: "
        f"{rows / seconds:8.0f} rows/s{command}",
        flush=True,
    )
    print(f"    {summary}", flush=True)


# --- Timing -----------------------------------------------------------------------------------


def _timed(function, runs: int) -> tuple[list[float], object]:
    result = function()  # the first run warms caches and is not counted
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - started)
    timings.sort()
    return timings, result


def _p50_p95(timings: list[float]) -> tuple[float, float]:
    p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
    return statistics.median(timings), p95


def _api(params: dict):
    from django.test import Client

    client = Client()

    def request():
        response = client.get("/api/v1/funding/statistics", params)
        if response.status_code != 200:
            raise SystemExit(f"{response.status_code}: {response.content[:500]!r}")
        return response.json()

    return request


# --- DuckDB -----------------------------------------------------------------------------------

CSV_TYPES = {
    "case_id": "VARCHAR",
    "programme": "VARCHAR",
    "decision_date": "DATE",
    "decision": "VARCHAR",
    "org_number": "VARCHAR",
    "municipality_code": "VARCHAR",
    "sni_code": "VARCHAR",
    "company_size": "VARCHAR",
    "women_owner_share": "INTEGER",
    "ceo_gender": "VARCHAR",
    "foreign_background": "VARCHAR",
    "applied_sek": "DECIMAL(14, 2)",
    "granted_sek": "DECIMAL(14, 2)",
    "env_impact": "VARCHAR",
}
# The nine breakdowns of omstallning.funding.statistics.BREAKDOWNS, by their keys.
BREAKDOWN_KEYS = [
    "programme",
    "year",
    "municipality_code",
    "sni_section",
    "company_size",
    "ownership",
    "ceo_gender",
    "foreign_background",
    "environmental_impact",
]
# The decisions as the decision table has them, the section and ownership derived.
DECISIONS = """
SELECT c.programme, year(c.decision_date) AS year, c.decision_date,
       c.decision = 'granted' AS granted, coalesce(c.granted_sek, 0) AS amount,
       c.municipality_code, s.section AS sni_section, c.company_size,
       CASE WHEN c.women_owner_share IS NULL THEN 'unknown'
            WHEN c.women_owner_share >= 60 THEN 'women'
            WHEN c.women_owner_share <= 40 THEN 'men'
            ELSE 'mixed' END AS ownership,
       coalesce(c.ceo_gender, '') AS ceo_gender,
       coalesce(c.foreign_background, '') AS foreign_background,
       coalesce(c.env_impact, '') AS environmental_impact
FROM {source} AS c JOIN sni_division AS s ON s.division = CAST(left(c.sni_code, 2) AS INTEGER)
"""
BREAKDOWNS_SQL = """
SELECT CASE {which} ELSE 'totals' END AS breakdown,
       coalesce({keys}, '') AS key,
       count(*) AS decisions,
       count(*) FILTER (granted) AS granted,
       coalesce(sum(amount) FILTER (granted), 0) AS amount,
       count(*) FILTER (granted) / count(*) AS grant_rate,
       coalesce(sum(amount) FILTER (granted), 0) / nullif((SELECT sum(amount) FROM d), 0)
           AS amount_share
FROM d
GROUP BY GROUPING SETS ((), {sets})
""".format(
    which=" ".join(f"WHEN GROUPING({k}) = 0 THEN '{k}'" for k in BREAKDOWN_KEYS),
    keys=", ".join(f"CAST({k} AS VARCHAR)" for k in BREAKDOWN_KEYS),
    sets=", ".join(f"({k})" for k in BREAKDOWN_KEYS),
)
TREND_SQL = """
SELECT d.year, count(*) AS decisions, sum(d.amount) AS amount,
       {groups}
FROM d JOIN programmes AS p ON p.code = d.programme
WHERE d.granted AND p.money_source = '1:1'
GROUP BY d.year ORDER BY d.year
""".format(
    groups=",\n       ".join(
        f"count(*) FILTER ({condition}) AS {key}_count, "
        f"count(*) FILTER ({condition}) / count(*) AS {key}_decision_share, "
        f"coalesce(sum(d.amount) FILTER ({condition}), 0) / nullif(sum(d.amount), 0) "
        f"AS {key}_money_share"
        for key, condition in [
            ("women_owned", "d.ownership = 'women'"),
            ("woman_ceo", "d.ceo_gender = 'woman'"),
            ("foreign_background", "d.foreign_background = 'yes'"),
        ]
    )
)


def _duckdb_connection(csv_path: Path):
    try:
        import duckdb
    except ImportError:
        message = "DuckDB is this benchmark's reference: install it with `make bench`."
        raise SystemExit(message) from None

    connection = duckdb.connect()
    connection.execute("CREATE TABLE sni_division (division INTEGER, section VARCHAR)")
    connection.executemany(
        "INSERT INTO sni_division VALUES (?, ?)",
        [(d, section_of(f"{d:02d}")) for d in range(1, 100) if section_of(f"{d:02d}")],
    )
    connection.execute("CREATE TABLE programmes (code VARCHAR, money_source VARCHAR)")
    connection.executemany(
        "INSERT INTO programmes VALUES (?, ?)", [(p[0], p[3]) for p in PROGRAMMES]
    )
    columns = ", ".join(f"'{name}': '{kind}'" for name, kind in CSV_TYPES.items())
    path = str(csv_path).replace("'", "''")
    connection.execute(
        f"CREATE VIEW csv_file AS SELECT * FROM read_csv('{path}', header = true, "
        f"auto_detect = false, delim = ',', quote = '\"', columns = {{{columns}}})"
    )
    return connection


def _duckdb_where(params: dict) -> tuple[str, list]:
    conditions, values = [], []
    if params.get("year_from"):
        conditions.append("decision_date >= ?")
        values.append(datetime.date(params["year_from"], 1, 1))
    if params.get("year_to"):
        conditions.append("decision_date < ?")
        values.append(datetime.date(params["year_to"] + 1, 1, 1))
    for name, column in [
        ("programme", "programme"),
        ("municipality", "municipality_code"),
        ("sector", "sni_section"),
    ]:
        if params.get(name):
            conditions.append(f"{column} = ?")
            values.append(params[name])
    return (" WHERE " + " AND ".join(conditions)) if conditions else "", values


def _duckdb(connection, source: str, params: dict):
    where, values = _duckdb_where(params)
    filtered = f"CREATE OR REPLACE TEMP TABLE d AS SELECT * FROM ({DECISIONS}){where}"
    filtered = filtered.format(source=source)

    def compute():
        connection.execute(filtered, values)
        breakdowns = connection.execute(BREAKDOWNS_SQL).fetchall()
        trend = connection.execute(TREND_SQL).fetchall()
        return breakdowns, trend

    return compute


def _compare(duck_rows, django_statistics) -> None:
    """DuckDB's totals and breakdown cells against funding_statistics without suppression."""
    from omstallning.funding.models import Programme

    codes = {str(pk): code for pk, code in Programme.objects.values_list("pk", "code")}
    totals = django_statistics.totals
    ours = (totals.decisions, totals.granted, Decimal(totals.amount_granted))
    theirs = next((r[2], r[3], Decimal(r[4])) for r in duck_rows if r[0] == "totals")
    if ours == theirs:
        print(f"  totals match: {ours[0]} decisions, {ours[1]} granted, {ours[2]:.0f} kr")
    else:
        print(f"  TOTALS DIFFER: Django {ours}, DuckDB {theirs}")
    cells = {}
    for breakdown in django_statistics.breakdowns:
        for row in breakdown.rows:
            key = codes.get(row.key, row.key) if breakdown.key == "programme" else row.key
            figures = row.figures
            cells[(breakdown.key, key)] = (
                figures.decisions,
                figures.granted,
                Decimal(figures.amount_granted),
            )
    duck = {(r[0], r[1]): (r[2], r[3], Decimal(r[4])) for r in duck_rows if r[0] != "totals"}
    differ = [key for key in cells.keys() | duck.keys() if cells.get(key) != duck.get(key)]
    if differ:
        print(f"  BREAKDOWNS DIFFER in {len(differ)} of {len(cells)} cells, e.g.:")
        for key in sorted(differ)[:5]:
            print(f"    {key}: Django {cells.get(key)}, DuckDB {duck.get(key)}")
    else:
        print(f"  breakdowns match: {len(cells)} cells")


# --- The run ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1_000_000)
    parser.add_argument("--database", choices=["postgres", "sqlite"], default="postgres")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per filter")
    parser.add_argument("--keep", action="store_true", help="keep the database (and the CSV)")
    parser.add_argument("--csv", type=Path, help="use this CSV (written first if missing)")
    args = parser.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="bench-funding-"))
    url = POSTGRES_URL if args.database == "postgres" else f"sqlite:///{scratch}/bench.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "ALLOWED_HOSTS": "testserver,localhost,127.0.0.1",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()  # touches no database yet
    try:
        _run(args, scratch, env)
    finally:
        from django.db import connections

        connections.close_all()
        if args.keep:
            print(f"kept: {url}" + ("" if args.csv else f" and {scratch}"))
        else:
            if args.database == "postgres":
                _recreate_postgres_database(drop_only=True)
            shutil.rmtree(scratch, ignore_errors=True)


def _run(args: argparse.Namespace, scratch: Path, env: dict) -> None:
    csv_path = args.csv or scratch / "decisions.csv"
    if csv_path.exists():
        with open(csv_path, encoding="utf-8") as file:
            rows = sum(1 for _ in file) - 1
        print(f"CSV {csv_path}: {rows} decisions (reused)", flush=True)
    else:
        started = time.perf_counter()
        write_csv(csv_path, args.count)
        rows = args.count
        seconds = time.perf_counter() - started
        size = csv_path.stat().st_size / 1e6
        print(f"CSV {csv_path}: {rows} decisions written in {seconds:.1f} s ({size:.0f} MB)")

    print(f"{args.database}:", flush=True)
    if args.database == "postgres":
        _recreate_postgres_database()
    seconds, _output = _manage(env, "migrate", "--no-input", "--verbosity", "0")
    print(f"  migrated in {seconds:.1f} s", flush=True)

    from django.db import connection, connections

    from omstallning.funding.models import Decision
    from omstallning.funding.statistics import StatisticsFilter, funding_statistics

    _create_programmes()
    connections.close_all()  # the import runs in another process
    _import(env, csv_path, rows, "new")
    _import(env, csv_path, rows, "again (update)")
    stored = Decision.objects.count()
    print(f"  {stored} decisions stored" + ("" if stored == rows else f" (NOT {rows})"))
    if connection.vendor == "postgresql":
        started = time.perf_counter()
        table = Decision._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM ANALYZE {table}")
            cursor.execute("SELECT pg_size_pretty(pg_total_relation_size(%s))", [table])
            size = cursor.fetchone()[0]
        print(f"  vacuumed and analysed in {time.perf_counter() - started:.1f} s ({size})")

    duck = _duckdb_connection(csv_path)
    started = time.perf_counter()
    duck.execute("CREATE TABLE decisions AS SELECT * FROM csv_file")
    print(f"  duckdb: CSV loaded into a table in {time.perf_counter() - started:.2f} s", flush=True)

    def cell(p50: float, p95: float) -> str:
        return f"{p50 * 1000:10.1f} /{p95 * 1000:9.1f}"

    print(
        f"\n  {'statistics, ' + str(args.runs) + ' runs':30}{args.database + ' API':>22}"
        f"{'duckdb from CSV':>22}{'duckdb table':>22}{'API p50 / duckdb':>20}{'decisions':>11}"
    )
    p50_p95 = "p50 /  p95 ms"
    print(f"  {'':30}{p50_p95:>22}{p50_p95:>22}{p50_p95:>22}{'csv / table':>20}")
    for name, params in CASES.items():
        api_timings, _body = _timed(_api(params), args.runs)
        csv_timings, (duck_rows, _trend) = _timed(_duckdb(duck, "csv_file", params), args.runs)
        table_timings, _result = _timed(_duckdb(duck, "decisions", params), args.runs)
        api50, api95 = _p50_p95(api_timings)
        csv50, csv95 = _p50_p95(csv_timings)
        table50, table95 = _p50_p95(table_timings)
        decisions = next(row[2] for row in duck_rows if row[0] == "totals")
        print(
            f"  {name:30}{cell(api50, api95):>22}{cell(csv50, csv95):>22}"
            f"{cell(table50, table95):>22}{api50 / csv50:11.1f} /{api50 / table50:6.1f}"
            f"{decisions:>11}",
            flush=True,
        )
        if not params:
            unfiltered = duck_rows
    print()
    _compare(unfiltered, funding_statistics(StatisticsFilter(), suppress=False))

    duck.close()


if __name__ == "__main__":
    main()
