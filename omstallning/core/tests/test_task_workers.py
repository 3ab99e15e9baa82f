"""Heartbeats and the reaper, in-process, with real task result rows (review finding M4).

A task left RUNNING by a worker that is gone is queued again; one whose worker lives is left
alone however long it runs; one cut off three times fails. The crash itself, with real
processes and a real SMTP server, is in test_task_worker_crash.py.
"""

from datetime import timedelta
from io import StringIO
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus

from omstallning.core import task_workers
from omstallning.core.models import TaskWorker
from omstallning.core.task_workers import (
    HeartbeatThread,
    orphaned_task_results,
    stale_tasks_requeue,
    worker_beat,
    worker_register,
)

STALE = timedelta(seconds=90)  # TASK_WORKER_STALE_SECONDS in the test settings


@pytest.fixture(autouse=True)
def database_task_queue(settings):
    settings.TASKS = {
        "default": {**settings.TASKS["default"], "BACKEND": "django_tasks_db.DatabaseBackend"}
    }
    settings.TASK_WORKER_STALE_SECONDS = STALE.total_seconds()


def running_email(*, worker_ids: list[str], started_at):
    """A queued e-mail as a worker leaves it when it claims the task: RUNNING."""
    from django_tasks_db.models import DBTaskResult

    send_mail("Ämne", "Text", "noreply@example.org", ["anna@example.org"])
    result = DBTaskResult.objects.order_by("-enqueued_at").first()
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.RUNNING, started_at=started_at, worker_ids=worker_ids
    )
    result.refresh_from_db()
    return result


def test_a_task_whose_worker_is_no_longer_seen_is_queued_again(db):
    now = timezone.now()
    worker_register(worker_id="dead", queues=["*"], now=now - timedelta(minutes=5))
    result = running_email(worker_ids=["dead"], started_at=now - timedelta(minutes=4))

    outcome = stale_tasks_requeue(now=now)

    result.refresh_from_db()
    assert outcome.requeued == [str(result.pk)] and outcome.failed == []
    assert result.status == TaskResultStatus.READY
    assert result.started_at is None
    assert result.worker_ids == ["dead"]  # each claim counts towards the limit
    assert not TaskWorker.objects.filter(worker_id="dead").exists()


def test_a_long_task_of_a_live_worker_is_left_alone(db):
    now = timezone.now()
    worker_register(worker_id="busy", queues=["*"], now=now - timedelta(hours=2))
    worker_beat(
        worker_id="busy",
        queues=["*"],
        started_at=now - timedelta(hours=2),
        now=now - timedelta(seconds=10),
    )
    result = running_email(worker_ids=["busy"], started_at=now - timedelta(hours=1))

    outcome = stale_tasks_requeue(now=now)

    result.refresh_from_db()
    assert outcome.requeued == outcome.failed == []
    assert result.status == TaskResultStatus.RUNNING
    assert TaskWorker.objects.filter(worker_id="busy").exists()


def test_a_task_of_a_worker_without_heartbeat_gets_the_stale_period_first(db):
    """E.g. a plain db_worker, or a worker that shut down cleanly and lost its row since."""
    now = timezone.now()
    fresh = running_email(worker_ids=["unknown"], started_at=now - timedelta(seconds=10))
    old = running_email(worker_ids=["unknown"], started_at=now - STALE - timedelta(seconds=1))

    assert orphaned_task_results(now=now) == [old]
    assert stale_tasks_requeue(now=now).requeued == [str(old.pk)]
    fresh.refresh_from_db()
    assert fresh.status == TaskResultStatus.RUNNING


def test_a_worker_restarted_under_the_same_id_takes_up_what_it_left(db):
    """`--worker-id mail-1` after a crash: the new process has a fresh heartbeat, but the
    task it claimed before the crash is not running any more."""
    now = timezone.now()
    result = running_email(worker_ids=["mail-1"], started_at=now - timedelta(minutes=5))
    worker_register(worker_id="mail-1", queues=["*"], now=now)

    assert stale_tasks_requeue(now=now).requeued == [str(result.pk)]


def test_a_task_cut_off_three_times_fails_instead_of_looping(db):
    from omstallning.core.undelivered_email import undelivered_emails

    now = timezone.now()
    started = now - timedelta(minutes=5)
    third = running_email(worker_ids=["a", "b", "c"], started_at=started)
    second = running_email(worker_ids=["a", "b"], started_at=started)

    outcome = stale_tasks_requeue(now=now)

    third.refresh_from_db()
    second.refresh_from_db()
    assert outcome.failed == [str(third.pk)] and outcome.requeued == [str(second.pk)]
    assert third.status == TaskResultStatus.FAILED
    assert third.finished_at == now
    assert third.exception_class_path == "omstallning.core.task_workers.WorkerLost"
    assert second.status == TaskResultStatus.READY
    # A message that never got through is kept, to be resent.
    [undelivered] = undelivered_emails()
    assert undelivered.id == str(third.pk)
    assert "stopped 3 times" in undelivered.server_answer


def test_a_claim_made_since_the_reaper_looked_is_not_taken_away(db):
    """Two reapers at once: the first re-queues, a worker claims it, the second must not."""
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    looked_at = running_email(worker_ids=["dead"], started_at=now - timedelta(minutes=5))
    DBTaskResult.objects.filter(pk=looked_at.pk).update(
        started_at=now, worker_ids=["dead", "alive"]
    )

    with mock.patch.object(task_workers, "orphaned_task_results", return_value=[looked_at]):
        outcome = stale_tasks_requeue(now=now)

    assert outcome.requeued == outcome.failed == []
    assert DBTaskResult.objects.get(pk=looked_at.pk).status == TaskResultStatus.RUNNING


def test_dry_run_changes_nothing(db):
    now = timezone.now()
    result = running_email(worker_ids=["dead"], started_at=now - timedelta(minutes=5))

    outcome = stale_tasks_requeue(now=now, dry_run=True)

    result.refresh_from_db()
    assert outcome.requeued == [str(result.pk)]
    assert result.status == TaskResultStatus.RUNNING


def test_a_beat_keeps_the_worker_alive_and_records_it_again_if_it_was_taken_for_dead(db):
    start = timezone.now() - timedelta(minutes=10)
    queues = ["default", "knowledge_feeds"]
    worker_register(worker_id="w", queues=queues, now=start)
    task = running_email(worker_ids=["w"], started_at=start + timedelta(minutes=1))

    worker_beat(worker_id="w", queues=queues, started_at=start, now=start + timedelta(minutes=9))
    row = TaskWorker.objects.get(worker_id="w")
    TaskWorker.objects.all().delete()  # as another worker's reaper does with a silent one
    worker_beat(worker_id="w", queues=queues, started_at=start)

    assert row.last_seen_at == start + timedelta(minutes=9)
    assert (row.started_at, row.queues) == (start, "default,knowledge_feeds")
    again = TaskWorker.objects.get(worker_id="w")
    assert again.started_at == start and again.last_seen_at > row.last_seen_at
    assert orphaned_task_results() == []  # its own task is still its own
    task.refresh_from_db()
    assert task.status == TaskResultStatus.RUNNING


def test_the_heartbeat_thread_beats_and_reaps(db, settings):
    settings.TASK_WORKER_HEARTBEAT_SECONDS = 0.01
    now = timezone.now()
    worker_register(worker_id="w", queues=["*"], now=now - timedelta(minutes=1))
    orphan = running_email(worker_ids=["gone"], started_at=now - timedelta(minutes=5))

    # Called here rather than from the thread, which would use a connection of its own,
    # outside the test's transaction. The worker-process test runs the real thread.
    with mock.patch.object(task_workers, "close_old_connections"):
        HeartbeatThread(worker_id="w", queues=["*"], started_at=now).beat()

    orphan.refresh_from_db()
    assert orphan.status == TaskResultStatus.READY
    assert TaskWorker.objects.get(worker_id="w").last_seen_at > now


def test_the_worker_takes_up_orphans_at_start_and_removes_its_heartbeat_at_the_end(db):
    from omstallning.core.tests.test_task_worker import run_task_worker

    orphan = running_email(worker_ids=["killed"], started_at=timezone.now() - timedelta(hours=1))

    run_task_worker("--worker-id", "next-worker")

    orphan.refresh_from_db()
    assert orphan.status == TaskResultStatus.SUCCESSFUL
    assert orphan.worker_ids == ["killed", "next-worker"]
    assert len(mail.outbox) == 1
    assert not TaskWorker.objects.exists()


def test_the_requeue_stale_tasks_command(db):
    orphan = running_email(worker_ids=["dead"], started_at=timezone.now() - timedelta(hours=1))
    lost = running_email(worker_ids=["a", "b", "c"], started_at=timezone.now() - timedelta(hours=1))

    dry, out = StringIO(), StringIO()
    call_command("requeue_stale_tasks", "--dry-run", stdout=dry)
    call_command("requeue_stale_tasks", stdout=out)

    assert f"Would queue again: 1 task(s).\n  {orphan.pk}\n" in dry.getvalue()
    assert f"Queued again: 1 task(s).\n  {orphan.pk}\n" in out.getvalue()
    assert f"Marked as failed (cut off 3 times): 1 task(s).\n  {lost.pk}\n" in out.getvalue()
    orphan.refresh_from_db()
    assert orphan.status == TaskResultStatus.READY
