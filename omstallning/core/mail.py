"""E-mail through background tasks, so sending never blocks or breaks a user's request."""

from collections.abc import Sequence

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend


def serialize_message(message: EmailMessage) -> dict:
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
    }


def deserialize_message(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
    )
    for content, mimetype in data["alternatives"]:
        message.attach_alternative(content, mimetype)
    return message


class TaskQueueEmailBackend(BaseEmailBackend):
    """Queues each message as a task; the worker delivers it with EMAIL_DELIVERY_BACKEND."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from .tasks import deliver_email

        queued = 0
        for message in email_messages:
            if message.attachments:
                raise ValueError("Attachments are not supported by the task e-mail backend.")
            deliver_email.enqueue(serialize_message(message))
            queued += 1
        return queued
