"""A task worker killed with SIGKILL in the middle of sending an e-mail (review finding M4).

Real processes: `manage.py task_worker` twice, on a database file of their own, and an SMTP
server in this process that stalls in DATA for the first attempt, as the one in the review
did. The first worker is killed mid-DATA; the server drops the message it never
acknowledged. The message must then arrive exactly once, with the Message-ID it was given
when it was queued, and its task must end SUCCESSFUL.

Only the two tables the worker uses are created (migrating everything would take half a
minute). Heartbeat and stale period are shortened to 0.3 and 3 seconds.
"""

import asyncio
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from email import message_from_bytes, policy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
HEARTBEAT_SECONDS = 0.3
STALE_SECONDS = 3.0

SETUP = """
from django.core.mail import send_mail
from django.db import connection
from django_tasks_db.models import DBTaskResult

from omstallning.core.models import TaskWorker

with connection.schema_editor() as editor:
    editor.create_model(DBTaskResult)
    editor.create_model(TaskWorker)
send_mail(
    "Återställ ditt lösenord",
    "Följ länken för att välja ett nytt lösenord.",
    "noreply@region.example.se",
    ["anna@example.org"],
)
"""


class StallingFirstDelivery:
    """Keeps the first DATA waiting for an answer until the client is gone; takes the rest."""

    def __init__(self) -> None:
        self.attempts: list[bytes] = []
        self.delivered: list[bytes] = []
        self.first_attempt_started = threading.Event()
        self.first_attempt_dropped = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.attempts.append(envelope.content)
        if len(self.attempts) > 1:
            self.delivered.append(envelope.content)
            return "250 2.0.0 Message accepted for delivery"
        self.first_attempt_started.set()
        try:
            await asyncio.sleep(60)  # aiosmtpd cancels this when the connection is lost
        except asyncio.CancelledError:
            self.first_attempt_dropped.set()  # never acknowledged, so never delivered
            raise
        return "451 4.3.0 Timed out"


def _die_with_parent() -> None:
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class WorkerDatabase:
    """The workers' SQLite file, read directly: this process's Django uses the test database."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def rows(self, sql: str) -> list[tuple]:
        with closing(sqlite3.connect(self.path, timeout=20)) as connection:
            return connection.execute(sql).fetchall()

    def task(self) -> tuple[str, list[str], dict]:
        from django_tasks_db.models import DBTaskResult

        table = DBTaskResult._meta.db_table
        [(status, worker_ids, args_kwargs)] = self.rows(
            f"SELECT status, worker_ids, args_kwargs FROM {table}"
        )
        return status, json.loads(worker_ids), json.loads(args_kwargs)

    def workers(self) -> list[str]:
        from omstallning.core.models import TaskWorker

        table = TaskWorker._meta.db_table
        return [worker_id for (worker_id,) in self.rows(f"SELECT worker_id FROM {table}")]


def wait_for(condition, *, timeout: float, what: str, logs: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    log_text = "\n".join(f"--- {log.name}\n{log.read_text()[-3000:]}" for log in logs.glob("*.log"))
    pytest.fail(f"Timed out waiting for {what}.\n{log_text}", pytrace=False)


@pytest.fixture
def sink():
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = StallingFirstDelivery()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def test_an_email_cut_off_by_a_killed_worker_arrives_exactly_once(tmp_path, sink):
    handler, smtp_port = sink
    database = WorkerDatabase(tmp_path / "tasks.sqlite3")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "DJANGO_ALLOW_ASYNC"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="omstallning.core.tests.task_worker_settings",
        DATABASE_URL=f"sqlite:///{database.path}",
        EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp_port),
        TASK_WORKER_HEARTBEAT_SECONDS=str(HEARTBEAT_SECONDS),
        TASK_WORKER_STALE_SECONDS=str(STALE_SECONDS),
        TASK_LOG_LEVEL="INFO",
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )

    def manage(*args: str, log: str) -> subprocess.Popen:
        with (tmp_path / f"{log}.log").open("w") as output:
            return subprocess.Popen(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, killed as a whole
                preexec_fn=_die_with_parent,
            )

    def worker(worker_id: str) -> subprocess.Popen:
        options = ["--no-reload", "--no-startup-delay", "--interval", "0.1"]
        return manage("task_worker", *options, "--worker-id", worker_id, log=worker_id)

    setup = manage("shell", "--no-imports", "-c", SETUP, log="setup")
    assert setup.wait(timeout=60) == 0, (tmp_path / "setup.log").read_text()
    _status, _ids, args_kwargs = database.task()
    message_id = args_kwargs["args"][0]["headers"]["Message-ID"]

    first = worker("first")
    second = None
    try:
        wait_for(
            handler.first_attempt_started.is_set,
            timeout=30,
            what="the first worker to reach DATA",
            logs=tmp_path,
        )
        second = worker("second")
        wait_for(
            lambda: "second" in database.workers(),
            timeout=30,
            what="the second worker",
            logs=tmp_path,
        )
        # Longer than the stale period: the first worker's heartbeat keeps its task its own,
        # although the second worker's reaper looks several times a second.
        time.sleep(STALE_SECONDS + 1)
        assert database.task()[:2] == ("RUNNING", ["first"])
        assert handler.delivered == []

        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
        wait_for(
            lambda: database.task()[0] == "SUCCESSFUL",
            timeout=20,
            what="the second worker to deliver",
            logs=tmp_path,
        )
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=10) == 0
    finally:
        for process in (first, second):
            if process is not None and process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)

    assert handler.first_attempt_dropped.is_set()
    assert len(handler.attempts) == 2
    [delivered] = [message_from_bytes(m, policy=policy.default) for m in handler.delivered]
    dropped = message_from_bytes(handler.attempts[0], policy=policy.default)
    assert delivered["Subject"] == "Återställ ditt lösenord"
    assert delivered["Message-ID"] == dropped["Message-ID"] == message_id
    status, worker_ids, _args_kwargs = database.task()
    assert (status, worker_ids) == ("SUCCESSFUL", ["first", "second"])
    # The killed worker's heartbeat was cleared by the reaper, the second's at its shutdown.
    assert database.workers() == []
