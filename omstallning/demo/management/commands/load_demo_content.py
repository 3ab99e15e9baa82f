from django.core.management.base import BaseCommand

from omstallning.demo.load import DEMO_PASSWORD, DEMO_USERS, demo_content_load


class Command(BaseCommand):
    help = "Loads the demo region, site pages in Swedish and English, and demo users, once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-users", action="store_true", help="Create no demo users (e.g. for tests)."
        )

    def handle(self, *args, without_users: bool = False, **options):
        if not demo_content_load(with_users=not without_users):
            self.stdout.write("Demo content is already loaded; nothing changed.")
            return
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        if not without_users:
            self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
            for username, _first, _last, role, _superuser in DEMO_USERS:
                self.stdout.write(f"  {username:<12} {role}")
