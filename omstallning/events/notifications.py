"""E-mails to people who register: sent through the task queue after the change commits,
in the language of the meeting's page."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .calendar import calendar_bytes, event_url
from .links import registration_manage_path
from .models import Registration

# Template name, subject (with %(title)s), and whether the .ics goes along.
CONFIRMED = ("confirmed", _("Du är anmäld: %(title)s"), True)
WAITLISTED = ("waitlisted", _("Du står på väntelistan: %(title)s"), False)
PROMOTED = ("promoted", _("Du har fått en plats: %(title)s"), True)
CANCELLED = ("cancelled", _("Din anmälan är borttagen: %(title)s"), False)
REMINDER = ("reminder", _("Påminnelse: %(title)s"), True)
EVENT_CANCELLED = ("event_cancelled", _("Inställd: %(title)s"), False)


def _base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL


def _send(registration: Registration, kind: tuple, *, subject=None, **extra) -> None:
    template, default_subject, with_calendar = kind
    event = registration.event
    with translation.override(event.locale.language_code):
        context = {
            **extra,
            "registration": registration,
            "event": event,
            "event_url": event_url(event, _base_url()),
            "manage_url": urljoin(_base_url(), registration_manage_path(registration)),
            "platform_name": settings.WAGTAIL_SITE_NAME,
        }
        message = EmailMessage(
            subject=str(subject or default_subject) % {"title": event.title},
            body=render_to_string(f"events/email/{template}.txt", context),
            to=[registration.email],
        )
    if with_calendar:
        message.attach(
            f"{slugify(event.title) or 'traff'}.ics",
            calendar_bytes([event], _base_url(), name=event.title, with_online_link=True),
            "text/calendar",
        )
    message.send()


def send_registration_received(registration: Registration) -> None:
    confirmed = registration.status == Registration.Status.CONFIRMED
    _send(registration, CONFIRMED if confirmed else WAITLISTED)


def send_promoted(registration: Registration) -> None:
    _send(registration, PROMOTED)


def send_cancelled(registration: Registration) -> None:
    _send(registration, CANCELLED)


def send_reminder(registration: Registration) -> None:
    _send(registration, REMINDER)


def send_message(registration: Registration, subject: str, body: str) -> None:
    # The organisers' own subject, with the meeting's title after it.
    _send(
        registration,
        ("message", "", False),
        subject=subject.replace("%", "%%") + " – %(title)s",
        message=body,
    )


def send_event_cancelled(registration: Registration, reason: str) -> None:
    _send(registration, EVENT_CANCELLED, reason=reason)
