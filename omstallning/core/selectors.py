"""Reads for the site's shared data."""

from django.db.models import QuerySet
from wagtail.models import Locale, Page

from .models import LongTermGoal, Municipality, Region


def long_term_goals() -> QuerySet[LongTermGoal]:
    return LongTermGoal.objects.filter(locale=Locale.get_active()).order_by("sort_order")


def municipalities_of(region: Region) -> QuerySet[Municipality]:
    return region.municipalities.order_by("name")


def menu_pages(root: Page) -> QuerySet[Page]:
    """The top-level pages shown in the main navigation, in the active language."""
    localized_root = root.localized
    return localized_root.get_children().live().public().in_menu().specific()


def live_children(page: Page) -> QuerySet[Page]:
    return page.get_children().live().public().specific()
