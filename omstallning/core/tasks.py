"""Delivery of queued e-mail (see mail.py), with retries, and without loss when a worker dies.

Each message carries a Message-ID given when it was queued. A retry, a re-queue after a
worker's crash (task_workers.py) and a resend from the admin all send that same message
with that same id.

Exactly once, and where it is only nearly so: a worker killed before the server's final 250
reply leaves the task RUNNING; the server drops a message it never acknowledged, and the
task is queued again and sent once. A worker killed between the server's 250 and the task's
result being saved (closing the SMTP session and one database write: normally milliseconds)
also has its task queued again, and the recipient gets the message twice, with the same
Message-ID, by which some mail services show it once. SMTP offers no way to close that
window: the server has the message the moment it says 250, we know it only a moment later.
"""

import logging
import smtplib
from datetime import timedelta
from enum import Enum

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task

from .mail import deserialize_message

logger = logging.getLogger(__name__)


class Failure(Enum):
    TEMPORARY = "temporary"  # server down or busy (4xx): it will take the message later
    RELAY = "relay"  # a 5xx to the whole message: often a broken or misconfigured relay
    PERMANENT = "permanent"  # every recipient refused (5xx), or a message we cannot build


# The delays before each next attempt: about a day in all after a temporary failure, a few
# hours after a relay's 5xx (3 attempts), none after a permanent failure.
RETRY_DELAYS = {
    Failure.TEMPORARY: (
        timedelta(minutes=1),
        timedelta(minutes=10),
        timedelta(hours=1),
        timedelta(hours=6),
        timedelta(hours=16),
    ),
    Failure.RELAY: (timedelta(minutes=30), timedelta(hours=3)),
    Failure.PERMANENT: (),
}


class DeliveryDeferred(Exception):
    """This attempt failed and the next one is queued: the message is not lost (yet)."""


DELIVERY_DEFERRED_PATH = f"{DeliveryDeferred.__module__}.{DeliveryDeferred.__qualname__}"


def failure_kind(error: Exception) -> Failure:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in error.recipients.values()]
        # A 4xx for some recipient may turn into a delivery; the 5xx ones are refused again.
        if all(500 <= code < 600 for code in codes):
            return Failure.PERMANENT
        return Failure.TEMPORARY
    if isinstance(error, smtplib.SMTPResponseException):
        # Sender refused, DATA refused, HELO, authentication or greeting: a 5xx said to the
        # whole message says more about the relay than about the message.
        return Failure.RELAY if 500 <= error.smtp_code < 600 else Failure.TEMPORARY
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return Failure.TEMPORARY
    if isinstance(error, smtplib.SMTPException):
        return Failure.RELAY  # e.g. STARTTLS or AUTH not offered: configuration
    if isinstance(error, OSError):  # refused, timed out, TLS failed: checked after SMTP's own
        return Failure.TEMPORARY
    return Failure.PERMANENT


@task()
def deliver_email(message: dict, attempt: int = 1) -> int:
    """Send one queued message with the real delivery backend. Raises if the server refuses.

    When a next attempt is queued, this one fails with DeliveryDeferred (the server's answer
    as its cause), so it can be seen without counting as undelivered mail.
    """
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    try:
        return connection.send_messages([deserialize_message(message)])
    except Exception as error:
        delays = RETRY_DELAYS[failure_kind(error)]
        if attempt <= len(delays) and _retry_later(message, attempt, delays[attempt - 1]):
            raise DeliveryDeferred(f"attempt {attempt} failed: {error!r}") from error
        raise


def _retry_later(message: dict, attempt: int, delay: timedelta) -> bool:
    if not deliver_email.get_backend().supports_defer:
        return False
    deliver_email.using(run_after=timezone.now() + delay).enqueue(message, attempt + 1)
    logger.warning("E-mail delivery failed (attempt %s); trying again in %s.", attempt, delay)
    return True
