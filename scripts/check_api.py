"""Fuzz the public API against its own OpenAPI schema with schemathesis, on a live server.

A fresh database (SQLite in a temporary folder, or a throwaway PostgreSQL database beside the
one DATABASE_URL names) gets the demo content; gunicorn serves it on a free port; schemathesis
runs every check on every operation (schemathesis.toml has the few exceptions). Exits non-zero
on any 5xx, any answer that breaks the schema or any other failed check.

    .venv/bin/python scripts/check_api.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/omstallning \
        .venv/bin/python scripts/check_api.py
"""

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_admin(url: str, name: str, *, create: bool) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    with psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
        autocommit=True,
    ) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if create:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def open_event_id(env: dict) -> str:
    code = (
        "from omstallning.events.models import EventPage\n"
        "print('EVENT', next(e.pk for e in EventPage.objects.live().public() "
        "if e.registration_state() == 'open'))"
    )
    out = manage(env, "shell", "--no-imports", "-c", code)
    return next(line.split()[1] for line in out.splitlines() if line.startswith("EVENT "))


def registration_config(folder: str, event_id: str) -> Path:
    """The second pass: only valid registrations, all to one open meeting."""
    path = Path(folder) / "registrations.toml"
    path.write_text(
        (ROOT / "schemathesis.toml").read_text()
        + "\n[[operations]]\n"
        + 'include-path-regex = "/registrations$"\n'
        + f"parameters = {{ event_id = {int(event_id)} }}\n"
    )
    return path


def wait_for(url: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("The server stopped before it answered.")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"The server did not answer at {url}.")


def main() -> int:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "omstallning.settings.test",
        # A fuzzer is one client sending thousands of registrations: no rate limit here.
        "EVENT_REGISTRATION_API_RATE": "1000000/m",
    }
    database_url = os.environ.get("DATABASE_URL", "")
    postgres_name = None
    with tempfile.TemporaryDirectory() as folder:
        if database_url.startswith("postgres"):
            postgres_name = f"{urlsplit(database_url).path.lstrip('/') or 'omstallning'}_api"
            postgres_admin(database_url, postgres_name, create=True)
            env["DATABASE_URL"] = urlunsplit(
                urlsplit(database_url)._replace(path=f"/{postgres_name}")
            )
        else:
            env["DATABASE_URL"] = f"sqlite:///{folder}/api.sqlite3"
        try:
            manage(env, "migrate", "--no-input", "--verbosity", "0")
            manage(env, "load_demo_content")
            event_config = registration_config(folder, open_event_id(env))
            port = free_port()
            server_log = (Path(folder) / "server.log").open("w")
            server = subprocess.Popen(
                [
                    BIN / "gunicorn",
                    "omstallning.wsgi",
                    "--workers",
                    "2",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
                stdout=server_log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                base = f"http://127.0.0.1:{port}"
                wait_for(f"{base}/healthz", server)
                schema = f"{base}/api/v1/openapi.json"
                every_operation = subprocess.run(
                    [BIN / "schemathesis", "run", schema, "--checks", "all", "--workers", "2"],
                    cwd=ROOT,
                    env=env,
                )
                valid_registrations = subprocess.run(
                    [
                        BIN / "schemathesis",
                        "--config-file",
                        event_config,
                        "run",
                        schema,
                        "--checks",
                        "all",
                        "--mode",
                        "positive",
                        "--include-path-regex",
                        "/registrations$",
                    ],
                    cwd=ROOT,
                    env=env,
                )
                failed = every_operation.returncode or valid_registrations.returncode
                if failed:
                    server_log.flush()
                    print("--- The server's log ---")
                    print((Path(folder) / "server.log").read_text()[-20000:])
                return failed
            finally:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(timeout=30)
        finally:
            if postgres_name:
                postgres_admin(database_url, postgres_name, create=False)


if __name__ == "__main__":
    sys.exit(main())
