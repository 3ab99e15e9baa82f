from django.core.management.base import BaseCommand

from omstallning.actors.tasks import send_saved_search_news


class Command(BaseCommand):
    help = "Queues the mail of new offers to every confirmed saved search in Hitta stöd. Run daily."

    def handle(self, *args, **options):
        result = send_saved_search_news.enqueue()
        self.stdout.write(f"Queued as task {result.id}.")
