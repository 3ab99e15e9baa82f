"""Factories for the core app's data. Codes stay clear of the demo region's (19, 19xx)."""

import factory
from wagtail.models import Locale

from omstallning.core.models import (
    ContactPerson,
    HomePage,
    Municipality,
    Organisation,
    Region,
    StandardPage,
)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Testregion {n}")
    county_name = factory.LazyAttribute(lambda region: f"{region.name}s län")
    county_code = factory.Sequence(lambda n: f"{20 + n % 80:02d}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Testkommun {n}")
    code = factory.Sequence(lambda n: f"{2000 + n % 8000:04d}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Testföretaget {n} AB")
    kind = Organisation.Kind.COMPANY
    organisation_number = factory.Sequence(lambda n: f"556{n % 1000:03d}-{n % 10000:04d}")


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="sv"))
    name = factory.Sequence(lambda n: f"Kontakt Person {n}")
    role = "Näringslivsutvecklare"
    phone = "021-10 00 00"


class StandardPageFactory(factory.django.DjangoModelFactory):
    """A published standard page, by default under the Swedish demo home page.

    Pass parent=<page> to put it elsewhere and publish=False to keep it a draft.
    """

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Testsida {n}")
    slug = factory.Sequence(lambda n: f"testsida-{n}")
    intro = ""

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        if parent is None:
            parent = HomePage.objects.get(locale__language_code="sv")
        page = parent.add_child(instance=model_class(*args, live=publish, **kwargs))
        if publish:
            page.save_revision().publish()
        return page
