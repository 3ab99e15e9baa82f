"""Registrations: create, change, cancel, with the waiting list. One transaction each.

Capacity is never exceeded: the meeting's row is locked (SELECT … FOR UPDATE on PostgreSQL;
SQLite's IMMEDIATE transactions write one at a time) and the places are counted inside the
lock, so two people can never both take the last place.
"""

from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omstallning.core.models import Municipality

from . import notifications
from .models import EventPage, Registration

Status = Registration.Status

WINDOW_MESSAGES = {
    "not_yet": gettext_lazy("Anmälan har inte öppnat än."),
    "closed": gettext_lazy("Anmälan är stängd."),
    "past": gettext_lazy("Träffen har redan varit."),
    "cancelled": gettext_lazy("Träffen är inställd."),
}


@dataclass(frozen=True)
class RegistrationDetails:
    name: str
    email: str
    organisation: str = ""
    municipality: Municipality | None = None
    food_needs: str = ""
    accessibility_needs: str = ""


def _locked_event(event: EventPage) -> EventPage:
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def confirmed_count(event: EventPage) -> int:
    return event.registrations.filter(status=Status.CONFIRMED).count()


@transaction.atomic
def registration_create(*, event: EventPage, details: RegistrationDetails) -> Registration:
    event = _locked_event(event)
    state = event.registration_state()
    if state != "open":
        raise ValidationError(WINDOW_MESSAGES[state], code=state)
    email = details.email.strip().lower()
    if (
        event.registrations.filter(email=email, anonymised_at__isnull=True)
        .exclude(status=Status.CANCELLED)
        .exists()
    ):
        raise ValidationError(
            _("Den e-postadressen är redan anmäld till träffen. Se länken i bekräftelsen."),
            code="duplicate",
        )
    has_place = event.capacity is None or confirmed_count(event) < event.capacity
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event,
                status=Status.CONFIRMED if has_place else Status.WAITLISTED,
                name=details.name.strip(),
                email=email,
                organisation=details.organisation.strip(),
                municipality=details.municipality,
                food_needs=details.food_needs.strip(),
                accessibility_needs=details.accessibility_needs.strip(),
            )
    except IntegrityError as error:  # the database's own guard against a double registration
        raise ValidationError(
            _("Den e-postadressen är redan anmäld till träffen."), code="duplicate"
        ) from error
    transaction.on_commit(partial(notifications.send_registration_received, registration))
    return registration


@transaction.atomic
def registration_update(
    *, registration: Registration, details: RegistrationDetails
) -> Registration:
    """Change what the person told us. The e-mail address stays: it is their key."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_active or registration.event.is_past:
        raise ValidationError(_("Anmälan kan inte ändras längre."), code="closed")
    registration.name = details.name.strip()
    registration.organisation = details.organisation.strip()
    registration.municipality = details.municipality
    registration.food_needs = details.food_needs.strip()
    registration.accessibility_needs = details.accessibility_needs.strip()
    registration.save()
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel (or leave the waiting list). Returns whoever got the freed place, if anyone."""
    event = _locked_event(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if not registration.is_active:
        return None
    had_place = registration.status == Status.CONFIRMED
    registration.status = Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["status", "cancelled_at", "updated_at"])
    transaction.on_commit(partial(notifications.send_cancelled, registration))
    if had_place and not event.is_past:
        return _promote_next(event)
    return None


def _promote_next(event: EventPage) -> Registration | None:
    if event.capacity is not None and confirmed_count(event) >= event.capacity:
        return None
    first = (
        event.registrations.select_for_update()
        .filter(status=Status.WAITLISTED)
        .order_by("created_at", "pk")
        .first()
    )
    if first is None:
        return None
    first.status = Status.CONFIRMED
    first.promoted_at = timezone.now()
    first.save(update_fields=["status", "promoted_at", "updated_at"])
    transaction.on_commit(partial(notifications.send_promoted, first))
    return first
