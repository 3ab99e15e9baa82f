from django.conf import settings
from django.core.mail import get_connection
from django_tasks import task

from .mail import deserialize_message


@task()
def deliver_email(message: dict) -> int:
    """Send one queued message with the real delivery backend. Raises if the server refuses."""
    connection = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False)
    return connection.send_messages([deserialize_message(message)])
