"""What the benchmarks share: each runs once per database in a child process of its own (Django
is set up once per process), on a scratch database made for the run, and reports the median
and 95th percentile of its timings."""

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"


def each_database(script: str, database: str, postgres_name: str, args: list[str]) -> None:
    """Run `script --url URL *args` for SQLite (a temporary file), PostgreSQL, or both."""
    with tempfile.TemporaryDirectory() as folder:
        urls = []
        if database in ("sqlite", "both"):
            urls.append(f"sqlite:///{folder}/bench.sqlite3")
        if database in ("postgres", "both"):
            urls.append(f"{POSTGRES_SERVER}/{postgres_name}")
        for url in urls:
            print(f"{url.split(':')[0]}:", flush=True)
            subprocess.run([sys.executable, script, "--url", url, *args], check=True)


def set_up(database_url: str, postgres_name: str):
    """Django on the scratch database, migrated (a PostgreSQL one dropped and made anew);
    returns the connection."""
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "omstallning.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        import psycopg

        with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {postgres_name}")
            admin.execute(f"CREATE DATABASE {postgres_name}")
    call_command("migrate", verbosity=0)
    return connection


def p50_p95(seconds: list[float]) -> tuple[float, float]:
    """Median and 95th percentile, in milliseconds."""
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000
