"""Factories for the contact app's data: the forms as people fill them in, messages,
subscribers, pages with the contact form, the platform's contact channels and meetings."""

import time
import uuid
from datetime import timedelta
from unittest import mock

import factory
from django.apps import apps
from django.core import signing
from django.utils import timezone
from wagtail.models import Page, Site

from omstallning.contact.forms import STAMP_SALT
from omstallning.contact.models import (
    ContactMessage,
    ContactPage,
    RecipientKind,
    Subscription,
    Topic,
)
from omstallning.core.models import ContactPerson, PlatformSettings
from omstallning.core.tests.factories import PublishedPageFactory, locale, site_skeleton, translate

# The platform's name and channels as a region fills them in under Plattformsinställningar.
# Under .example, a domain that never receives mail.
PLATFORM_NAME = "Omställning Testlän"
GENERAL_ADDRESS = "kontakt@testregion.example"
DPO_ADDRESS = "dataskyddsombud@testregion.example"
PLATFORM_CHANNELS = {
    "platform_name": PLATFORM_NAME,
    "postal_address": "123 45 Teststad",
    "contact_phone": "021-12 34 50",
    "contact_email": GENERAL_ADDRESS,
    "dpo_email": DPO_ADDRESS,
    "is_example_data": True,
}


def platform_settings(site: Site, **fields) -> PlatformSettings:
    """The site's PlatformSettings with the channels above, or the fields given instead."""
    platform = PlatformSettings.for_site(site)
    for name, value in {**PLATFORM_CHANNELS, **fields}.items():
        setattr(platform, name, value)
    platform.save()
    return platform


def body(*blocks: tuple[str, object]) -> list[dict]:
    """A page's StreamField content from (block type, value) pairs, as stored."""
    return [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]


def contacts(heading: str, people: list[ContactPerson]) -> tuple[str, dict]:
    """A body block listing contact cards."""
    return ("contacts", {"heading": heading, "people": [person.pk for person in people]})


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
    recipient_name = PLATFORM_NAME
    delivered_to = GENERAL_ADDRESS
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


class ContactPageFactory(PublishedPageFactory):
    """A published page with the contact form, at /kontakt/ unless told otherwise; asking
    twice for the same parent and slug gives the same page."""

    class Meta:
        model = ContactPage
        django_get_or_create = ["parent", "slug"]

    title = "Kontakt"
    slug = "kontakt"
    intro = ""
    show_in_menus = True


# Träffpunkt hållbarhet. The contact app may not import the events app (they are independent
# domains): the models are looked up by name, as the announcements do.
MEETING_POINT_SLUG = "traffpunkt-hallbarhet"


def meeting_point() -> Page:
    """The site's Träffpunkt hållbarhet under the Swedish home page (/traffpunkt-hallbarhet/),
    made the first time a test asks for it."""
    event_index = apps.get_model("events", "EventIndexPage")
    home = site_skeleton().home
    existing = event_index.objects.child_of(home).filter(slug=MEETING_POINT_SLUG).first()
    if existing is not None:
        return existing
    page = home.add_child(
        instance=event_index(
            title="Träffpunkt hållbarhet",
            slug=MEETING_POINT_SLUG,
            intro="Kommande träffar och dokumentation från genomförda träffar.",
            show_in_menus=True,
        )
    )
    page.save_revision().publish()
    return page


def english_meeting_point() -> Page:
    """Its English translation at /en/meeting-point-sustainability/, made when first asked for."""
    swedish = meeting_point()
    english = swedish.get_translation_or_none(locale("en"))
    if english is None:
        english = translate(
            swedish, "en", title="Meeting point sustainability", slug="meeting-point-sustainability"
        )
    return english.specific


def meeting(title: str, *, starts_at=None, **fields):
    """A meeting published under Träffpunkt hållbarhet, a week from now."""
    event_page = apps.get_model("events", "EventPage")
    starts_at = starts_at or timezone.now() + timedelta(days=7)
    page = event_page(
        title=title,
        slug=title.lower().replace(" ", "-"),
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        format="on_site",
        address="Stora gatan 1, Teststad",
        **fields,
    )
    meeting_point().add_child(instance=page)
    page.save_revision().publish()
    return page
