from django.core.management.base import BaseCommand

from omstallning.actors.tasks import keep_offers_true


class Command(BaseCommand):
    help = (
        "Queues the reminders to actors of offers due for checking within "
        "OFFER_VERIFY_REMIND_DAYS, and the report to the region of offers hidden since their "
        "verify-by date passed. Run daily."
    )

    def handle(self, *args, **options):
        result = keep_offers_true.enqueue()
        self.stdout.write(f"Queued as task {result.id}.")
