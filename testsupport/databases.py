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

MIGRATED = "test_run_migrated"


@dataclass(frozen=True)
class RunDatabase:
    """A database of the test run: a SQLite file in a folder of the run, or a PostgreSQL
    database beside DATABASE_URL's."""

    url: str
    sqlite_path: Path | None = None
    postgres_name: str | None = None

    @classmethod
    def named(cls, name: str, folder: Path) -> RunDatabase:
        """The run's database `name`, on the kind of database DATABASE_URL names."""
        base_url = base_database_url()
        if is_postgres(base_url):
            full_name = postgres_name(base_url, name)
            return cls(url=postgres_url(base_url, full_name), postgres_name=full_name)
        path = folder / f"{name}.sqlite3"
        return cls(url=f"sqlite:///{path}", sqlite_path=path)

    def copy_to(self, target: RunDatabase) -> str:
        """Make `target` a copy of this database (afresh): its DATABASE_URL."""
        if self.postgres_name is not None:
            assert target.postgres_name is not None
            postgres_recreate(
                self.url, target.postgres_name, create=True, template=self.postgres_name
            )
        else:
            assert self.sqlite_path is not None and target.sqlite_path is not None
            with (
                closing(sqlite3.connect(self.sqlite_path)) as source,
                closing(sqlite3.connect(target.sqlite_path)) as copy,
            ):
                source.backup(copy)
        return target.url

    def drop(self) -> None:
        """On PostgreSQL; a SQLite file goes with the run's folder."""
        if self.postgres_name is not None:
            postgres_recreate(self.url, self.postgres_name, create=False)


def drop_postgres_of_run(name: str) -> None:
    """At the end of the run, from the process that started it: the run's PostgreSQL
    database `name`, if the run is on PostgreSQL."""
    base_url = base_database_url()
    if is_postgres(base_url):
        postgres_recreate(base_url, postgres_name(base_url, name), create=False)


def base_database_url() -> str:
    return os.environ.get("DATABASE_URL", "")


def manage_environment(**extra: str) -> dict[str, str]:
    """The environment for a manage.py subprocess of the tests (with `extra` set in it)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTEST_", "DJANGO_ALLOW_ASYNC"))
    }
    env.update(DJANGO_SETTINGS_MODULE=SETTINGS, PYTHONUNBUFFERED="1", **extra)
    return env


def migrated_database(tmp_path_factory, *, in_this_process: bool = False) -> RunDatabase:
    """The run's migrated database, migrated by the first worker that asks: in this process
    if `in_this_process` (the unit tests' set-up, so coverage sees the migrations' code run),
    else in a subprocess (the browser tests', whose Playwright loop forbids the ORM here)."""
    folder = run_folder(tmp_path_factory)
    database = RunDatabase.named(MIGRATED, folder)
    with run_lock(folder, "migrated-database"):
        if not (folder / "migrated-database.built").exists():
            if in_this_process:
                _migrate_here(database)
            else:
                _migrate(database, folder)
            (folder / "migrated-database.built").touch()
    return database


def _migrate(database: RunDatabase, folder: Path) -> None:
    _create_if_postgres(database)
    outcome = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input"],
        cwd=ROOT,
        env=manage_environment(DATABASE_URL=database.url),
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


def _migrate_here(database: RunDatabase) -> None:
    from django.core.management import call_command
    from django.db import connection

    _create_if_postgres(database)
    old_name = connection.settings_dict["NAME"]
    connection.close()
    connection.settings_dict["NAME"] = database.postgres_name or str(database.sqlite_path)
    try:
        call_command("migrate", interactive=False, verbosity=0)
    finally:
        # No session may stay on a PostgreSQL template that is copied.
        connection.close()
        connection.settings_dict["NAME"] = old_name


def _create_if_postgres(database: RunDatabase) -> None:
    """An empty PostgreSQL database to migrate (SQLite makes its file when it connects)."""
    if database.postgres_name is not None:
        postgres_recreate(database.url, database.postgres_name, create=True)


# --- A worker's test database -----------------------------------------------------------


def install_test_database(migrated: RunDatabase) -> Callable[[], None]:
    """Make Django's default connection use a fresh copy of the migrated database, under the
    name Django's own test set-up would give it; return what drops it again."""
    from django.conf import settings
    from django.db import connection

    old_name = connection.settings_dict["NAME"]
    # The name Django's create_test_db gives (the stubs leave the method out).
    test_name = connection.creation._get_test_db_name()  # type: ignore[attr-defined]
    connection.close()
    if migrated.postgres_name is not None:
        migrated.copy_to(
            RunDatabase(url=postgres_url(migrated.url, test_name), postgres_name=test_name)
        )
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
