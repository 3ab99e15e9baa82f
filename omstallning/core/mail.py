"""E-mail through background tasks, so sending never blocks or breaks a user's request."""

import base64
from collections.abc import Sequence
from email.mime.base import MIMEBase

from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend


def _serialize_attachment(attachment) -> dict:
    if isinstance(attachment, MIMEBase):
        raise ValueError("Attachments must be (filename, content, mimetype), not MIME objects.")
    filename, content, mimetype = attachment
    raw = content.encode() if isinstance(content, str) else bytes(content)
    return {
        "filename": filename,
        "content_base64": base64.b64encode(raw).decode("ascii"),
        "mimetype": mimetype,
    }


def serialize_message(message: EmailMessage) -> dict:
    """The message as JSON-safe data, for a task's arguments."""
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
        "attachments": [_serialize_attachment(attachment) for attachment in message.attachments],
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
    for attachment in data.get("attachments", []):
        # Django turns text/* content back into text itself.
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content_base64"]),
            attachment["mimetype"],
        )
    return message


class TaskQueueEmailBackend(BaseEmailBackend):
    """Queues each message as a task; the worker delivers it with EMAIL_DELIVERY_BACKEND."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from .tasks import deliver_email

        queued = 0
        for message in email_messages:
            deliver_email.enqueue(serialize_message(message))
            queued += 1
        return queued
