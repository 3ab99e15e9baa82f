from .pages import (
    AboutProjectPage,
    AccessibilityStatementPage,
    FocusAreaContact,
    FocusAreaPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from .rate_limits import RateLimitWindow
from .region import ContactPerson, LongTermGoal, Municipality, Organisation, Region
from .sdg import SdgGoal, SdgIndicator, SdgTarget, SustainabilityDimension
from .site_settings import PlatformSettings
from .task_workers import TaskWorker
from .terms import Term

__all__ = [
    "AboutProjectPage",
    "AccessibilityStatementPage",
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
    "RateLimitWindow",
    "Region",
    "SdgGoal",
    "SdgIndicator",
    "SdgTarget",
    "StandardPage",
    "SustainabilityDimension",
    "TaskWorker",
    "Term",
]
