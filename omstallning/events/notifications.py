"""E-mails to people who register: sent through the task queue after the change commits,
in the language of the meeting's page.

Anyone can register any address, so these mails carry only the platform's and the organisers'
own texts, never anything the registrant typed: otherwise a stranger could make the platform
deliver their words to someone else's inbox.
"""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.utils.functional import Promise
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from omstallning.core.mail import send_templated

from .calendar import calendar_bytes, event_url
from .links import registration_manage_path
from .models import Registration


@dataclass(frozen=True)
class Kind:
    subject: Promise | str  # with %(title)s; empty when the organisers write their own
    with_calendar: bool


# Every mail a registrant can get; the key is also the template's name.
KINDS: dict[str, Kind] = {
    "confirmed": Kind(_("Du är anmäld: %(title)s"), with_calendar=True),
    "waitlisted": Kind(_("Du står på väntelistan: %(title)s"), with_calendar=False),
    "promoted": Kind(_("Du har fått en plats: %(title)s"), with_calendar=True),
    "cancelled": Kind(_("Din anmälan är borttagen: %(title)s"), with_calendar=False),
    "reminder": Kind(_("Påminnelse: %(title)s"), with_calendar=True),
    "message": Kind("", with_calendar=False),
    "event_cancelled": Kind(_("Inställd: %(title)s"), with_calendar=False),
}


def _base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL


def _send(registration: Registration, kind: str, *, subject: str | None = None, **extra) -> None:
    spec = KINDS[kind]
    event = registration.event

    def context() -> dict:
        # The registration itself stays out of the templates' reach, so that none of them
        # can echo what the registrant typed.
        return {
            **extra,
            "event": event,
            "with_online_link": registration.status == Registration.Status.CONFIRMED,
            "event_url": event_url(event, _base_url()),
            "manage_url": urljoin(_base_url(), registration_manage_path(registration)),
        }

    def calendar() -> list:
        if not spec.with_calendar:
            return []
        return [
            (
                f"{slugify(event.title) or 'traff'}.ics",
                calendar_bytes([event], _base_url(), name=event.title, with_online_link=True),
                "text/calendar",
            )
        ]

    send_templated(
        to=registration.email,
        subject=subject or spec.subject,
        subject_values={"title": event.title},
        template=f"events/email/{kind}.txt",
        context=context,
        language=event.locale.language_code,
        attachments=calendar,
    )


def send_registration_received(registration: Registration) -> None:
    confirmed = registration.status == Registration.Status.CONFIRMED
    _send(registration, "confirmed" if confirmed else "waitlisted")


def send_promoted(registration: Registration) -> None:
    _send(registration, "promoted")


def send_cancelled(registration: Registration) -> None:
    _send(registration, "cancelled")


def send_reminder(registration: Registration) -> None:
    _send(registration, "reminder")


def send_message(registration: Registration, subject: str, body: str) -> None:
    # The organisers' own subject, with the meeting's title after it.
    _send(
        registration,
        "message",
        subject=subject.replace("%", "%%") + " – %(title)s",
        message=body,
    )


def send_event_cancelled(registration: Registration, reason: str) -> None:
    _send(registration, "event_cancelled", reason=reason)
