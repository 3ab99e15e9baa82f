"""The test run's databases: migrated once per run, then copied.

Migrating every app takes about half a minute, as long as many test files together. So the
first xdist worker that needs a database migrates one for the whole run, under a lock the
other workers wait on; each worker's test database and the browser tests' demo database
start as copies of it (SQLite's backup API or a file copy; PostgreSQL's CREATE DATABASE …
TEMPLATE). The migrated database lives in the run's temporary folder on SQLite and beside
DATABASE_URL's database on PostgreSQL, and goes with the run.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "omstallning.settings.test"


# --- Where the run keeps what its workers share -----------------------------------------


def worker_id() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def run_folder(tmp_path_factory) -> Path:
    """The run's temporary folder, shared by its workers (each worker's own is inside it)."""
    if worker_id() == "main":
        return tmp_path_factory.getbasetemp()
    return tmp_path_factory.getbasetemp().parent


@contextmanager
def run_lock(folder: Path, name: str) -> Iterator[None]:
    """Held by one worker of the run at a time."""
    with (folder / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


# --- PostgreSQL -------------------------------------------------------------------------


def is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://", "pgsql://"))


def postgres_url(url: str, name: str) -> str:
    """DATABASE_URL with another database's name."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def postgres_name(url: str, suffix: str) -> str:
    """A database's name beside the one DATABASE_URL names."""
    return f"{urlsplit(url).path.lstrip('/') or 'omstallning'}_{suffix}"


def postgres_recreate(url: str, name: str, *, create: bool, template: str | None = None) -> None:
    """Drop the database `name` on DATABASE_URL's server, then make it anew (empty, or a copy
    of `template`) if `create`."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    with psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if create and template:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        elif create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


# --- The migrated database --------------------------------------------------------------

MIGRATED_SUFFIX = "test_run_migrated"


@dataclass(frozen=True)
class SourceDatabase:
    """A database to copy from: a SQLite file or a PostgreSQL template."""

    url: str
    sqlite_path: Path | None = None
    postgres_name: str | None = None

    def copy_to(self, target: SourceDatabase) -> str:
        """A copy in `target`'s place, on the same kind of database: its DATABASE_URL."""
        if target.postgres_name is not None:
            return self.copy_to_postgres(target.postgres_name)
        assert target.sqlite_path is not None
        return self.copy_to_sqlite_file(target.sqlite_path)

    def copy_to_sqlite_file(self, path: Path) -> str:
        """A copy in the SQLite file `path`: its DATABASE_URL."""
        assert self.sqlite_path is not None
        with (
            closing(sqlite3.connect(self.sqlite_path)) as source,
            closing(sqlite3.connect(path)) as target,
        ):
            source.backup(target)
        return f"sqlite:///{path}"

    def copy_to_postgres(self, name: str) -> str:
        """A copy in the PostgreSQL database `name` (made afresh): its DATABASE_URL."""
        assert self.postgres_name is not None
        postgres_recreate(self.url, name, create=True, template=self.postgres_name)
        return postgres_url(self.url, name)


def base_database_url() -> str:
    return os.environ.get("DATABASE_URL", "")


def manage_environment(database_url: str, **extra: str) -> dict[str, str]:
    """The environment for a manage.py subprocess of the tests, on `database_url`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "DJANGO_ALLOW_ASYNC"))
    }
    env.update(DJANGO_SETTINGS_MODULE=SETTINGS, PYTHONUNBUFFERED="1", **extra)
    env["DATABASE_URL"] = database_url
    return env


def migrated_database(tmp_path_factory, *, in_this_process: bool = False) -> SourceDatabase:
    """The run's migrated database, migrated by the first worker that asks: in this process
    if `in_this_process` (the unit tests' set-up, so coverage sees the migrations' code run),
    else in a subprocess (the browser tests', whose Playwright loop forbids the ORM here)."""
    folder = run_folder(tmp_path_factory)
    base_url = base_database_url()
    if is_postgres(base_url):
        name = postgres_name(base_url, MIGRATED_SUFFIX)
        database = SourceDatabase(url=postgres_url(base_url, name), postgres_name=name)
    else:
        path = folder / "migrated.sqlite3"
        database = SourceDatabase(url=f"sqlite:///{path}", sqlite_path=path)
    with run_lock(folder, "migrated-database"):
        if not (folder / "migrated-database.built").exists():
            if in_this_process:
                _migrate_here(database, base_url)
            else:
                _migrate(database, base_url, folder)
            (folder / "migrated-database.built").touch()
    return database


def _migrate(database: SourceDatabase, base_url: str, folder: Path) -> None:
    if database.postgres_name is not None:
        postgres_recreate(base_url, database.postgres_name, create=True)
    outcome = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env=manage_environment(database.url),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    (folder / "migrate.log").write_text(outcome.stdout + outcome.stderr)
    if outcome.returncode != 0:
        raise RuntimeError(
            f"manage.py migrate failed ({outcome.returncode}):\n"
            f"{(outcome.stdout + outcome.stderr)[-4000:]}"
        )


def _migrate_here(database: SourceDatabase, base_url: str) -> None:
    from django.core.management import call_command
    from django.db import connection

    if database.postgres_name is not None:
        postgres_recreate(base_url, database.postgres_name, create=True)
    old_name = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = database.postgres_name or str(database.sqlite_path)
    try:
        call_command("migrate", interactive=False, verbosity=0)
    finally:
        # No session may stay on a PostgreSQL template that is copied.
        connection.close()
        connection.settings_dict["NAME"] = old_name


def drop_migrated_database() -> None:
    """At the end of the run: the PostgreSQL template (the SQLite file goes with the folder)."""
    base_url = base_database_url()
    if is_postgres(base_url):
        postgres_recreate(base_url, postgres_name(base_url, MIGRATED_SUFFIX), create=False)


# --- A worker's test database -----------------------------------------------------------


def install_test_database(migrated: SourceDatabase) -> Callable[[], None]:
    """Make Django's default connection use a fresh copy of the migrated database, under the
    name Django's own test set-up would give it; return what drops it again."""
    from django.conf import settings
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    # The name Django's create_test_db gives (the stubs leave the method out).
    test_name = connection.creation._get_test_db_name()  # type: ignore[attr-defined]
    connection.close()
    if migrated.postgres_name is not None:
        migrated.copy_to_postgres(test_name)
    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    if migrated.sqlite_path is not None:
        # In memory, as Django's test database on SQLite: the copy lives as long as the
        # connection, which Django keeps open for an in-memory database.
        connection.ensure_connection()
        with closing(sqlite3.connect(migrated.sqlite_path)) as source:
            source.backup(connection.connection)

    def drop() -> None:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=False)

    return drop
