from django.core.management.base import BaseCommand

from omstallning.actors.tasks import check_offer_links


class Command(BaseCommand):
    help = (
        "Queues the check of every public offer's link (the admin lists those with a "
        "problem). Run nightly."
    )

    def handle(self, *args, **options):
        result = check_offer_links.enqueue()
        self.stdout.write(f"Queued as task {result.id}.")
