"""Facts for /healthz: can we reach the database, and is the task queue moving?

Besides the counts, two things make the task queue "not ok" (and /healthz 503), because each
needs someone to act: a RUNNING task whose worker is gone (no live worker has taken it up, so
no worker is running, or none can reach the database), and undelivered e-mail (failed after
every attempt; resend or discard it in the admin). The number of live workers is reported
without judging it: a queue that waits for a worker shows in oldest_queued_seconds.
"""

from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone


def database_state() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"ok": False, "error": error.__class__.__name__}
    return {"ok": True, "vendor": connection.vendor}


def task_queue_state() -> dict:
    backend = settings.TASKS["default"]["BACKEND"]
    state: dict = {"ok": True, "backend": backend.rsplit(".", 1)[-1]}
    if backend != "django_tasks_db.DatabaseBackend":
        return state
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from .task_workers import live_workers, orphaned_task_results
    from .undelivered_email import undelivered_email_results

    try:
        ready = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        day_ago = timezone.now() - timedelta(days=1)
        state.update(
            queued=ready.count(),
            running=DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count(),
            failed_last_24h=DBTaskResult.objects.filter(
                status=TaskResultStatus.FAILED, finished_at__gte=day_ago
            ).count(),
            oldest_queued_seconds=int((timezone.now() - oldest).total_seconds()) if oldest else 0,
            stale_running=len(orphaned_task_results()),
            undelivered_email=undelivered_email_results().count(),
            workers=live_workers(),
        )
        state["ok"] = not (state["stale_running"] or state["undelivered_email"])
    except DatabaseError as error:
        state.update(ok=False, error=error.__class__.__name__)
    return state
