"""Heartbeats of the task workers, and the reaper that takes up what a dead worker left.

A worker killed in the middle of a task (SIGKILL, out of memory, a lost machine) leaves the
task RUNNING, and django-tasks-db never looks at it again. So every `manage.py task_worker`
records a heartbeat (omstallning.core.models.TaskWorker) while it lives, and the reaper puts a
RUNNING task back in the queue when the worker that claimed it last (the last id in
DBTaskResult.worker_ids) has not been seen for TASK_WORKER_STALE_SECONDS. Any worker then takes
it. The reaper runs in every live worker (at start and with each heartbeat) and as
`manage.py requeue_stale_tasks`.

Tasks are therefore run at least once, not exactly once: a task cut off half-way runs again
from the start. E-mail is safe with that (see deliver_email in tasks.py).
"""

import logging
import os
import socket
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connections
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from .models import TaskWorker

logger = logging.getLogger(__name__)

# A task whose worker died this many times is not tried again: it is probably what kills them.
MAX_CLAIMS = 3


class WorkerLost(Exception):
    """Recorded on a task that was cut off MAX_CLAIMS times by its worker's end."""


WORKER_LOST_PATH = f"{WorkerLost.__module__}.{WorkerLost.__qualname__}"


def stale_after() -> timedelta:
    return timedelta(seconds=settings.TASK_WORKER_STALE_SECONDS)


# --- Heartbeats ---------------------------------------------------------------------------


def worker_register(
    *,
    worker_id: str,
    queues: list[str],
    now: datetime | None = None,
    started_at: datetime | None = None,
) -> None:
    """Record a starting worker. A reused worker id starts afresh, so the tasks its previous
    process claimed count as orphaned (see orphaned_task_results)."""
    now = now or timezone.now()
    TaskWorker.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "host": socket.gethostname()[:255],
            "pid": os.getpid(),
            "queues": ",".join(queues),
            "started_at": started_at or now,
            "last_seen_at": now,
        },
    )


def worker_beat(
    *, worker_id: str, queues: list[str], started_at: datetime, now: datetime | None = None
) -> None:
    now = now or timezone.now()
    if not TaskWorker.objects.filter(worker_id=worker_id).update(last_seen_at=now):
        # Another worker's reaper took this one for dead (the process was paused, or the
        # database unreachable, for longer than the stale period) and removed its row. The
        # process's own start time, so its current task does not look like a predecessor's.
        logger.warning("Task worker %s was taken for dead; recording it again.", worker_id)
        worker_register(worker_id=worker_id, queues=queues, now=now, started_at=started_at)


def worker_forget(*, worker_id: str) -> None:
    """A clean shutdown: the worker finished its task, so nothing of it needs taking up."""
    TaskWorker.objects.filter(worker_id=worker_id).delete()


def live_workers(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    return TaskWorker.objects.filter(last_seen_at__gte=now - stale_after()).count()


class HeartbeatThread(threading.Thread):
    """Beats (and reaps) every TASK_WORKER_HEARTBEAT_SECONDS beside the worker's main loop.

    A thread, so that a task running for an hour keeps its worker alive in the database.
    The first beat comes one interval after start: the worker registered itself just before.
    """

    def __init__(self, *, worker_id: str, queues: list[str], started_at: datetime) -> None:
        super().__init__(name=f"task-worker-heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.queues = queues
        self.started_at = started_at
        self.interval = settings.TASK_WORKER_HEARTBEAT_SECONDS
        self._stopping = threading.Event()

    def run(self) -> None:
        try:
            while not self._stopping.wait(self.interval):
                self.beat()
        finally:
            # This thread's own connections; the worker's main thread has its own.
            connections.close_all()

    def beat(self) -> None:
        # Whatever goes wrong, the thread must live on: without it, this worker's task would
        # be taken for orphaned and run twice. A locked or unreachable database is tried
        # again with the next beat; only a whole stale period without one counts.
        try:
            close_old_connections()
            worker_beat(worker_id=self.worker_id, queues=self.queues, started_at=self.started_at)
            stale_tasks_requeue()
        except DatabaseError:
            logger.warning("Task worker heartbeat failed.", exc_info=True)
        except Exception:
            logger.exception("Task worker heartbeat failed unexpectedly.")

    def stop(self) -> None:
        self._stopping.set()
        self.join(timeout=5)


# --- The reaper ---------------------------------------------------------------------------


def _is_orphaned(result: DBTaskResult, live_since: dict[str, datetime]) -> bool:
    if not result.worker_ids:
        return True
    worker_started_at = live_since.get(result.worker_ids[-1])
    # A worker that started after the claim is a new process reusing the id (--worker-id).
    return worker_started_at is None or worker_started_at > result.started_at


def orphaned_task_results(*, now: datetime | None = None) -> list[DBTaskResult]:
    """RUNNING tasks whose worker is gone: not seen for the stale period, or restarted.

    A task must also have run for the stale period, so one just claimed by a worker that
    keeps no heartbeat (a plain db_worker) is not taken from it at once.
    """
    now = now or timezone.now()
    cutoff = now - stale_after()
    running = list(
        DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=cutoff)
    )
    if not running:
        return []
    live_since = dict(
        TaskWorker.objects.filter(last_seen_at__gte=cutoff).values_list("worker_id", "started_at")
    )
    return [result for result in running if _is_orphaned(result, live_since)]


@dataclass
class RequeueOutcome:
    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def stale_tasks_requeue(
    *, now: datetime | None = None, max_claims: int = MAX_CLAIMS, dry_run: bool = False
) -> RequeueOutcome:
    """Queue orphaned RUNNING tasks again (READY), or mark them FAILED after max_claims claims.

    Each change is conditional on the claim still being the one examined (same started_at),
    so a task another worker's reaper has just re-queued, and someone has claimed again since,
    is left alone.
    """
    now = now or timezone.now()
    orphans = orphaned_task_results(now=now)
    if dry_run:
        return RequeueOutcome(
            requeued=[str(r.id) for r in orphans if len(r.worker_ids) < max_claims],
            failed=[str(r.id) for r in orphans if len(r.worker_ids) >= max_claims],
        )
    outcome = RequeueOutcome()
    if orphans:
        with exclusive_transaction(DBTaskResult.objects.db):
            for result in orphans:
                _take_up(result, now=now, max_claims=max_claims, outcome=outcome)
    for task_id in outcome.requeued:
        logger.warning("Task %s was cut off by its worker's end; queued again.", task_id)
    for task_id in outcome.failed:
        logger.error("Task %s was cut off %s times; marked as failed.", task_id, max_claims)
    # Rows of workers that died idle, or whose tasks are taken up now: a worker that was
    # only paused registers itself again with its next beat.
    dead = TaskWorker.objects.filter(last_seen_at__lt=now - stale_after())
    if dead.exists():
        dead.delete()
    return outcome


def _take_up(
    result: DBTaskResult, *, now: datetime, max_claims: int, outcome: RequeueOutcome
) -> None:
    claim = DBTaskResult.objects.filter(
        pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
    )
    if len(result.worker_ids) < max_claims:
        if claim.update(status=TaskResultStatus.READY, started_at=None):
            outcome.requeued.append(str(result.id))
        return
    changed = claim.update(
        status=TaskResultStatus.FAILED,
        finished_at=now,
        return_value=None,
        exception_class_path=WORKER_LOST_PATH,
        traceback=(
            f"{WORKER_LOST_PATH}: the worker running this task stopped "
            f"{len(result.worker_ids)} times before it finished."
        ),
    )
    if changed:
        outcome.failed.append(str(result.id))
