from django.core.management.base import BaseCommand

from omstallning.actors.tasks import purge_saved_searches


class Command(BaseCommand):
    help = (
        "Queues removal of saved searches never confirmed within "
        "SUBSCRIPTION_UNCONFIRMED_DAYS. Run daily."
    )

    def handle(self, *args, **options):
        result = purge_saved_searches.enqueue()
        self.stdout.write(f"Queued as task {result.id}.")
