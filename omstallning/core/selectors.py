"""Reads for the site's shared data."""

from django.db.models import QuerySet
from wagtail.models import Locale, Page

from .models import LongTermGoal, Municipality, Region, SdgGoal, SustainabilityDimension


def long_term_goals() -> QuerySet[LongTermGoal]:
    return LongTermGoal.objects.filter(locale=Locale.get_active()).order_by("sort_order")


def municipalities_of(region: Region) -> QuerySet[Municipality]:
    return region.municipalities.order_by("name")


def menu_pages(root: Page) -> list[Page]:
    """The top-level pages of the main navigation, in the order of the site's main language.

    Each is in the active language where it has been translated, otherwise in the main
    language, so that a visitor reading English still finds every part of the site (the
    template marks those links with their language).
    """
    default_root = root.get_translation_or_none(Locale.get_default()) or root
    localized_root = root.localized

    def menu(parent: Page) -> QuerySet[Page]:
        return parent.get_children().live().public().in_menu().specific()

    if localized_root.pk == default_root.pk:
        return list(menu(default_root))
    translated = {page.translation_key: page for page in menu(localized_root)}
    pages = [translated.pop(page.translation_key, page) for page in menu(default_root)]
    return pages + list(translated.values())


def live_children(page: Page) -> QuerySet[Page]:
    return page.get_children().live().public().specific()


def sdg_names() -> dict[int, str]:
    """Each global goal's title by its number, in the active language."""
    return {goal.number: goal.title for goal in SdgGoal.objects.all()}


def dimension_names() -> dict[str, str]:
    """Each sustainability dimension's name by its code, in the active language."""
    return {dimension.code: dimension.name for dimension in SustainabilityDimension.objects.all()}
