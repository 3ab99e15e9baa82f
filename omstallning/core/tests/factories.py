"""Factories for the core app's data. Codes stay clear of the demo region's (19, 19xx)."""

from dataclasses import dataclass

import factory
import wagtail_factories
from django.db.models.signals import post_save
from factory.django import mute_signals
from wagtail.models import Locale, Page, Site

from omstallning.core.models import (
    AboutProjectPage,
    AccessibilityStatementPage,
    ContactPerson,
    FocusAreaPage,
    HomePage,
    Municipality,
    NewsIndexPage,
    NewsPage,
    Organisation,
    Region,
    StandardPage,
)


def locale(language_code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=language_code)[0]


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page published with a first revision, as an editor's "Publicera" leaves it.

    Without `parent` it goes under the Swedish home page of the test's site.
    """

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = site_skeleton().home
        with _indexed_when_published():
            page = super()._create(model_class, *args, **kwargs)
            revision = page.save_revision() if page.latest_revision is None else None
        if revision is not None:  # not a page that get-or-create found
            revision.publish()
        return page


def _indexed_when_published():
    """Every save of a page updates its search and reference index entries; the saves
    before publishing are muted, as only the published page is looked for (this is a third
    of what a page costs to make). Publishing saves it once more, with every signal."""
    return mute_signals(post_save)


def translate(page: Page, language_code: str, **fields) -> Page:
    """The page copied into another language with the given texts, published."""
    with _indexed_when_published():
        translated = page.specific.copy_for_translation(
            locale(language_code), copy_parents=False, alias=False
        )
        for name, value in fields.items():
            setattr(translated, name, value)
        translated.save()
        revision = translated.save_revision()
    revision.publish()
    return translated


@dataclass(frozen=True)
class SiteSkeleton:
    """What every installation has before anyone writes a page: the default site's home
    page in Swedish and its English translation."""

    site: Site
    home: "HomePage"
    home_en: "HomePage"


def site_skeleton() -> SiteSkeleton:
    """The site's home pages, made the first time a test asks for them."""
    site = Site.objects.get(is_default_site=True)
    if not isinstance(site.root_page.specific, HomePage):
        welcome = site.root_page
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Hem", slug="hem", locale=locale("sv"))
        )
        home.save_revision().publish()
        site.root_page = home
        site.site_name = "Omställningsplattformen"
        site.save()
        if welcome.specific_class is Page:  # Wagtail's placeholder welcome page
            welcome.delete()
        translate(home, "en", title="Home", slug="home")
    home = site.root_page.specific
    return SiteSkeleton(site=site, home=home, home_en=home.get_translation(locale("en")).specific)


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


class StandardPageFactory(PublishedPageFactory):
    """A published standard page under the site's Swedish home page.

    Pass parent=<page> to put it elsewhere and publish=False to keep it a draft.
    """

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Testsida {n}")
    slug = factory.Sequence(lambda n: f"testsida-{n}")
    intro = ""

    @classmethod
    def _create(cls, model_class, *args, publish=True, **kwargs):
        if publish:
            return super()._create(model_class, *args, **kwargs)
        parent = kwargs.pop("parent", None) or site_skeleton().home
        return parent.add_child(instance=model_class(*args, live=False, **kwargs))


class AboutProjectPageFactory(PublishedPageFactory):
    class Meta:
        model = AboutProjectPage
        django_get_or_create = ["parent", "slug"]

    title = "Om projektet"
    slug = "om-projektet"
    intro = "Hur regionen integrerar hållbarhet i näringslivsutvecklingen."
    show_in_menus = True


class FocusAreaPageFactory(PublishedPageFactory):
    class Meta:
        model = FocusAreaPage

    parent = factory.SubFactory(AboutProjectPageFactory)
    title = factory.Sequence(lambda n: f"Fokusområde {n + 1}")
    slug = factory.Sequence(lambda n: f"fokusomrade-{n + 1}")
    number = factory.Sequence(lambda n: n + 1)
    short_title = factory.LazyAttribute(lambda page: page.title)


class NewsIndexPageFactory(PublishedPageFactory):
    class Meta:
        model = NewsIndexPage
        django_get_or_create = ["parent", "slug"]

    title = "Nyheter"
    slug = "nyheter"
    show_in_menus = True


class NewsPageFactory(PublishedPageFactory):
    class Meta:
        model = NewsPage

    parent = factory.SubFactory(NewsIndexPageFactory)
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    slug = factory.Sequence(lambda n: f"nyhet-{n}")


class AccessibilityStatementPageFactory(PublishedPageFactory):
    class Meta:
        model = AccessibilityStatementPage

    title = "Tillgänglighetsredogörelse"
    slug = "tillganglighet"


# SCB's codes (kommunkoder) for the municipalities of Västmanlands län.
VASTMANLAND = {
    "1904": "Skinnskatteberg",
    "1907": "Surahammar",
    "1960": "Kungsör",
    "1961": "Hallstahammar",
    "1962": "Norberg",
    "1980": "Västerås",
    "1981": "Sala",
    "1982": "Fagersta",
    "1983": "Köping",
    "1984": "Arboga",
}


def region_vastmanland() -> Region:
    existing = Region.objects.filter(county_code="19").first()
    return existing or RegionFactory(
        name="Region Västmanland", county_name="Västmanlands län", county_code="19"
    )


def municipality(code: str) -> Municipality:
    """A municipality of Region Västmanland by its SCB code, made the first time it is asked
    for (the test database has none)."""
    existing = Municipality.objects.filter(code=code).first()
    return existing or MunicipalityFactory(
        region=region_vastmanland(), code=code, name=VASTMANLAND[code]
    )


def municipalities(*codes: str) -> list[Municipality]:
    return [municipality(code) for code in codes]
