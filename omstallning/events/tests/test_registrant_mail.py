"""Mails to registrants carry nothing the registrant typed (security review, L4).

Anyone can register any address, so whatever a registrant writes in the form would otherwise
reach a stranger's inbox under the platform's name. Each field gets a marker; every kind of
mail, registered through the page's form and through the API, is searched for it.
"""

import json
from datetime import timedelta
from email.message import Message

import pytest
from django.core import mail
from django.core.mail import EmailMessage

from omstallning.accounts.roles import BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.core.models import RateLimitWindow
from omstallning.events import notifications, services
from omstallning.events.links import registration_manage_path
from omstallning.events.models import EventPage, Registration

from .factories import EventPageFactory

MARKER = "Qx7Registrant"
LINK = "evil.example"


def typed_by(person: str) -> dict[str, str]:
    """Everything a registrant can type, each with the marker, and a lure in the name."""
    return {
        "name": f"Vinn en resa på https://{LINK}/{person} {MARKER}Name",
        "email": f"{person}@example.org",
        "organisation": f"{MARKER}Organisation",
        "food_needs": f"{MARKER}Food",
        "accessibility_needs": f"{MARKER}Access",
    }


def register_by_form(client, event: EventPage, details: dict[str, str]) -> None:
    response = client.post(event.url, details)
    assert response.status_code == 302, response.content.decode()


def register_by_api(client, event: EventPage, details: dict[str, str]) -> None:
    response = client.post(
        f"/api/v1/events/{event.pk}/registrations",
        json.dumps(details),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content.decode()


def _text(content: str | bytes) -> str:
    return content.decode("utf-8", errors="replace") if isinstance(content, bytes) else content


def _decoded_parts(message: Message) -> list[str]:
    """Every MIME part as the reader sees it: base64 and quoted-printable undone."""
    parts = []
    for part in message.walk():
        payload = part.get_payload(decode=True)
        if payload is not None:
            parts.append(_text(payload))
    return parts


def readable_texts(message: EmailMessage) -> dict[str, str]:
    """Everything in the mail a recipient could read, except the address it goes to."""
    texts = {
        "subject": message.subject,
        "body": message.body,
        "from": message.from_email,
        "headers": json.dumps(message.extra_headers, ensure_ascii=False),
        "cc, bcc, reply-to": " ".join([*message.cc, *message.bcc, *message.reply_to]),
    }
    for number, (content, mimetype) in enumerate(getattr(message, "alternatives", [])):
        texts[f"alternative {number} ({mimetype})"] = _text(content)
    for number, (filename, content, mimetype) in enumerate(message.attachments):
        # Calendar lines are folded at 75 octets, which could split a marker.
        unfolded = _text(content).replace("\r\n ", "").replace("\r\n\t", "")
        texts[f"attachment {number} ({mimetype})"] = f"{filename}\n{unfolded}"
    wire = message.message()
    texts["as sent"] = wire.as_string()
    texts["as sent, decoded"] = "\n".join(_decoded_parts(wire))
    return texts


def kind_of(message: EmailMessage, event: EventPage, message_subject: str) -> str:
    subjects = {
        str(kind.subject) % {"title": event.title}: name
        for name, kind in notifications.KINDS.items()
        if kind.subject
    }
    subjects[f"{message_subject} – {event.title}"] = "message"
    return subjects[message.subject]


@pytest.mark.parametrize("register", [register_by_form, register_by_api])
def test_no_registrant_mail_carries_what_the_registrant_typed(
    site, client, settings, django_capture_on_commit_callbacks, register
):
    """One meeting with one place walks through every kind of mail: Ada takes the place, Bo
    waits, both get the organisers' message, Ada the reminder, Ada cancels so Bo gets the
    place, then the meeting is cancelled."""
    settings.EVENT_REGISTRATION_API_RATE = "100/m"
    RateLimitWindow.objects.all().delete()  # a fresh count for the rate limit
    event = EventPageFactory(
        capacity=1, format=EventPage.Format.HYBRID, online_link="https://meet.example.org/x"
    )
    ada, bo = typed_by("ada"), typed_by("bo")
    subject = "Ny lokal"
    organiser = UserFactory(roles=[BUSINESS_DEVELOPER])

    with django_capture_on_commit_callbacks(execute=True):
        register(client, event, ada)
        register(client, event, bo)
    with django_capture_on_commit_callbacks(execute=True):
        services.event_message_send(
            event=event,
            user=organiser,
            subject=subject,
            body="Vi ses i sal B.",
            include_waiting=True,
        )
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(now=event.starts_at - timedelta(hours=20)) == 1
    holder = Registration.objects.get(event=event, email=ada["email"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{registration_manage_path(holder)}ta-bort/")
    with django_capture_on_commit_callbacks(execute=True):
        services.event_cancel(event=event, user=organiser, reason="Föreläsaren är sjuk.")

    kinds = [(kind_of(message, event, subject), message.to[0]) for message in mail.outbox]
    assert kinds == [
        ("confirmed", "ada@example.org"),
        ("waitlisted", "bo@example.org"),
        ("message", "ada@example.org"),
        ("message", "bo@example.org"),
        ("reminder", "ada@example.org"),
        ("cancelled", "ada@example.org"),
        ("promoted", "bo@example.org"),
        ("event_cancelled", "bo@example.org"),
    ]
    assert {kind for kind, _to in kinds} == set(notifications.KINDS)  # none left untried
    leaks = [
        (kind, where)
        for (kind, _to), message in zip(kinds, mail.outbox, strict=True)
        for where, text in readable_texts(message).items()
        if MARKER.lower() in text.lower() or LINK in text.lower()
    ]
    assert leaks == []
    # What stays: the greeting, the meeting, the person's link and the organisers' words.
    for message in mail.outbox:
        assert message.body.startswith("Hej!\n")
        assert event.title in message.body
    assert "Vi ses i sal B." in mail.outbox[2].body
    assert "Föreläsaren är sjuk." in mail.outbox[-1].body
    assert registration_manage_path(holder) in mail.outbox[0].body
    assert "https://meet.example.org/x" in mail.outbox[0].body
    assert "https://meet.example.org/x" not in mail.outbox[1].body  # no place, no link
    assert [bool(message.attachments) for message in mail.outbox] == [
        notifications.KINDS[kind].with_calendar for kind, _to in kinds
    ]
    # The registrant's details were kept for the organisers, only not mailed.
    assert Registration.objects.get(email=ada["email"]).food_needs == f"{MARKER}Food"
