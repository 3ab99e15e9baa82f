from datetime import timedelta

import factory
from django.utils import timezone
from wagtail.models import Page

from omstallning.events.models import EventIndexPage, EventPage


def meeting_point() -> EventIndexPage:
    return EventIndexPage.objects.filter(locale__language_code="sv").first()


class EventPageFactory(factory.django.DjangoModelFactory):
    """A published meeting under the demo's Träffpunkt hållbarhet, a week from now."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Testträff {n}")
    slug = factory.Sequence(lambda n: f"testtraff-{n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + timedelta(hours=2))
    format = EventPage.Format.ON_SITE
    venue = "Regionhuset"
    address = "Stora gatan 1, Västerås"
    capacity = 2

    @classmethod
    def _create(cls, model_class, *args, parent: Page | None = None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or meeting_point()).add_child(instance=page)
        page.save_revision().publish()
        return page
