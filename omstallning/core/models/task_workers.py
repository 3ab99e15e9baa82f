"""Task worker processes as the database sees them: alive while their heartbeat is recent.

django-tasks-db records which worker claimed a task but not whether that worker still lives, so
a task cut off by a crash would stay RUNNING for good. Each `manage.py task_worker` keeps its
row here fresh; a task whose worker's row has gone stale is queued again
(omstallning/core/task_workers.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class TaskWorker(models.Model):
    # The id django-tasks-db writes into DBTaskResult.worker_ids (at most 64 characters).
    worker_id = models.CharField(_("arbetarens id"), max_length=64, unique=True)
    host = models.CharField(_("värd"), max_length=255)
    pid = models.PositiveIntegerField(_("process-id"))
    queues = models.TextField(_("köer"))
    started_at = models.DateTimeField(_("startad"))
    last_seen_at = models.DateTimeField(_("senast sedd"), db_index=True)

    class Meta:
        # The same word in Swedish, not in English: a context each.
        verbose_name = pgettext_lazy("singular", "bakgrundsarbetare")
        verbose_name_plural = pgettext_lazy("plural", "bakgrundsarbetare")

    def __str__(self) -> str:
        return f"{self.host}:{self.pid} ({self.worker_id})"
