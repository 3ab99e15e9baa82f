"""Factories for Kunskapsbanken: the bank, its items and the terms they are tagged with (the
municipalities of Region Västmanland come from core's factories).

Items go under the site's Kunskapsbanken (/kunskapsbank/), made the first time a test asks for
it, so that every item of a test is in the one bank and the listing's counts are the test's.
Themes, goals, sectors, audiences and company sizes come from the migrations; the helpers
below look them up by the codes an address uses, and fail on a code that names nothing.
"""

import io

import factory
import wagtail_factories
from django.utils.text import slugify
from openpyxl import Workbook
from wagtail.documents.models import Document
from wagtail.models import Collection

from omstallning.core.models import SdgGoal
from omstallning.core.tests.factories import PublishedPageFactory, site_skeleton
from omstallning.knowledge.models import (
    Audience,
    CompanySize,
    GoodExamplePage,
    KnowledgeIndexPage,
    KnowledgeTheme,
    MethodPage,
    SniSection,
    ToolPage,
)

SLUG = "kunskapsbank"


class KnowledgeIndexPageFactory(PublishedPageFactory):
    """A knowledge bank, published under the Swedish home page."""

    class Meta:
        model = KnowledgeIndexPage

    title = "Kunskapsbanken"
    slug = SLUG
    intro = "Goda exempel, verktyg och metoder för hållbar näringslivsutveckling."
    show_in_menus = True


def knowledge_bank() -> KnowledgeIndexPage:
    """The site's Kunskapsbanken at /kunskapsbank/, made the first time it is asked for."""
    home = site_skeleton().home
    existing = KnowledgeIndexPage.objects.child_of(home).filter(slug=SLUG).first()
    return existing or KnowledgeIndexPageFactory(parent=home)


class KnowledgeItemFactory(PublishedPageFactory):
    """A published item; without `parent` it goes into the site's Kunskapsbanken.

    The terms are passed as lists: themes=themes("energi-och-klimat"), sdg_goals=goals(7) …
    """

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = knowledge_bank()
        return super()._create(model_class, *args, **kwargs)


class GoodExampleFactory(KnowledgeItemFactory):
    class Meta:
        model = GoodExamplePage

    title = factory.Sequence(lambda n: f"Gott exempel {n}")
    organisation_name = "Exempel AB"


class ToolFactory(KnowledgeItemFactory):
    class Meta:
        model = ToolPage

    title = factory.Sequence(lambda n: f"Verktyg {n}")


class MethodFactory(KnowledgeItemFactory):
    class Meta:
        model = MethodPage

    title = factory.Sequence(lambda n: f"Metod {n}")


def rows_named(model, field: str, values) -> list:
    """The rows named, in the order given; a value that names nothing is an error, so that a
    misspelt code cannot give an untagged item and a test that passes for the wrong reason."""
    found = {
        str(getattr(row, field)): row for row in model.objects.filter(**{f"{field}__in": values})
    }
    unknown = [str(value) for value in values if str(value) not in found]
    if unknown:
        raise ValueError(f"No {model.__name__} {', '.join(unknown)}")
    return [found[str(value)] for value in values]


def themes(*slugs: str) -> list[KnowledgeTheme]:
    return rows_named(KnowledgeTheme, "slug", slugs)


def goals(*numbers: int) -> list[SdgGoal]:
    return rows_named(SdgGoal, "number", numbers)


def sectors(*codes: str) -> list[SniSection]:
    return rows_named(SniSection, "code", codes)


def sizes(*slugs: str) -> list[CompanySize]:
    return rows_named(CompanySize, "slug", slugs)


def audiences(*slugs: str) -> list[Audience]:
    return rows_named(Audience, "slug", slugs)


def tool_workbook(title: str, steps: list[str]) -> Document:
    """A workbook for a tool to offer for download: its title, then a row per step."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([title])
    sheet.append(["Steg", "Era svar"])
    for step in steps:
        sheet.append([step, ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return wagtail_factories.DocumentFactory(
        title=title,
        collection=Collection.get_first_root_node(),
        file__filename=f"{slugify(title)}.xlsx",
        file__data=buffer.getvalue(),
    )
