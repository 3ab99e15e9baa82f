"""Site search over live pages in the active language."""

import re
import unicodedata
from collections.abc import Sequence

from wagtail.models import Locale, Page
from wagtail.search.query import And, Not, Or, PlainText, SearchQuery
from wagtail.search.utils import parse_query_string

SEARCH_QUERY_MAX_LENGTH = 200
# More is never read: ten a page, and nobody pages past a hundred.
SITE_SEARCH_LIMIT = 1000

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


class RankedPages(Sequence):
    """Pages by their ids, best first, fetched (as their specific type) a slice at a time, so
    that a paginator reads only the page it shows."""

    def __init__(self, ids: list[int]) -> None:
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if isinstance(index, slice):
            chosen = self.ids[index]
            pages = {page.pk: page for page in Page.objects.filter(pk__in=chosen).specific()}
            return [pages[pk] for pk in chosen if pk in pages]
        return self[index : index + 1 or None][0]


def search_pages(text: str) -> RankedPages:
    """Live, public pages in the active language that contain every word of the text, as a
    whole word or as the beginning of a word, best first."""
    from .search_ranking import ranked_ids

    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    if not clean_search_text(text):
        return RankedPages([])
    return RankedPages(ranked_ids(pages, text, SITE_SEARCH_LIMIT))


def prefix_text(text: str) -> str:
    """The words of a search, for matching beginnings of words (autocomplete). Swedish joins
    words into compounds, so "energi" should also find "energikartläggning"."""
    return " ".join(re.findall(r"\w+", text)[:10])
