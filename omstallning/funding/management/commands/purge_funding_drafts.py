from django.core.management.base import BaseCommand

from omstallning.funding.tasks import purge_expired_drafts


class Command(BaseCommand):
    help = (
        "Queues removal of funding application drafts untouched for "
        "FUNDING_DRAFT_RETENTION_DAYS, with their attachments. Run daily (cron or a timer)."
    )

    def handle(self, *args, **options):
        result = purge_expired_drafts.enqueue()
        self.stdout.write(f"Queued removal of expired drafts as task {result.id}.")
