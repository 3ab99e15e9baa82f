"""How fast a million earlier funding decisions import, and how fast the statistics API answers
over them, on PostgreSQL (or SQLite), next to DuckDB computing the same figures from the CSV.

    .venv/bin/python bench/funding_statistics.py                 # 1 000 000 decisions, PostgreSQL
    .venv/bin/python bench/funding_statistics.py --count 20000 --database sqlite
    .venv/bin/python bench/funding_statistics.py --csv /tmp/decisions.csv --runs 5 --keep

It writes COUNT decisions in the import format (the 14 columns of
omstallning.funding.decision_import.COLUMNS, with a header row) to a CSV file in a temporary
folder, with a fixed seed: decisions 2015–2026 (never after yesterday) from the generator the
demo's history comes from, omstallning.funding.synthetic_decisions (the five programmes of the
demo, Västmanland's municipalities by population, SNI codes over nine sections, valid
organisation numbers, returning applicants, amounts spread on a log scale, the optional columns
sometimes empty), written as other systems write them (a rejection's grant "0" or empty, some
amounts with öre, some SNI codes less detailed). --csv reuses a file instead (it is written
there if it does not exist).

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


def year_counts(count: int, last_day: datetime.date) -> dict[int, int]:
    """COUNT decisions spread over the years up to last_day's by YEARS (the rest in the last)."""
    years = {year: weight for year, weight in YEARS.items() if year <= last_day.year}
    total = sum(years.values())
    per_year = {year: int(count * weight / total) for year, weight in years.items()}
    per_year[max(per_year)] += count - sum(per_year.values())
    return per_year


def write_csv(path: Path, count: int) -> None:
    """COUNT decisions in the import format, the same every time (for the same day)."""
    from omstallning.funding.decision_import import COLUMNS
    from omstallning.funding.synthetic_decisions import synthetic_decisions

    last_day = datetime.date.today() - datetime.timedelta(days=1)
    rows = synthetic_decisions(year_counts(count, last_day), last_day, seed=SEED)
    spelling = random.Random(SEED)  # how the file writes the values, apart from the history
    with open(path, "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(_csv_row(row, spelling) for row in rows)


def _csv_row(row, spelling: random.Random) -> list:
    """The decision as the import's columns, written as other systems write them: a rejection
    grants "0" or nothing, some amounts have öre, some SNI codes are less detailed (a group or
    class instead of a subclass)."""
    organisation = row.organisation
    applied, granted = str(row.amount_applied), str(row.amount_granted) if row.granted else ""
    if not row.granted and spelling.random() < 0.5:
        granted = "0"
    if spelling.random() < 0.05:  # some systems write the öre
        applied += ".00"
        granted += ".00" if row.granted else ""
    sni = organisation.sni_code
    if spelling.random() < 0.04:
        sni = sni[: spelling.choice([3, 4])]
    share = organisation.women_owner_share
    return [
        f"RV-{row.decided_on.year}-{row.number:07d}",
        row.programme,
        row.decided_on.isoformat(),
        "granted" if row.granted else "rejected",
        organisation.number,
        organisation.municipality_code,
        sni,
        organisation.size,
        "" if share is None else str(share),
        organisation.ceo_gender,
        organisation.foreign_background,
        applied,
        granted,
        row.environmental_impact,
    ]


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
    csv_path, rows = _decisions_file(args, scratch)
    print(f"{args.database}:", flush=True)
    _load_database(args, env, csv_path, rows)
    _compare_timings(args, csv_path)


def _decisions_file(args: argparse.Namespace, scratch: Path) -> tuple[Path, int]:
    """The CSV to import, written unless --csv names one that exists; and its row count."""
    csv_path = args.csv or scratch / "decisions.csv"
    if csv_path.exists():
        with open(csv_path, encoding="utf-8") as file:
            rows = sum(1 for _ in file) - 1
        print(f"CSV {csv_path}: {rows} decisions (reused)", flush=True)
        return csv_path, rows
    started = time.perf_counter()
    write_csv(csv_path, args.count)
    seconds = time.perf_counter() - started
    size = csv_path.stat().st_size / 1e6
    print(f"CSV {csv_path}: {args.count} decisions written in {seconds:.1f} s ({size:.0f} MB)")
    return csv_path, args.count


def _load_database(args: argparse.Namespace, env: dict, csv_path: Path, rows: int) -> None:
    """The scratch database migrated, the programmes added, the file imported twice."""
    if args.database == "postgres":
        _recreate_postgres_database()
    seconds, _output = _manage(env, "migrate", "--no-input", "--verbosity", "0")
    print(f"  migrated in {seconds:.1f} s", flush=True)

    from django.db import connection, connections

    from omstallning.funding.models import Decision

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


def _compare_timings(args: argparse.Namespace, csv_path: Path) -> None:
    """Each filter through the API and through DuckDB, timed; then the figures compared."""
    from omstallning.funding.statistics import StatisticsFilter, funding_statistics

    duck = _duckdb_connection(csv_path)
    started = time.perf_counter()
    duck.execute("CREATE TABLE decisions AS SELECT * FROM csv_file")
    print(f"  duckdb: CSV loaded into a table in {time.perf_counter() - started:.2f} s", flush=True)

    print(
        f"\n  {'statistics, ' + str(args.runs) + ' runs':30}{args.database + ' API':>22}"
        f"{'duckdb from CSV':>22}{'duckdb table':>22}{'API p50 / duckdb':>20}{'decisions':>11}"
    )
    p50_p95 = "p50 /  p95 ms"
    print(f"  {'':30}{p50_p95:>22}{p50_p95:>22}{p50_p95:>22}{'csv / table':>20}")
    for name, params in CASES.items():
        duck_rows = _timing_line(args.runs, duck, name, params)
        if not params:
            unfiltered = duck_rows
    print()
    _compare(unfiltered, funding_statistics(StatisticsFilter(), suppress=False))

    duck.close()


def _timing_line(runs: int, duck, name: str, params: dict) -> list:
    """One filter's line of the table; returns DuckDB's breakdown rows for it."""
    api_timings, _body = _timed(_api(params), runs)
    csv_timings, (duck_rows, _trend) = _timed(_duckdb(duck, "csv_file", params), runs)
    table_timings, _result = _timed(_duckdb(duck, "decisions", params), runs)
    api50, api95 = _p50_p95(api_timings)
    csv50, csv95 = _p50_p95(csv_timings)
    table50, table95 = _p50_p95(table_timings)
    decisions = next(row[2] for row in duck_rows if row[0] == "totals")
    print(
        f"  {name:30}{_cell(api50, api95):>22}{_cell(csv50, csv95):>22}"
        f"{_cell(table50, table95):>22}{api50 / csv50:11.1f} /{api50 / table50:6.1f}"
        f"{decisions:>11}",
        flush=True,
    )
    return duck_rows


def _cell(p50: float, p95: float) -> str:
    return f"{p50 * 1000:10.1f} /{p95 * 1000:9.1f}"


if __name__ == "__main__":
    main()
