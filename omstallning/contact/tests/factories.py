import time
from datetime import timedelta
from unittest import mock

import factory
from django.apps import apps
from django.core import signing
from django.utils import timezone

from omstallning.contact.forms import STAMP_SALT
from omstallning.contact.models import ContactMessage, RecipientKind, Subscription, Topic


def stamp(seconds_ago: float = 60) -> str:
    """The form's hidden time stamp, as if the form had been shown `seconds_ago`."""
    then = time.time() - seconds_ago
    with mock.patch("django.core.signing.time.time", return_value=then):
        return signing.dumps(int(then), salt=STAMP_SALT)


def form_data(**overrides) -> dict[str, str]:
    """A contact form as a person fills it in, a minute after the page was shown."""
    data = {
        "recipient": "allman",
        "name": "Anna Andersson",
        "email": "anna@example.org",
        "organisation": "Exempel AB",
        "topic": Topic.COOPERATION,
        "body": "Hej! Vi vill gärna samverka kring cirkulära affärsmodeller.",
        "shown": stamp(),
        "kontrollfalt": "",
    }
    data.update(overrides)
    return data


def subscription_data(**overrides) -> dict[str, str]:
    data = {
        "prenumeration-meetings": "on",
        "prenumeration-email": "lisa@example.org",
        "prenumeration-shown": stamp(),
        "prenumeration-kontrollfalt": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


class ContactMessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactMessage

    recipient_kind = RecipientKind.GENERAL
    recipient_name = "Omställning Västmanland"
    delivered_to = "omstallning@regionvastmanland.example"
    topic = Topic.COOPERATION
    name = factory.Sequence(lambda n: f"Avsändare {n}")
    email = factory.Sequence(lambda n: f"avsandare{n}@example.org")
    body = "Ett meddelande."


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber of new meetings (pass news=True, confirmed_at=None …)."""

    class Meta:
        model = Subscription

    email = factory.Sequence(lambda n: f"prenumerant{n}@example.org")
    meetings = True
    news = False
    requested_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)


def meeting(title: str, *, starts_at=None, **fields):
    """A meeting published under the demo's Träffpunkt hållbarhet, a week from now.

    The contact app may not import the events app (they are independent domains): the models
    are looked up by name, as the announcements do.
    """
    event_index = apps.get_model("events", "EventIndexPage")
    event_page = apps.get_model("events", "EventPage")
    starts_at = starts_at or timezone.now() + timedelta(days=7)
    page = event_page(
        title=title,
        slug=title.lower().replace(" ", "-"),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        format="on_site",
        address="Stora gatan 1, Västerås",
        **fields,
    )
    event_index.objects.get(locale__language_code="sv").add_child(instance=page)
    page.save_revision().publish()
    return page
