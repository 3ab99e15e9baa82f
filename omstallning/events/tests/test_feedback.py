"""After the meeting, participants give feedback through their link; organisers see it."""

from datetime import timedelta

from django.utils import timezone

from omstallning.accounts.roles import BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.events.links import registration_manage_path
from omstallning.events.models import Feedback, Registration

from .factories import EventPageFactory


def held_meeting_with(email, status=Registration.Status.CONFIRMED):
    starts = timezone.now() - timedelta(days=2)
    event = EventPageFactory(starts_at=starts, ends_at=starts + timedelta(hours=2))
    registration = Registration.objects.create(event=event, name="Eva", email=email, status=status)
    return event, registration


def test_a_participant_gives_feedback_once_and_the_organisers_see_it(site, client):
    event, registration = held_meeting_with("eva@example.org")
    path = registration_manage_path(registration)

    form_page = client.get(path).content.decode()
    given = client.post(
        path,
        {"action": "feedback", "rating": "4", "useful": "Bra exempel.", "improve": "Längre paus."},
        follow=True,
    ).content.decode()
    again = client.get(path).content.decode()

    assert "Vad tyckte du om träffen?" in form_page
    assert "Tack för dina synpunkter!" in given
    assert "Vad tyckte du om träffen?" not in again
    assert Feedback.objects.get(event=event).rating == 4
    organiser = verified_client(UserFactory(roles=[BUSINESS_DEVELOPER]))
    summary = organiser.get(f"/admin/traffar/{event.pk}/deltagare/").content.decode()
    assert "1 svar, snittbetyg 4,0 av 5." in summary
    assert "Längre paus." in summary and "Eva" not in summary.split("Synpunkter")[1]


def test_no_feedback_before_the_meeting_or_from_the_waiting_list(site, client):
    upcoming = EventPageFactory()
    before = Registration.objects.create(
        event=upcoming, name="A", email="a@example.org", status="confirmed"
    )
    _event, waited = held_meeting_with("w@example.org", Registration.Status.WAITLISTED)

    for registration in (before, waited):
        path = registration_manage_path(registration)
        assert "Vad tyckte du om träffen?" not in client.get(path).content.decode()
        client.post(path, {"action": "feedback", "rating": "5"})
    assert not Feedback.objects.exists()


def test_feedback_without_a_rating_is_explained(site, client):
    _event, registration = held_meeting_with("eva@example.org")

    response = client.post(registration_manage_path(registration), {"action": "feedback"})

    assert response.status_code == 400
    assert "Det här fältet är obligatoriskt" in response.content.decode()
    assert not Feedback.objects.exists()
