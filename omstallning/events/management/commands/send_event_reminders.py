from django.core.management.base import BaseCommand

from omstallning.events.tasks import send_event_reminders


class Command(BaseCommand):
    help = (
        "Queues reminders to everyone with a place at a meeting that starts within a day. "
        "Each person is reminded once. Run every hour (cron or a timer)."
    )

    def handle(self, *args, **options):
        result = send_event_reminders.enqueue()
        self.stdout.write(f"Queued reminders as task {result.id}.")
