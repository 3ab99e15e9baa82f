import uuid
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from omstallning.core.undelivered_email import undelivered_email_resend, undelivered_emails


def _since(value: str) -> datetime:
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise CommandError(f"--since: not a date or time: {value!r}")
        moment = datetime.combine(day, datetime.min.time())
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _task_id(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError as error:
        raise CommandError(f"Not a task id: {value!r}") from error


class Command(BaseCommand):
    help = (
        "Send again e-mail that failed after every attempt (kept in its failed deliver_email "
        "task). Give task ids, or --all; --since limits to failures from that date or time. "
        "--list shows what is undelivered. The admin has the same under Inställningar."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("ids", nargs="*", help="Task ids of undelivered messages.")
        parser.add_argument(
            "--all", action="store_true", dest="resend_all", help="Every undelivered message."
        )
        parser.add_argument(
            "--since", help="Only messages that failed at or after this date (or ISO time)."
        )
        parser.add_argument(
            "--list",
            action="store_true",
            dest="list_only",
            help="List the undelivered messages; send nothing.",
        )

    def handle(
        self, *args, ids: list[str], resend_all: bool, since: str | None, list_only: bool, **options
    ) -> None:
        if list_only:
            for email in undelivered_emails():
                self.stdout.write(
                    f"{email.id}  {email.failed_at:%Y-%m-%d %H:%M}  {', '.join(email.recipients)}"
                    f"  {email.subject!r}  {email.server_answer}"
                )
            return
        if bool(ids) == resend_all:
            raise CommandError("Give task ids or --all (not both).")
        if since and ids:
            raise CommandError("--since goes with --all, not with task ids.")
        queued = undelivered_email_resend(
            user=None,
            ids=[_task_id(value) for value in ids] if ids else None,
            since=_since(since) if since else None,
        )
        self.stdout.write(f"Queued {len(queued)} message(s) again.")
        if ids and len(queued) < len(ids):
            self.stderr.write(
                f"{len(ids) - len(queued)} of the given ids are not undelivered messages "
                "(already resent, discarded or pruned, or not e-mail)."
            )
