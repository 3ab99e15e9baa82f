import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from omstallning.demo.load import DEMO_PASSWORD, DEMO_USERS, demo_content_load


class Command(BaseCommand):
    help = "Loads the demo region, site pages in Swedish and English, and demo users, once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-users", action="store_true", help="Create no demo users (e.g. for tests)."
        )

    def handle(self, *args, without_users: bool = False, **options):
        # Wagtail logs every page action; for a few hundred demo actions that is only noise.
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        if demo_content_load(with_users=not without_users):
            self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        else:
            self.stdout.write("Demo content is already loaded; nothing changed.")
        usernames = [username for username, *_rest in DEMO_USERS]
        if get_user_model().objects.filter(username__in=usernames).exists():
            self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
            for username, _first, _last, role, _superuser in DEMO_USERS:
                self.stdout.write(f"  {username:<15} {role}")
