"""Reads: meetings for the listing and feeds, places left, a person's registrations."""

from django.db.models import QuerySet
from django.utils import timezone

from omstallning.core.models import Municipality

from .models import EventPage, EventTheme, Feedback, Registration


def events_under(index_page, *, theme: str = "", municipality: str = "", format: str = ""):
    events = EventPage.objects.live().public().descendant_of(index_page).specific()
    if theme:
        events = events.filter(theme__slug=theme)
    if municipality:
        events = events.filter(municipality__code=municipality)
    if format:
        events = events.filter(format=format)
    return events.select_related("theme", "municipality")


def upcoming(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    return events.filter(ends_at__gte=timezone.now()).order_by("starts_at")


def past(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    return events.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


def themes_in_use(index_page) -> QuerySet[EventTheme]:
    ids = EventPage.objects.descendant_of(index_page).values("theme_id")
    return EventTheme.objects.filter(pk__in=ids)


def municipalities_in_use(index_page) -> QuerySet[Municipality]:
    ids = EventPage.objects.descendant_of(index_page).values("municipality_id")
    return Municipality.objects.filter(pk__in=ids).order_by("name")


def confirmed_count(event: EventPage) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def places_left(event: EventPage) -> int | None:
    if event.capacity is None:
        return None
    return max(event.capacity - confirmed_count(event), 0)


def waiting_position(registration: Registration) -> int | None:
    if registration.status != Registration.Status.WAITLISTED:
        return None
    ahead = registration.event.registrations.filter(
        status=Registration.Status.WAITLISTED, created_at__lt=registration.created_at
    ).count()
    return ahead + 1


def may_give_feedback(registration: Registration) -> bool:
    return (
        registration.status == Registration.Status.CONFIRMED
        and registration.event.is_past
        and not Feedback.objects.filter(registration=registration).exists()
    )


def feedback_summary(event: EventPage) -> dict:
    answers = event.feedback.all()
    ratings = [answer.rating for answer in answers]
    return {
        "count": len(ratings),
        "average": round(sum(ratings) / len(ratings), 1) if ratings else None,
        "answers": answers,
    }
