"""E-mail that could not be delivered after every attempt: list it, send it again, or drop it.

The message stays in its failed deliver_email task result (DBTaskResult.args_kwargs) until
it is resent, discarded, or pruned (README: prune_db_task_results in the daily list).
Attempts that failed with a next attempt queued (DeliveryDeferred) are not undelivered.
"""

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail.log_actions import log

from .permissions import can_handle_undelivered_email
from .tasks import DELIVERY_DEFERRED_PATH, deliver_email
from .typing import Visitor

logger = logging.getLogger(__name__)

DELIVER_EMAIL_PATH = deliver_email.module_path
RESEND_ACTION = "omstallning.email_resend"
DISCARD_ACTION = "omstallning.email_discard"


@dataclass(frozen=True)
class UndeliveredEmail:
    id: str
    recipients: list[str]
    subject: str
    failed_at: datetime
    server_answer: str


# --- Reads ------------------------------------------------------------------------------


def undelivered_email_results(
    *, ids: Collection[str] | None = None, since: datetime | None = None
) -> QuerySet[DBTaskResult]:
    results = (
        DBTaskResult.objects.filter(task_path=DELIVER_EMAIL_PATH, status=TaskResultStatus.FAILED)
        .exclude(exception_class_path=DELIVERY_DEFERRED_PATH)
        .order_by("-finished_at")
    )
    if ids is not None:
        results = results.filter(pk__in=list(ids))
    if since is not None:
        results = results.filter(finished_at__gte=since)
    return results


def server_answer(result: DBTaskResult) -> str:
    """The error's last line, e.g. "smtplib.SMTPDataError: (554, b'5.7.1 Relaying denied')"."""
    lines = [line for line in result.traceback.splitlines() if line.strip()]
    return (lines[-1] if lines else result.exception_class_path)[:500]


def undelivered_emails(*, limit: int | None = None) -> list[UndeliveredEmail]:
    results = undelivered_email_results()
    if limit is not None:
        results = results[:limit]
    emails = []
    for result in results:
        message = result.args_kwargs["args"][0]
        emails.append(
            UndeliveredEmail(
                id=str(result.id),
                recipients=[*message["to"], *message.get("cc", []), *message.get("bcc", [])],
                subject=message["subject"],
                failed_at=result.finished_at,
                server_answer=server_answer(result),
            )
        )
    return emails


# --- Writes -----------------------------------------------------------------------------


def _require_permission(user: Visitor | None) -> None:
    # No user: an operator at the server (manage.py resend_failed_email).
    if user is not None and not can_handle_undelivered_email(user):
        raise PermissionDenied


def undelivered_email_resend(
    *, user: Visitor | None, ids: Collection[str] | None = None, since: datetime | None = None
) -> list[str]:
    """Queue each undelivered message again (all, or those given) and drop its failed result.

    Both in one transaction, with the failed rows locked: two resends at once (two clicks,
    two administrators) queue each message once. Returns the ids of the new tasks.
    """
    _require_permission(user)
    queued = []
    with transaction.atomic():
        results = list(undelivered_email_results(ids=ids, since=since).select_for_update())
        for result in results:
            new = deliver_email.enqueue(result.args_kwargs["args"][0])
            queued.append(str(new.id))
            log(
                instance=result,
                action=RESEND_ACTION,
                user=user,
                title=f"deliver_email {result.id}",
                data={"task": str(new.id)},
            )
        DBTaskResult.objects.filter(pk__in=[result.pk for result in results]).delete()
    logger.info("Queued %s undelivered e-mail message(s) again.", len(queued))
    return queued


def undelivered_email_discard(*, user: Visitor | None, ids: Collection[str]) -> int:
    """Drop undelivered messages for good, e.g. to an address that does not exist."""
    _require_permission(user)
    with transaction.atomic():
        results = list(undelivered_email_results(ids=ids).select_for_update())
        for result in results:
            log(
                instance=result,
                action=DISCARD_ACTION,
                user=user,
                title=f"deliver_email {result.id}",
            )
        DBTaskResult.objects.filter(pk__in=[result.pk for result in results]).delete()
    return len(results)
