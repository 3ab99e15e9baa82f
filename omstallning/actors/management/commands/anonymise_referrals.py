from django.core.management.base import BaseCommand

from omstallning.actors.tasks import anonymise_expired_referrals


class Command(BaseCommand):
    help = (
        "Queues anonymisation of referrals closed more than REFERRAL_RETENTION_DAYS ago. "
        "Run daily (cron or a timer)."
    )

    def handle(self, *args, **options):
        result = anonymise_expired_referrals.enqueue()
        self.stdout.write(f"Queued anonymisation as task {result.id}.")
