from django.core.management.base import BaseCommand

from omstallning.core.task_workers import MAX_CLAIMS, stale_tasks_requeue


class Command(BaseCommand):
    help = (
        "Queue again the RUNNING tasks whose worker is gone (no heartbeat for "
        "TASK_WORKER_STALE_SECONDS); a task cut off "
        f"{MAX_CLAIMS} times is marked failed instead. Every task_worker does this by itself; "
        "this is for operators, e.g. while no worker runs."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Only show what would be done.")

    def handle(self, *args, dry_run: bool, **options) -> None:
        outcome = stale_tasks_requeue(dry_run=dry_run)
        verb = "Would queue again" if dry_run else "Queued again"
        self.stdout.write(f"{verb}: {len(outcome.requeued)} task(s).")
        for task_id in outcome.requeued:
            self.stdout.write(f"  {task_id}")
        verb = "Would mark as failed" if dry_run else "Marked as failed"
        self.stdout.write(f"{verb} (cut off {MAX_CLAIMS} times): {len(outcome.failed)} task(s).")
        for task_id in outcome.failed:
            self.stdout.write(f"  {task_id}")
