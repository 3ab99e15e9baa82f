"""Registrations: create, change, cancel, with the waiting list. One transaction each.

Capacity is never exceeded: the meeting's row is locked (SELECT … FOR UPDATE on PostgreSQL;
SQLite's IMMEDIATE transactions write one at a time) and the places are counted inside the
lock, so two people can never both take the last place.

The public writes (registering, changing, cancelling one's own registration) have no acting
user. The organisers' writes take the `user`, check the permission and leave an entry in
Wagtail's log, which the page's history in the admin shows.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from omstallning.core.models import Municipality
from omstallning.core.typing import Account

from . import exports, notifications, selectors
from .models import EventPage, Feedback, Registration
from .permissions import can_handle_person_data, can_manage_participants, can_view_participants

Status = Registration.Status

# Wagtail log actions (labels in wagtail_hooks.register_events_log_actions).
CHECKED_IN = "events.check_in"
CHECK_IN_UNDONE = "events.check_in_undone"
MESSAGE_SENT = "events.message_sent"
EVENT_CANCELLED = "events.event_cancelled"
PERSON_DATA_ERASED = "events.person_data_erased"
PERSON_DATA_HANDED_OUT = "events.person_data_handed_out"
PARTICIPANTS_EXPORTED = "events.participants_exported"

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
    has_place = event.capacity is None or selectors.confirmed_count(event) < event.capacity
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
    if event.capacity is not None and selectors.confirmed_count(event) >= event.capacity:
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


ANONYMISED_EMAIL = "anonymiserad-{pk}@invalid"


@transaction.atomic
def registrations_anonymise(registrations) -> int:
    """Remove everything that points to a person; keep status, municipality and attendance,
    so that the counts stay. Returns how many were anonymised."""
    now = timezone.now()
    count = 0
    # Lock the rows alone: the caller's query may join nullable relations (FOR UPDATE can't).
    chosen = Registration.objects.filter(pk__in=registrations.values("pk"))
    for registration in chosen.select_for_update().filter(anonymised_at__isnull=True):
        registration.name = ""
        registration.email = ANONYMISED_EMAIL.format(pk=registration.pk)
        registration.organisation = ""
        registration.food_needs = ""
        registration.accessibility_needs = ""
        registration.anonymised_at = now
        registration.save()
        count += 1
    return count


def registrations_anonymise_expired(*, now=None) -> int:
    """Anonymise registrations for meetings that ended more than the retention period ago."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.EVENT_REGISTRATION_RETENTION_DAYS)
    return registrations_anonymise(Registration.objects.filter(event__ends_at__lt=cutoff))


def person_data_export(*, email: str, user: Account) -> list[dict]:
    """A person's registrations, handed out on request (GDPR article 15). Each meeting's log
    says how many of its registrations were handed out and by whom, never whose they were."""
    if not can_handle_person_data(user):
        raise PermissionDenied(_("Du får inte lämna ut någons anmälningar."))
    data = selectors.person_registration_data(email)
    _log_per_event(selectors.person_registrations(email), action=PERSON_DATA_HANDED_OUT, user=user)
    return data


def participants_export(*, event: EventPage, user: Account, file_format: str) -> bytes:
    """The meeting's participant list (xlsx or csv), in the meeting's log."""
    if not can_view_participants(user):
        raise PermissionDenied(_("Du får inte se deltagarna."))
    if file_format == "xlsx":
        content = exports.participants_xlsx(event)
    else:
        content = exports.participants_csv(event)
    log(instance=event, action=PARTICIPANTS_EXPORTED, user=user, data={"format": file_format})
    return content


def _log_per_event(registrations: QuerySet[Registration], *, action: str, user: Account) -> None:
    per_event: dict[int, int] = {}
    for event_id in registrations.values_list("event_id", flat=True):
        per_event[event_id] = per_event.get(event_id, 0) + 1
    for event in EventPage.objects.filter(pk__in=per_event):
        log(instance=event, action=action, user=user, data={"registrations": per_event[event.pk]})


@transaction.atomic
def person_data_erase(*, email: str, user: Account) -> int:
    """Anonymise every registration from the address (GDPR article 17). Each meeting's log
    says how many of its registrations went and who erased them, never whose they were."""
    if not can_handle_person_data(user):
        raise PermissionDenied(_("Du får inte radera någons anmälningar."))
    if not email.strip():
        raise ValidationError(_("Ange en e-postadress."), code="empty")
    found = selectors.person_registrations(email)
    _log_per_event(found, action=PERSON_DATA_ERASED, user=user)  # before they lose their email
    return registrations_anonymise(found)


def _require_organiser(user: Account) -> None:
    if not can_manage_participants(user):
        raise PermissionDenied(_("Du får inte ändra deltagarna i den här träffen."))


@transaction.atomic
def registration_check_in(
    *, registration: Registration, user: Account, attended: bool
) -> Registration:
    _require_organiser(user)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Status.CONFIRMED:
        raise ValidationError(_("Bara den som har en plats kan checkas in."), code="status")
    registration.attended_at = timezone.now() if attended else None
    registration.save(update_fields=["attended_at", "updated_at"])
    log(
        instance=registration.event.specific,
        action=CHECKED_IN if attended else CHECK_IN_UNDONE,
        user=user,
        data={"registration": registration.pk},
    )
    return registration


@transaction.atomic
def event_message_send(
    *,
    event: EventPage,
    user: Account,
    subject: str,
    body: str,
    include_waiting: bool = False,
) -> int:
    """A message from the organisers to everyone registered. Returns how many it went to."""
    _require_organiser(user)
    if not subject.strip() or not body.strip():
        raise ValidationError(_("Skriv både ämne och meddelande."), code="empty")
    statuses = [Status.CONFIRMED, Status.WAITLISTED] if include_waiting else [Status.CONFIRMED]
    recipients = list(event.registrations.filter(status__in=statuses, anonymised_at__isnull=True))
    for registration in recipients:
        transaction.on_commit(
            partial(notifications.send_message, registration, subject.strip(), body.strip())
        )
    log(
        instance=event,
        action=MESSAGE_SENT,
        user=user,
        data={
            "subject": subject.strip(),
            "recipients": len(recipients),
            "include_waiting": include_waiting,
        },
    )
    return len(recipients)


@transaction.atomic
def event_cancel(*, event: EventPage, user: Account, reason: str) -> int:
    """Cancel the meeting and tell everyone registered or waiting. Returns how many were told."""
    _require_organiser(user)
    event = _locked_event(event)
    if event.is_cancelled:
        raise ValidationError(_("Träffen är redan inställd."), code="cancelled")
    if not reason.strip():
        raise ValidationError(_("Skriv varför träffen ställs in."), code="reason")
    event.cancelled_at = timezone.now()
    # A page save would make a new revision; this is a state change, not an edit.
    EventPage.objects.filter(pk=event.pk).update(cancelled_at=event.cancelled_at)
    told = list(
        event.registrations.exclude(status=Status.CANCELLED).filter(anonymised_at__isnull=True)
    )
    for registration in told:
        transaction.on_commit(
            partial(notifications.send_event_cancelled, registration, reason.strip())
        )
    log(
        instance=event,
        action=EVENT_CANCELLED,
        user=user,
        data={"reason": reason.strip(), "told": len(told)},
    )
    return len(told)


def reminders_send(*, now=None) -> int:
    """Remind everyone with a place, once, during the day before the meeting."""
    now = now or timezone.now()
    due = Registration.objects.filter(
        status=Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        anonymised_at__isnull=True,
        event__cancelled_at__isnull=True,
        event__starts_at__gt=now,
        event__starts_at__lte=now + timedelta(days=1),
    ).select_related("event")
    sent = 0
    for registration in due:
        with transaction.atomic():
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if claimed:  # another worker may have taken it meanwhile
                transaction.on_commit(partial(notifications.send_reminder, registration))
                sent += 1
    return sent


@transaction.atomic
def feedback_submit(
    *, registration: Registration, rating: int, useful: str = "", improve: str = ""
) -> Feedback:
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status != Status.CONFIRMED or not registration.event.is_past:
        raise ValidationError(
            _("Synpunkter kan lämnas av deltagarna när träffen har varit."), code="not_yet"
        )
    if Feedback.objects.filter(registration=registration).exists():
        raise ValidationError(_("Tack, du har redan lämnat synpunkter."), code="duplicate")
    return Feedback.objects.create(
        event=registration.event,
        registration=registration,
        rating=rating,
        useful=useful.strip(),
        improve=improve.strip(),
    )
