"""E-mail through background tasks, so sending never blocks or breaks a user's request, and
the one way the apps write a mail: `send_templated`, in the recipient's language."""

import base64
from collections.abc import Callable, Mapping, Sequence
from email.mime.base import MIMEBase
from email.utils import make_msgid, parseaddr
from typing import TypeAlias, TypeVar, Union

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.utils import DNS_NAME
from django.template.loader import render_to_string
from django.utils import translation

T = TypeVar("T")
Attachment: TypeAlias = tuple[str, str | bytes, str]
Lazy: TypeAlias = Union[T, Callable[[], T]]  # noqa: UP007 (a generic alias); a value, or what makes it inside the language override


def _resolved(value: "Lazy[T]") -> T:
    return value() if callable(value) else value


def send_templated(
    *,
    to: str,
    subject,
    template: str,
    context: "Lazy[Mapping]",
    language: str,
    subject_values: "Lazy[Mapping] | None" = None,
    reply_to: str | None = None,
    headers: "Lazy[Mapping[str, str]] | None" = None,
    attachments: "Lazy[Sequence[Attachment]] | None" = None,
) -> bool:
    """One mail to one address, written wholly in `language`: the (lazy) subject formatted
    with `subject_values`, the text template rendered with the platform's name, and the
    mail queued by the project's backend. False, and nothing sent, for an empty address.

    The language is the recipient's, decided by the caller from who they are (a page's
    locale, a subscription, a profile), never the active one: in a task worker that is
    nobody's. Whatever depends on the language (links reversed with `reverse`, dates, an
    attachment's text) is passed as a callable, which runs inside the override, so that an
    English mail links to the English addresses."""
    if not to:
        return False
    with translation.override(language):
        values = _resolved(subject_values) if subject_values is not None else None
        subject_text = str(subject)
        if values is not None:
            subject_text %= {key: str(value) for key, value in values.items()}
        body = render_to_string(
            template, {"platform_name": settings.WAGTAIL_SITE_NAME, **_resolved(context)}
        )
        message = EmailMessage(
            subject=subject_text,
            body=body,
            to=[to],
            reply_to=[reply_to] if reply_to else None,
            headers=dict(_resolved(headers)) if headers is not None else None,
        )
        for filename, content, mimetype in _resolved(attachments) if attachments else ():
            message.attach(filename, content, mimetype)
    message.send()
    return True


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


def _message_id_domain(from_email: str) -> str:
    # Our sender's domain rather than this machine's name, which need not be public.
    domain = parseaddr(from_email or settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2]
    try:
        return domain.encode("idna").decode("ascii") if domain else str(DNS_NAME)
    except UnicodeError:
        return str(DNS_NAME)


def with_message_id(data: dict) -> dict:
    """The serialized message with a Message-ID, given once, when it is queued.

    Django would give each delivery attempt a new one; a fixed id lets a message sent again
    (a retry after a crash, a resend) be recognised as the same message.
    """
    if any(name.lower() == "message-id" for name in data["headers"]):
        return data
    message_id = make_msgid(domain=_message_id_domain(data["from_email"]))
    return {**data, "headers": {**data["headers"], "Message-ID": message_id}}


class TaskQueueEmailBackend(BaseEmailBackend):
    """Queues each message as a task; the worker delivers it with EMAIL_DELIVERY_BACKEND."""

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from .tasks import deliver_email

        queued = 0
        for message in email_messages:
            deliver_email.enqueue(with_message_id(serialize_message(message)))
            queued += 1
        return queued
