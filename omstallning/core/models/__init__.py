from .pages import (
    AboutProjectPage,
    FocusAreaContact,
    FocusAreaPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from .region import ContactPerson, LongTermGoal, Municipality, Organisation, Region
from .sdg import SdgGoal, SdgIndicator, SdgTarget, SustainabilityDimension
from .site_settings import PlatformSettings

__all__ = [
    "AboutProjectPage",
    "ContactPerson",
    "FocusAreaContact",
    "FocusAreaPage",
    "HomePage",
    "LongTermGoal",
    "Municipality",
    "NewsIndexPage",
    "NewsPage",
    "Organisation",
    "PlatformSettings",
    "Region",
    "SdgGoal",
    "SdgIndicator",
    "SdgTarget",
    "StandardPage",
    "SustainabilityDimension",
]
