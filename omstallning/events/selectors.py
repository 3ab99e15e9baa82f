"""Reads: meetings for the listing and feeds, places left, a person's registrations."""

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from wagtail.models import Locale

from omstallning.core.models import Municipality

from .models import EventIndexPage, EventPage, EventTheme, Feedback, Registration


def _meetings_of(index_page: EventIndexPage) -> QuerySet[EventPage]:
    """The meetings a Träffpunkt page lists: its own, and where it is a translation (the English
    page), the original language's meetings that have no version in its language. Those are
    shown as they are, marked as in Swedish, rather than not at all."""
    under = Q(path__startswith=index_page.path, depth__gt=index_page.depth)
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if default is not None and index_page.locale_id != default.pk:
        original = index_page.get_translation_or_none(default)
        if original is not None and original.live:
            translated = EventPage.objects.live().filter(locale_id=index_page.locale_id)
            under |= Q(path__startswith=original.path, depth__gt=original.depth) & ~Q(
                translation_key__in=translated.values("translation_key")
            )
    return EventPage.objects.live().public().filter(under)


def events_under(index_page, *, theme: str = "", municipality: str = "", format: str = ""):
    events = _meetings_of(index_page)
    if theme:
        events = events.filter(theme__slug=theme)
    if municipality:
        events = events.filter(municipality__code=municipality)
    if format:
        events = events.filter(format=format)
    return events.select_related("theme", "municipality", "locale").annotate(
        confirmed_count=Count("registrations", filter=Q(registrations__status="confirmed"))
    )


def upcoming(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    return events.filter(ends_at__gte=timezone.now()).order_by("starts_at")


def past(events: QuerySet[EventPage]) -> QuerySet[EventPage]:
    return events.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


def themes_in_use(index_page) -> QuerySet[EventTheme]:
    ids = _meetings_of(index_page).values("theme_id")
    return EventTheme.objects.filter(pk__in=ids)


def municipalities_in_use(index_page) -> QuerySet[Municipality]:
    ids = _meetings_of(index_page).values("municipality_id")
    return Municipality.objects.filter(pk__in=ids).order_by("name")


def confirmed_count(event: EventPage) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def places_left(event: EventPage) -> int | None:
    return event.places_left


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


def person_registrations(email: str) -> QuerySet[Registration]:
    """A person's registrations not yet anonymised, found by their e-mail address."""
    return Registration.objects.filter(
        email__iexact=email.strip(), anonymised_at__isnull=True
    ).select_related("event", "municipality")


def person_registration_data(email: str) -> list[dict]:
    """A person's registrations as plain data, for their copy under GDPR article 15."""
    return [
        {
            "meeting": registration.event.title,
            "starts_at": registration.event.starts_at,
            "status": registration.status,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "municipality": registration.municipality.name if registration.municipality else "",
            "food_needs": registration.food_needs,
            "accessibility_needs": registration.accessibility_needs,
            "registered_at": registration.created_at,
            "attended_at": registration.attended_at,
        }
        for registration in person_registrations(email)
    ]
