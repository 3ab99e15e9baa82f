from django.core.management.base import BaseCommand

from omstallning.accounts.services import unused_accounts_remove


class Command(BaseCommand):
    help = (
        "Remove self-made accounts never confirmed (ACCOUNT_UNCONFIRMED_DAYS) or never logged "
        "in to after confirmation (ACCOUNT_UNUSED_DAYS)."
    )

    def handle(self, *args, **options) -> None:
        removed = unused_accounts_remove()
        self.stdout.write(f"Removed {removed} unused account(s).")
