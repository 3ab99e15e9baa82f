from .items import (
    GoodExamplePage,
    KnowledgeIndexPage,
    KnowledgeItemPage,
    MethodPage,
    ReportPage,
    ToolPage,
)
from .taxonomy import Audience, CompanySize, KnowledgeTheme, SniSection

__all__ = [
    "Audience",
    "CompanySize",
    "GoodExamplePage",
    "KnowledgeIndexPage",
    "KnowledgeItemPage",
    "KnowledgeTheme",
    "MethodPage",
    "ReportPage",
    "SniSection",
    "ToolPage",
]
