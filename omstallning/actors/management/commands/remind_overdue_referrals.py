from django.core.management.base import BaseCommand

from omstallning.actors.tasks import remind_overdue_referrals


class Command(BaseCommand):
    help = (
        "Queues the reminder to the region's coordinators of referrals no actor answered within "
        "REFERRAL_ANSWER_WORKING_DAYS. Run hourly (cron or a timer)."
    )

    def handle(self, *args, **options):
        result = remind_overdue_referrals.enqueue()
        self.stdout.write(f"Queued the reminders as task {result.id}.")
