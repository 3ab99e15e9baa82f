from .items import (
    GoodExamplePage,
    KnowledgeIndexPage,
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
