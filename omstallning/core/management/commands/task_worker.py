"""django-tasks-db's worker, with a heartbeat, and logging as the LOGGING setting says.

The heartbeat (omstallning/core/task_workers.py) lets the other workers see that this one is
alive. Each worker also takes up, at start and with each heartbeat, the tasks that a dead
worker left RUNNING. At a clean shutdown (SIGTERM, Ctrl+C) the worker finishes its task and
removes its heartbeat; after SIGKILL its task is queued again once the heartbeat is stale.

db_worker sets the task loggers to INFO at the default verbosity, which prints two lines for
every search-index update. Here verbosity 1 leaves the levels from settings (TASK_LOG_LEVEL:
failures only, by default); 0 silences and 2 or more shows everything, as in db_worker.
"""

import logging
import os

from django.core.management.base import CommandError
from django.db import DatabaseError
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from omstallning.core import task_workers

logger = logging.getLogger(__name__)


class HeartbeatWorker(Worker):
    def run(self) -> None:
        # Registered before the first claim, so no other worker takes this one for dead.
        started_at = timezone.now()
        task_workers.worker_register(
            worker_id=self.worker_id, queues=self.queue_names, now=started_at
        )
        heartbeat = task_workers.HeartbeatThread(
            worker_id=self.worker_id, queues=self.queue_names, started_at=started_at
        )
        try:
            task_workers.stale_tasks_requeue()
            heartbeat.start()
            super().run()
        finally:
            if heartbeat.is_alive():
                heartbeat.stop()
            try:
                task_workers.worker_forget(worker_id=self.worker_id)
            except DatabaseError:
                logger.warning("Could not remove the heartbeat of %s.", self.worker_id)


class Command(DatabaseWorkerCommand):
    help = (
        "Run the background task worker (django-tasks-db's db_worker, quieter, with a "
        "heartbeat; tasks of dead workers are taken up again)."
    )

    def configure_logging(self, verbosity: int) -> None:
        if verbosity != 1:
            super().configure_logging(verbosity)
            return
        for name in ("django_tasks", "django_tasks_db"):
            task_logger = logging.getLogger(name)
            if not task_logger.hasHandlers():
                task_logger.addHandler(logging.StreamHandler(self.stdout))

    # As db_worker's handle, with HeartbeatWorker in place of its Worker.
    def handle(
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        if reload and batch:
            logger.warning("--reload and --batch cannot be used together; not reloading.")
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")

        worker = HeartbeatWorker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            # Each reload ends the worker without its shutdown; the next one takes up its task.
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
