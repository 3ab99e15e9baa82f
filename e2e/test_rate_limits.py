"""Rate limits hold across web processes (finding L3): gunicorn with two workers, each its
own process, shares the count through the cache (the database, without REDIS_URL)."""

import json
import os
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from e2e import server_data

from .conftest import ROOT, _free_port, _wait_until_up

RATE = 20
REQUESTS = 60


def _status(url: str, number: int) -> int:
    body = json.dumps({"name": "Person", "email": f"grans{number}@example.org"}).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/json"}, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_registration_limit_holds_across_two_web_processes(server, tmp_path):
    event_id = server.call(
        server_data.publish_meeting,
        title="Gränsen",
        slug="gransen",
        days_from_now=12,
        address="Torget 2",
    )["id"]
    # Other tests on this server registered from the same address under another rate.
    assert server.call(server_data.forget_rate_limits)
    port = _free_port()
    env = {**server.env, "EVENT_REGISTRATION_API_RATE": f"{RATE}/m"}
    gunicorn = Path(sys.executable).parent / "gunicorn"
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [gunicorn, "omstallning.wsgi", "--workers", "2", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    class Up:  # what _wait_until_up needs of a server
        url = f"http://127.0.0.1:{port}"
        log_dir = tmp_path

        @staticmethod
        def log_tail(lines: int = 40) -> str:
            return (tmp_path / "gunicorn.log").read_text()[-4000:]

    Up.process = process
    try:
        _wait_until_up(Up)
        url = f"{Up.url}/api/v1/events/{event_id}/registrations"
        with ThreadPoolExecutor(max_workers=8) as pool:
            codes = list(pool.map(lambda n: _status(url, n), range(REQUESTS)))
        pids = (tmp_path / "gunicorn.log").read_text().count("Booting worker")
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
        log.close()

    assert pids == 2
    assert codes.count(201) == RATE
    assert codes.count(429) == REQUESTS - RATE
