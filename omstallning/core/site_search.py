"""Site search over live pages in the active language."""

import re
import unicodedata

from django.db.models import QuerySet
from wagtail.models import Locale, Page
from wagtail.search.query import And, Not, Or, PlainText, SearchQuery
from wagtail.search.utils import parse_query_string

SEARCH_QUERY_MAX_LENGTH = 200

# The PostgreSQL backend splits plain text on these and fails on a part with no words left.
_TERM_SEPARATORS = re.compile(r"[\s\-]+")


def clean_search_text(raw: str) -> str:
    # Control characters mean nothing in a search, and a NUL breaks the database's query.
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in raw)
    return text.strip()[:SEARCH_QUERY_MAX_LENGTH]


def _without_empty_parts(query: SearchQuery) -> SearchQuery | None:
    if isinstance(query, PlainText):
        return query if _TERM_SEPARATORS.sub("", query.query_string) else None
    if isinstance(query, Not):
        subquery = _without_empty_parts(query.subquery)
        return Not(subquery) if subquery is not None else None
    if isinstance(query, (And, Or)):
        parts = [part for part in map(_without_empty_parts, query.subqueries) if part is not None]
        if len(parts) <= 1:
            return parts[0] if parts else None
        return type(query)(parts)
    return query


def parsed_query(text: str) -> SearchQuery | None:
    """The search as the backend takes it, or None when there is no word to look for."""
    _filters, parsed = parse_query_string(text, operator="and")
    return _without_empty_parts(parsed)


def search_pages(text: str) -> QuerySet[Page]:
    """Live, public pages in the active language that contain every word of the text."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
    query = parsed_query(text)
    if query is None:
        return pages.none()
    return pages.search(query, operator="and")


def prefix_text(text: str) -> str:
    """The words of a search, for matching beginnings of words (autocomplete). Swedish joins
    words into compounds, so "energi" should also find "energikartläggning"."""
    return " ".join(re.findall(r"\w+", text)[:10])
