"""Registration rules: capacity, waiting list, promotion, duplicates, the window, e-mails."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from omstallning.events import services
from omstallning.events.models import Registration
from omstallning.events.services import RegistrationDetails

from .factories import EventPageFactory

Status = Registration.Status


def register(event, email, name="Anna Andersson"):
    return services.registration_create(
        event=event, details=RegistrationDetails(name=name, email=email)
    )


def test_places_then_the_waiting_list(site, django_capture_on_commit_callbacks):
    event = EventPageFactory(capacity=2)

    with django_capture_on_commit_callbacks(execute=True):
        first = register(event, "a@example.org")
        second = register(event, "b@example.org")
        third = register(event, "c@example.org")

    assert [first.status, second.status, third.status] == [
        Status.CONFIRMED,
        Status.CONFIRMED,
        Status.WAITLISTED,
    ]
    subjects = [message.subject for message in mail.outbox]
    assert subjects == [
        f"Du är anmäld: {event.title}",
        f"Du är anmäld: {event.title}",
        f"Du står på väntelistan: {event.title}",
    ]
    assert mail.outbox[0].attachments[0][2] == "text/calendar"
    assert mail.outbox[2].attachments == []


def test_cancelling_a_place_promotes_the_first_in_line_and_tells_them(
    site, django_capture_on_commit_callbacks
):
    event = EventPageFactory(capacity=1)
    holder = register(event, "a@example.org")
    first_in_line = register(event, "b@example.org")
    second_in_line = register(event, "c@example.org")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        promoted = services.registration_cancel(registration=holder)

    assert promoted == first_in_line
    first_in_line.refresh_from_db()
    second_in_line.refresh_from_db()
    assert first_in_line.status == Status.CONFIRMED
    assert first_in_line.promoted_at is not None
    assert second_in_line.status == Status.WAITLISTED
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    promoted_mail = next(m for m in mail.outbox if m.to == ["b@example.org"])
    assert promoted_mail.subject == f"Du har fått en plats: {event.title}"
    assert promoted_mail.attachments[0][0].endswith(".ics")


def test_leaving_the_waiting_list_promotes_nobody(site):
    event = EventPageFactory(capacity=1)
    register(event, "a@example.org")
    waiting = register(event, "b@example.org")

    assert services.registration_cancel(registration=waiting) is None
    assert event.registrations.filter(status=Status.CONFIRMED).count() == 1


def test_the_same_address_cannot_register_twice_but_may_again_after_cancelling(site):
    event = EventPageFactory(capacity=5)
    first = register(event, "Anna@Example.org")

    with pytest.raises(ValidationError, match="redan anmäld"):
        register(event, "anna@example.org ")
    services.registration_cancel(registration=first)
    again = register(event, "anna@example.org")

    assert again.status == Status.CONFIRMED


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "inte öppnat"),
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "stängd"),
        (
            {
                "starts_at": timezone.now() - timedelta(hours=1),
                "ends_at": timezone.now() + timedelta(hours=1),
            },
            "redan varit",
        ),
    ],
)
def test_outside_the_window_gets_a_clear_message(site, changes, message):
    event = EventPageFactory(**changes)

    with pytest.raises(ValidationError, match=message):
        register(event, "a@example.org")
    assert not event.registrations.exists()


def test_without_a_capacity_everyone_gets_a_place(site):
    event = EventPageFactory(capacity=None)

    statuses = {register(event, f"p{n}@example.org").status for n in range(5)}

    assert statuses == {Status.CONFIRMED}


@given(
    capacity=st.integers(min_value=0, max_value=4),
    actions=st.lists(
        st.tuples(st.sampled_from(["register", "cancel"]), st.integers(0, 6)), max_size=14
    ),
)
def test_capacity_is_never_exceeded_and_the_line_is_kept(site, capacity, actions):
    """Any sequence of registrations and cancellations: never more confirmed than places, and
    nobody waits while a place is free."""
    event = EventPageFactory(capacity=capacity)
    for action, person in actions:
        email = f"p{person}@example.org"
        active = event.registrations.exclude(status=Status.CANCELLED).filter(email=email).first()
        if action == "register" and active is None:
            register(event, email)
        elif action == "cancel" and active is not None:
            services.registration_cancel(registration=active)

        confirmed = event.registrations.filter(status=Status.CONFIRMED).count()
        waiting = event.registrations.filter(status=Status.WAITLISTED).count()
        assert confirmed <= capacity
        assert waiting == 0 or confirmed == capacity
