from django.core.management.base import BaseCommand

from omstallning.events.tasks import anonymise_expired_registrations


class Command(BaseCommand):
    help = (
        "Queues anonymisation of meeting registrations older than "
        "EVENT_REGISTRATION_RETENTION_DAYS after their meeting. Run daily (cron or a timer)."
    )

    def handle(self, *args, **options):
        result = anonymise_expired_registrations.enqueue()
        self.stdout.write(f"Queued anonymisation as task {result.id}.")
