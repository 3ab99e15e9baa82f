from django.core.management.base import BaseCommand

from omstallning.consent.tasks import purge_expired_consent_records


class Command(BaseCommand):
    help = (
        "Queues deletion of consent records and page-view statistics older than "
        "CONSENT_RECORD_RETENTION_DAYS. Run daily (cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        result = purge_expired_consent_records.enqueue()
        self.stdout.write(f"Queued retention clean-up as task {result.id}.")
