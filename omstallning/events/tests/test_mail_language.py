"""A registrant's mail, calendar file included, is in the meeting page's language."""

import pytest
from django.core import mail
from django.utils import translation

from omstallning.events import notifications

from .factories import EventPageFactory, RegistrationFactory, english_meeting_point


@pytest.mark.parametrize(("language", "worker"), [("en", "sv"), ("sv", "en")])
def test_the_confirmation_follows_the_meetings_language(site, language, worker):
    fields = {"parent": english_meeting_point()} if language == "en" else {}
    event = EventPageFactory(title="Cirkulär ekonomi", **fields)
    registration = RegistrationFactory(event=event)

    with translation.override(worker):
        notifications.send_registration_received(registration)

    [message] = mail.outbox
    expected = {"en": "You are registered: ", "sv": "Du är anmäld: "}
    assert message.subject == expected[language] + "Cirkulär ekonomi"
    assert message.attachments[0][0].endswith(".ics")
    assert ("/en/" in message.body) == (language == "en")
