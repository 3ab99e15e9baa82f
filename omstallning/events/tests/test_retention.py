"""Registrations are anonymised a configurable time after the meeting; the counts stay."""

import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from omstallning.accounts.roles import BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.events import selectors, services
from omstallning.events.links import registration_manage_path
from omstallning.events.models import EventPage, Registration

from .factories import EventPageFactory


def held_meeting(days_ago: int) -> EventPage:
    starts = timezone.now() - timedelta(days=days_ago)
    return EventPageFactory(starts_at=starts, ends_at=starts + timedelta(hours=2))


def add(event, email, status=Registration.Status.CONFIRMED, **extra):
    return Registration.objects.create(
        event=event,
        email=email,
        name="Eva Exempel",
        organisation="Exempel AB",
        food_needs="Glutenfritt",
        accessibility_needs="Rullstol",
        status=status,
        **extra,
    )


def test_old_registrations_are_anonymised_and_counts_kept(site, settings, client):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 365
    old, recent = held_meeting(400), held_meeting(100)
    kept = add(recent, "ny@example.org")
    gone = add(old, "gammal@example.org", attended_at=timezone.now() - timedelta(days=400))
    add(old, "vantade@example.org", Registration.Status.WAITLISTED)
    link = registration_manage_path(gone)

    call_command("anonymise_registrations", stdout=io.StringIO())

    gone.refresh_from_db()
    kept.refresh_from_db()
    assert (gone.name, gone.organisation, gone.food_needs, gone.accessibility_needs) == (
        "",
        "",
        "",
        "",
    )
    assert "gammal" not in gone.email and gone.anonymised_at is not None
    assert gone.attended_at is not None and gone.status == "confirmed"
    assert old.registrations.filter(status="confirmed").count() == 1
    assert old.registrations.filter(status="waitlisted").count() == 1
    assert kept.name == "Eva Exempel" and kept.anonymised_at is None
    assert client.get(link).status_code == 404  # the old link no longer opens anything


def test_staff_find_a_persons_registrations_to_export_or_erase(site):
    first, second = held_meeting(10), EventPageFactory()
    add(first, "Person@Example.org")
    add(second, "person@example.org")
    add(second, "annan@example.org")

    organiser = UserFactory(roles=[BUSINESS_DEVELOPER])

    found = selectors.person_registrations("person@example.org ")
    assert found.count() == 2
    erased = services.person_data_erase(email="person@example.org ", user=organiser)

    assert erased == 2
    assert not selectors.person_registrations("person@example.org").exists()
    assert selectors.person_registrations("annan@example.org").count() == 1
