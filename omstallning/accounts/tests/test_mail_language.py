"""Account mail is in the person's language, stored at sign-up, never the task worker's."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from omstallning.accounts import notifications

from .factories import UserFactory
from .test_sign_up import form

ADDED = {
    "en": "A sign-in method was added to your account",
    "sv": "En inloggningsmetod lades till på ditt konto",
}
CONFIRM = {"en": "Confirm your account on ", "sv": "Bekräfta ditt konto på "}


@pytest.mark.parametrize("language", ["en", "sv"])
def test_sign_up_keeps_the_language_and_later_mail_uses_it(client, site, language):
    with translation.override(language):
        path = reverse("accounts:sign_up")
    client.post(path, form())

    user = get_user_model().objects.get(email="sara@exempel.se")
    assert UserProfile.get_for_user(user).preferred_language == language
    [message] = mail.outbox
    assert message.subject.startswith(CONFIRM[language])

    mail.outbox.clear()
    with translation.override("sv" if language == "en" else "en"):
        notifications.send_device_change(user, added=True, device_name="Telefon")
    assert mail.outbox[0].subject == ADDED[language]


def test_without_a_stored_language_the_mail_is_in_the_sites_first(db):
    user = UserFactory(email="anna@example.org")
    with translation.override("en"):
        notifications.send_device_change(user, added=False, device_name="Telefon")
    assert mail.outbox[0].subject == "En inloggningsmetod togs bort från ditt konto"
