import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone
from django_tasks import task

from .mail import deserialize_message

logger = logging.getLogger(__name__)

# After a temporary failure, try again after these delays: about a day in all.
DELIVERY_RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=6),
    timedelta(hours=16),
)


def _is_temporary(error: Exception) -> bool:
    """A server that is down or busy (4xx) may take the message later; a 5xx answer never will."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _text in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, (smtplib.SMTPServerDisconnected, OSError))


@task()
def deliver_email(message: dict, attempt: int = 1) -> int:
    """Send one queued message with the real delivery backend. Raises if the server refuses.

    A temporary failure queues the next attempt first, so this attempt can fail visibly.
    """
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    try:
        return connection.send_messages([deserialize_message(message)])
    except Exception as error:
        if _is_temporary(error) and attempt <= len(DELIVERY_RETRY_DELAYS):
            _retry_later(message, attempt)
        raise


def _retry_later(message: dict, attempt: int) -> None:
    if not deliver_email.get_backend().supports_defer:
        return
    delay = DELIVERY_RETRY_DELAYS[attempt - 1]
    deliver_email.using(run_after=timezone.now() + delay).enqueue(message, attempt + 1)
    logger.warning("E-mail delivery failed (attempt %s); trying again in %s.", attempt, delay)
