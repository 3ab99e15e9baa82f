"""Shared fixtures for the unit and integration tests under omstallning/.

Every worker's test database is a copy of one database the run migrates, and holds only
what the migrations make. Each test builds the data it needs with the apps' factories
(`<app>/tests/factories.py`), inside a transaction that is rolled back; `site` gives it the
home pages every installation has. Only the smoke tests in omstallning/demo/tests/ load the
demo content.
"""

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "omstallning",
    # The examples share one database transaction; pages render in tens of milliseconds.
    deadline=None,
    max_examples=40,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# More examples, for a deeper search now and then: pytest --hypothesis-profile=thorough
settings.register_profile("thorough", parent=settings.get_profile("omstallning"), max_examples=1000)
settings.load_profile("omstallning")


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    tmp_path_factory,
    django_test_environment,
    django_db_blocker,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
) -> Iterator[None]:
    """This worker's test database: a copy of the run's migrated database, so the run
    migrates once and not once per worker (testsupport/databases.py). With --reuse-db,
    pytest-django's own set-up keeps the database between runs instead."""
    from django.test.utils import setup_databases

    from testsupport.databases import install_test_database, migrated_database

    if django_db_keepdb and not django_db_createdb:
        with django_db_blocker.unblock():
            setup_databases(verbosity=request.config.option.verbose, interactive=False, keepdb=True)
        yield
        return
    with django_db_blocker.unblock():
        migrated = migrated_database(tmp_path_factory, in_this_process=True)
        drop = install_test_database(migrated)
    yield
    with django_db_blocker.unblock():
        drop()


def pytest_sessionfinish(session, exitstatus):
    from testsupport.databases import MIGRATED, drop_postgres_of_run, worker_id

    if worker_id() == "main":
        drop_postgres_of_run(MIGRATED)


@pytest.fixture(scope="session")
def _site_skeleton(django_db_setup, django_db_blocker) -> Iterator[None]:
    """The home pages, made once per worker inside a transaction that stays open until the
    worker is done and is then rolled back; every test runs in a savepoint inside it. Making
    them for each test took a third of the suite's time. The database stays blocked for
    tests that do not ask for it."""
    from django.db import transaction

    from omstallning.core.tests.factories import site_skeleton

    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        site_skeleton()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def site(_site_skeleton, db):
    """The default site with its Swedish home page and the English translation."""
    from omstallning.core.tests.factories import site_skeleton

    return site_skeleton()


@pytest.fixture(autouse=True)
def _site_language():
    """Start every test in the site's default language.

    A request to an English address leaves English active in the thread (LocaleMiddleware
    does not switch back), and `reverse()` in the next test would then build /en/ addresses.
    """
    from django.conf import settings as django_settings
    from django.utils import translation

    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _mail_through_the_task_queue(request):
    """Send mail the way the site does, through the task queue.

    Django's test set-up replaces EMAIL_BACKEND with its locmem backend, which would skip the
    task. Put the project's backend back; the task then delivers with EMAIL_DELIVERY_BACKEND,
    which the test settings set to locmem, so messages still land in mail.outbox.
    Browser tests (e2e/) run their own server and are left alone.
    """
    if request.node.get_closest_marker("e2e"):
        return
    settings = request.getfixturevalue("settings")
    settings.EMAIL_BACKEND = "omstallning.core.mail.TaskQueueEmailBackend"


@pytest.fixture
def finished_tasks():
    """Every task result that finished (successfully or not) during the test, in order."""
    from django_tasks.signals import task_finished

    results = []

    def record(sender, task_result, **kwargs):
        results.append(task_result)

    task_finished.connect(record)
    yield results
    task_finished.disconnect(record)


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SMTPRecorder:
    """An aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def messages(self):
        import email
        from email import policy

        return [email.message_from_bytes(e.content, policy=policy.default) for e in self.envelopes]


def _deliver_over_smtp(settings, port: int) -> None:
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5


@contextmanager
def _running_smtp_server(port: int):
    from aiosmtpd.controller import Controller

    recorder = SMTPRecorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield recorder
    finally:
        controller.stop()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1; the task queue delivers mail to it over SMTP."""
    _deliver_over_smtp(settings, free_port())
    with _running_smtp_server(settings.EMAIL_PORT) as recorder:
        yield recorder


@pytest.fixture
def smtp_server_down(settings):
    """SMTP delivery to a port on 127.0.0.1 where nothing listens: connections are refused."""
    _deliver_over_smtp(settings, free_port())
    return settings.EMAIL_PORT


@pytest.fixture
def start_smtp_server(settings):
    """Start the SMTP server that smtp_server_down left missing: call it to get the recorder."""
    with ExitStack() as stack:
        yield lambda: stack.enter_context(_running_smtp_server(settings.EMAIL_PORT))
