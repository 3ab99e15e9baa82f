from django.core.management.base import BaseCommand

from omstallning.contact.tasks import delete_expired_messages


class Command(BaseCommand):
    help = (
        "Queues deletion of contact-form messages older than CONTACT_MESSAGE_RETENTION_DAYS "
        "after their last change. Run daily (cron or a timer)."
    )

    def handle(self, *args, **options):
        result = delete_expired_messages.enqueue()
        self.stdout.write(f"Queued deletion of old messages as task {result.id}.")
