"""Factories for Träffpunkt hållbarhet: the meeting point, its meetings, themes, registrations.

Meetings go under the site's Träffpunkt hållbarhet (/traffpunkt-hallbarhet/), made the first
time a test asks for it, so that every meeting of a test shares the one page.
"""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection

from omstallning.core.tests.factories import PublishedPageFactory, locale, site_skeleton, translate
from omstallning.events.models import EventIndexPage, EventPage, EventTheme, Registration

SLUG = "traffpunkt-hallbarhet"
ENGLISH_TITLE = "Meeting point sustainability"
ENGLISH_SLUG = "meeting-point-sustainability"

# A tiny valid PDF, so that documentation has a real document to download.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
    b"/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class EventIndexPageFactory(PublishedPageFactory):
    """Träffpunkt hållbarhet, published under the Swedish home page."""

    class Meta:
        model = EventIndexPage

    title = "Träffpunkt hållbarhet"
    slug = SLUG
    intro = "Kommande träffar och dokumentation från genomförda träffar."
    show_in_menus = True


def meeting_point() -> EventIndexPage:
    """The site's Träffpunkt hållbarhet in Swedish, made the first time it is asked for."""
    home = site_skeleton().home
    existing = EventIndexPage.objects.child_of(home).filter(slug=SLUG)
    return existing.first() or EventIndexPageFactory(parent=home)


def english_meeting_point() -> EventIndexPage:
    """Its English translation at /en/meeting-point-sustainability/, made when first asked for."""
    swedish = meeting_point()
    english = swedish.get_translation_or_none(locale("en"))
    if english is None:
        english = translate(swedish, "en", title=ENGLISH_TITLE, slug=ENGLISH_SLUG)
    return english.specific


class EventThemeFactory(factory.django.DjangoModelFactory):
    """A theme; asking twice for the same slug gives the same theme."""

    class Meta:
        model = EventTheme
        django_get_or_create = ("slug",)

    name_sv = factory.Sequence(lambda n: f"Testtema {n}")
    name_en = factory.LazyAttribute(lambda theme: f"Test theme ({theme.name_sv})")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name_sv))


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A small PDF in the root collection."""

    collection = factory.LazyFunction(Collection.get_first_root_node)
    title = factory.Sequence(lambda n: f"Presentation {n}")
    file = factory.django.FileField(filename="presentation.pdf", data=PDF)


def documentation(title: str) -> list:
    """What a held meeting leaves: minutes, a presentation and a recording."""
    return [
        ("minutes", "<p>Deltagarna kom fram till tre saker att arbeta vidare med.</p>"),
        ("document", {"document": DocumentFactory(title=f"Presentation: {title}"), "title": ""}),
        (
            "video",
            {
                "url": "https://www.youtube.com/watch?v=M7lc1UVf-VE",
                "title": f"Inspelning: {title}",
                "transcript": "<p>Inspelningen visar inledningen.</p>",
            },
        ),
    ]


class EventPageFactory(PublishedPageFactory):
    """A published meeting under Träffpunkt hållbarhet, a week from now, two hours long.

    `days_from_now=-30` makes a meeting that has been held; `documented=True` gives it
    documentation (minutes, a PDF and a recording). On site by default; a meeting online or
    hybrid gets a link to the online meeting, and one online no address.
    """

    class Meta:
        model = EventPage

    class Params:
        days_from_now = 7
        hours = 2
        documented = factory.Trait(
            documentation=factory.LazyAttribute(lambda event: documentation(event.title))
        )

    parent = factory.LazyFunction(meeting_point)
    title = factory.Sequence(lambda n: f"Testträff {n}")
    slug = factory.Sequence(lambda n: f"testtraff-{n}")
    starts_at = factory.LazyAttribute(
        lambda event: timezone.now() + timedelta(days=event.days_from_now)
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=event.hours))
    format = EventPage.Format.ON_SITE
    venue = factory.LazyAttribute(
        lambda event: "" if event.format == EventPage.Format.ONLINE else "Regionhuset"
    )
    address = factory.LazyAttribute(
        lambda event: "" if event.format == EventPage.Format.ONLINE else "Stora gatan 1, Västerås"
    )
    online_link = factory.LazyAttribute(
        lambda event: (
            ""
            if event.format == EventPage.Format.ON_SITE
            else "https://meet.example.org/traffpunkt"
        )
    )
    capacity = 2


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed registration, made directly (no mail, no capacity check)."""

    class Meta:
        model = Registration

    event = factory.SubFactory(EventPageFactory)
    status = Registration.Status.CONFIRMED
    name = factory.Sequence(lambda n: f"Deltagare {n}")
    email = factory.Sequence(lambda n: f"deltagare{n}@example.org")
