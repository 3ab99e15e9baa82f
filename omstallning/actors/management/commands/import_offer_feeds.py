from django.core.management.base import BaseCommand

from omstallning.actors.tasks import import_offer_feeds


class Command(BaseCommand):
    help = (
        "Queues the import of other platforms' offers (Hitta stöd's subscriptions) on the "
        "knowledge_feeds queue. Run nightly."
    )

    def handle(self, *args, **options):
        result = import_offer_feeds.enqueue()
        self.stdout.write(f"Queued as task {result.id}.")
