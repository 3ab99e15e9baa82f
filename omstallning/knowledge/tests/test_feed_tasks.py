"""Feed imports run on a queue of their own (M3 in the security review of 2026-12-01): the
worker for the default queue, which sends the mail, never picks one up."""

import io
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django_tasks.base import TaskResultStatus

from omstallning.knowledge.tasks import FEED_QUEUE, import_feed

from .feeds import unreachable


def run_worker(queue: str) -> None:
    # The worker closes stale connections between tasks; that would end the test's transaction.
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command(
            "task_worker",
            *("--batch", "--no-startup-delay", "--no-reload", "--queue-name", queue),
            stdout=io.StringIO(),
        )


@pytest.fixture
def database_queue(settings):
    """The production backend, with the queues the settings configure."""
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "django_tasks_db.DatabaseBackend"}
    }


def test_a_feed_import_waits_for_its_own_worker_and_mail_never_waits_for_it(
    loopback_subscription, database_queue
):
    from django_tasks_db.models import DBTaskResult

    queued = import_feed.enqueue(loopback_subscription.pk)
    send_mail("Återställ lösenordet", "Text", "noreply@example.org", ["anna@example.org"])

    run_worker("default")

    feed_import = DBTaskResult.objects.get(pk=queued.id)
    assert feed_import.queue_name == FEED_QUEUE == "knowledge_feeds"
    assert feed_import.status == TaskResultStatus.READY
    assert len(mail.outbox) == 1

    run_worker(FEED_QUEUE)

    feed_import.refresh_from_db()
    loopback_subscription.refresh_from_db()
    assert feed_import.status == TaskResultStatus.SUCCESSFUL
    assert loopback_subscription.last_error == unreachable(loopback_subscription.feed_url)
