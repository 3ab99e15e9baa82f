from .bank import KnowledgeIndexPage
from .federation import FeedSubscription
from .items import (
    GoodExamplePage,
    KnowledgeItemPage,
    MethodPage,
    ReportPage,
    ToolPage,
)
from .proposals import KnowledgeProposal, KnowledgeReviewTask
from .taxonomy import Audience, CompanySize, KnowledgeTheme, SniSection

__all__ = [
    "Audience",
    "CompanySize",
    "FeedSubscription",
    "GoodExamplePage",
    "KnowledgeIndexPage",
    "KnowledgeItemPage",
    "KnowledgeProposal",
    "KnowledgeReviewTask",
    "KnowledgeTheme",
    "MethodPage",
    "ReportPage",
    "SniSection",
    "ToolPage",
]
