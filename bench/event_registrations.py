"""Many people registering for one meeting at the same moment, against the production server.

    .venv/bin/python bench/event_registrations.py                      # 500 people, 100 places
    .venv/bin/python bench/event_registrations.py --people 2000 --capacity 300 --concurrency 100

It creates a scratch PostgreSQL database (`omstallning_bench_events` on 127.0.0.1:5432), loads
the demo content, adds a meeting with CAPACITY places, starts gunicorn with production settings,
fires PEOPLE registrations at POST /api/v1/events/{id}/registrations from CONCURRENCY threads,
and prints throughput, latency (p50/p95) and how many got a place (must equal CAPACITY) and a
waiting-list place. Not part of the test suite.
"""

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATABASE = "omstallning_bench_events"
SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres"

CREATE_EVENT = """
from datetime import timedelta
from django.utils import timezone
from omstallning.events.models import EventIndexPage, EventPage
parent = EventIndexPage.objects.get(locale__language_code="sv")
starts = timezone.now() + timedelta(days=30)
event = parent.add_child(instance=EventPage(
    title="Belastningsträff", slug="belastningstraff", starts_at=starts,
    ends_at=starts + timedelta(hours=2), format="on_site", address="Torget 1",
    capacity={capacity}))
event.save_revision().publish()
print("EVENT", event.pk)
"""

COUNT = """
import json
from django.db.models import Count
from omstallning.events.models import Registration
rows = Registration.objects.filter(event_id={event_id}).values_list("status")
print("COUNTS", json.dumps(dict(rows.annotate(n=Count("pk")))))
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _recreate_database(drop_only: bool = False) -> None:
    import psycopg

    with psycopg.connect(SERVER_URL, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        if not drop_only:
            connection.execute(f"CREATE DATABASE {DATABASE}")


def _environment() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "omstallning.settings.base",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz-bench",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DEBUG": "false",
        "EVENT_REGISTRATION_API_RATE": "100000000/m",
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": "60",
    }


def _manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return result.stdout


def _register(url: str, number: int) -> tuple[int, float]:
    body = json.dumps({"name": f"Person {number}", "email": f"person{number}@example.org"})
    request = urllib.request.Request(
        url, data=body.encode(), headers={"Content-Type": "application/json"}, method="POST"
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500)
    parser.add_argument("--capacity", type=int, default=100)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    args = parser.parse_args()

    env = _environment()
    _recreate_database()
    print("Setting up the database and the demo content ...")
    _manage(env, "migrate", "--no-input", "--verbosity", "0")
    _manage(env, "load_demo_content", "--without-users")
    output = _manage(
        env, "shell", "--no-imports", "-c", CREATE_EVENT.format(capacity=args.capacity)
    )
    event_id = int(output.split("EVENT")[1].split()[0])

    port = _free_port()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"), "omstallning.wsgi",
            "--workers", str(args.workers), "--threads", "4",
            "--bind", f"127.0.0.1:{port}", "--log-level", "warning",
        ],
        cwd=ROOT,
        env=env,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        url = f"http://127.0.0.1:{port}/api/v1/events/{event_id}/registrations"
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            results = list(pool.map(lambda n: _register(url, n), range(args.people)))
        elapsed = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    counts_line = _manage(env, "shell", "--no-imports", "-c", COUNT.format(event_id=event_id))
    counts = json.loads(counts_line.split("COUNTS", 1)[1].strip())
    latencies = sorted(latency for _status, latency in results)
    statuses: dict[int, int] = {}
    for status, _latency in results:
        statuses[status] = statuses.get(status, 0) + 1
    p95 = latencies[min(len(latencies) - 1, round(0.95 * (len(latencies) - 1)))]
    print(
        f"{args.people} registrations, {args.concurrency} at a time, gunicorn with "
        f"{args.workers} workers x 4 threads, PostgreSQL"
    )
    print(f"  throughput     {args.people / elapsed:8.1f} registrations/s ({elapsed:.1f} s)")
    p50 = statistics.median(latencies)
    print(f"  latency        p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms")
    print(f"  HTTP statuses  {statuses}")
    print(f"  confirmed      {counts.get('confirmed', 0)} (capacity {args.capacity})")
    print(f"  wait-listed    {counts.get('waitlisted', 0)}")
    ok = counts.get("confirmed", 0) == args.capacity
    print("  capacity kept" if ok else "  CAPACITY EXCEEDED OR NOT FILLED")
    _recreate_database(drop_only=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
