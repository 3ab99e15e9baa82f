"""Fetch every active subscription to another platform's knowledge feed. Run it nightly."""

from django.core.management.base import BaseCommand

from omstallning.knowledge.models import FeedSubscription
from omstallning.knowledge.services import subscription_refresh


class Command(BaseCommand):
    help = "Hämtar alla aktiva prenumerationer på andra plattformars kunskapsflöden."

    def handle(self, *args, **options) -> None:
        for subscription in FeedSubscription.objects.filter(active=True):
            outcome = subscription_refresh(subscription.pk)
            self.stdout.write(f"{subscription.name}: {outcome}")
