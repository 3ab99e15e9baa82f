"""Contact mail: to staff in the site's first language, to a subscriber in theirs, whatever
language the task worker has active."""

import pytest
from django.core import mail
from django.utils import translation

from omstallning.contact import notifications

from .factories import ContactMessageFactory, SubscriptionFactory


def test_a_message_to_staff_is_in_the_sites_first_language(site):
    message = ContactMessageFactory()
    with translation.override("en"):
        notifications.send_message(message)
    [sent] = mail.outbox
    assert sent.subject.startswith("Meddelande till ")
    assert sent.reply_to == [message.email]


@pytest.mark.parametrize(("language", "worker"), [("en", "sv"), ("sv", "en")])
def test_a_subscriber_is_written_to_in_their_language(site, language, worker):
    subscription = SubscriptionFactory(language=language, confirmed_at=None)
    with translation.override(worker):
        notifications.send_confirmation(subscription, "token")
    [sent] = mail.outbox
    expected = {"en": "Confirm that you want e-mail from", "sv": "Bekräfta att du vill ha e-post"}
    assert sent.subject.startswith(expected[language])
    assert ("/en/" in sent.extra_headers["List-Unsubscribe"]) == (language == "en")
