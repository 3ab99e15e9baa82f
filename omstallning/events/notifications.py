"""E-mails to people who register: sent through the task queue after the change commits."""

from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.text import slugify

from .calendar import calendar_bytes, event_url
from .links import registration_manage_path
from .models import Registration


def _base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL


def _send(
    registration: Registration,
    template: str,
    subject: str,
    *,
    with_calendar: bool,
    extra: dict | None = None,
) -> None:
    event = registration.event
    context = {
        **(extra or {}),
        "registration": registration,
        "event": event,
        "event_url": event_url(event, _base_url()),
        "manage_url": urljoin(_base_url(), registration_manage_path(registration)),
        "platform_name": settings.WAGTAIL_SITE_NAME,
    }
    message = EmailMessage(
        subject=subject % {"title": event.title},
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
    with translation.override(registration.event.locale.language_code):
        if registration.status == Registration.Status.CONFIRMED:
            _send(
                registration,
                "confirmed",
                translation.gettext("Du är anmäld: %(title)s"),
                with_calendar=True,
            )
        else:
            _send(
                registration,
                "waitlisted",
                translation.gettext("Du står på väntelistan: %(title)s"),
                with_calendar=False,
            )


def send_promoted(registration: Registration) -> None:
    with translation.override(registration.event.locale.language_code):
        _send(
            registration,
            "promoted",
            translation.gettext("Du har fått en plats: %(title)s"),
            with_calendar=True,
        )


def send_cancelled(registration: Registration) -> None:
    with translation.override(registration.event.locale.language_code):
        _send(
            registration,
            "cancelled",
            translation.gettext("Din anmälan är borttagen: %(title)s"),
            with_calendar=False,
        )


def send_reminder(registration: Registration) -> None:
    with translation.override(registration.event.locale.language_code):
        _send(
            registration,
            "reminder",
            translation.gettext("Påminnelse: %(title)s"),
            with_calendar=True,
        )


def send_message(registration: Registration, subject: str, body: str) -> None:
    with translation.override(registration.event.locale.language_code):
        _send(
            registration,
            "message",
            subject.replace("%", "%%") + " – %(title)s",
            with_calendar=False,
            extra={"message": body},
        )


def send_event_cancelled(registration: Registration, reason: str) -> None:
    with translation.override(registration.event.locale.language_code):
        _send(
            registration,
            "event_cancelled",
            translation.gettext("Inställd: %(title)s"),
            with_calendar=False,
            extra={"reason": reason},
        )
