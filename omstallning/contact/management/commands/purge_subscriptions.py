from django.core.management.base import BaseCommand

from omstallning.contact.tasks import purge_subscriptions


class Command(BaseCommand):
    help = (
        "Queues removal of subscription requests not confirmed within "
        "SUBSCRIPTION_UNCONFIRMED_DAYS. Run daily (cron or a timer)."
    )

    def handle(self, *args, **options):
        result = purge_subscriptions.enqueue()
        self.stdout.write(f"Queued removal of unconfirmed subscriptions as task {result.id}.")
