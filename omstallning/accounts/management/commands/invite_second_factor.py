"""Send (and print) a staff account's invitation to enrol a second factor.

For the first administrator, whom nobody else can invite, and for operators who prefer the
command line. Whoever runs it already has the server, so the link may be printed.
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django_otp import user_has_device

from omstallning.accounts import selectors, services


class Command(BaseCommand):
    help = "Send a staff account an invitation link to enrol its second factor, and print it."

    def add_arguments(self, parser) -> None:
        parser.add_argument("usernames", nargs="*", help="Accounts to invite.")
        parser.add_argument(
            "--all-without-device",
            action="store_true",
            help="Every staff account that has no second factor yet.",
        )
        parser.add_argument("--no-mail", action="store_true", help="Only print the links.")

    def handle(self, *args, usernames: list[str], all_without_device: bool, no_mail: bool, **kw):
        if all_without_device:
            users = [u for u in selectors.staff_accounts() if not user_has_device(u)]
        else:
            if not usernames:
                raise CommandError("Name at least one account, or use --all-without-device.")
            users = list(get_user_model().objects.filter(username__in=usernames))
            missing = set(usernames) - {user.get_username() for user in users}
            if missing:
                raise CommandError(f"No such account: {', '.join(sorted(missing))}")
        for user in users:
            try:
                sent = services.invitation_send(user=user, actor=None, mail=not no_mail)
            except ValidationError as error:
                self.stderr.write(f"{user.get_username()}: {' '.join(error.messages)}")
                continue
            self.stdout.write(f"{user.get_username()}: {sent.url}")
