"""`manage.py task_worker`: django-tasks-db's worker, logging only what settings ask for."""

import logging
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django_tasks.base import TaskResultStatus


@pytest.fixture(autouse=True)
def task_loggers_at_warning():
    """As settings configure them by default; the worker may change them, so put them back."""
    loggers = [logging.getLogger(name) for name in ("django_tasks", "django_tasks_db")]
    levels = [task_logger.level for task_logger in loggers]
    for task_logger in loggers:
        task_logger.setLevel(logging.WARNING)
    yield
    for task_logger, level in zip(loggers, levels, strict=True):
        task_logger.setLevel(level)


def run_task_worker(*options: str) -> None:
    # The worker closes stale connections between tasks; that would end the test's transaction.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("task_worker", "--batch", "--no-startup-delay", "--no-reload", *options)


def test_the_worker_runs_queued_tasks_without_a_line_per_task(db, settings, caplog):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_mail("Ämne", "Text", "noreply@example.org", ["anna@example.org"])

    with caplog.at_level(logging.DEBUG):
        run_task_worker()

    assert DBTaskResult.objects.get().status == TaskResultStatus.SUCCESSFUL
    assert len(mail.outbox) == 1
    assert not [r for r in caplog.records if r.name == "django_tasks" and "state=" in r.message]


def test_more_verbosity_shows_each_task(db, settings, caplog):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_mail("Ämne", "Text", "noreply@example.org", ["anna@example.org"])

    with caplog.at_level(logging.DEBUG):
        run_task_worker("--verbosity", "2")

    assert any("state=SUCCESSFUL" in record.message for record in caplog.records)
