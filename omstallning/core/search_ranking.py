"""Ranked search ids for a queryset of pages, fast on both databases.

Swedish joins words into compounds, so a search word also finds the words it begins:
"energi" finds "Energieffektivisering", "cirkulär" finds "Cirkulära", "träff" finds
"Träffpunkt". A hit in the title counts most; a whole word counts more than a beginning.

On PostgreSQL, Wagtail's search backend ranks whole words with the Swedish configuration
(so "insatsområde" also finds "insatsområden"), and its autocomplete adds the titles that
begin with the words; pages found both ways come first. Its SQLite backend scores each match
with a correlated subquery, which takes minutes at 100 000 pages (bench/knowledge_search.py),
so on SQLite we ask the FTS5 index directly, once, and let it rank with bm25(). There every
word must match, as a whole word or as the beginning of one; quotes and minus signs are not
interpreted.
"""

import re

from django.db import DatabaseError, connection
from django.db.models import QuerySet
from modelsearch.utils import get_descendants_content_types_pks

from .site_search import parsed_query, prefix_text

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"
# bm25() weights, in the order of the FTS table's columns: autocomplete (the title, and for
# knowledge items the summary), body (every other text), title.
COLUMN_WEIGHTS = (4.0, 1.0, 10.0)
MAX_WORDS = 10
# Shorter words match whole words only: "el" should not find every word beginning with "el".
MIN_PREFIX_LENGTH = 3
# A word as the FTS5 tokenizer (unicode61) sees it: letters and digits, nothing else.
_WORD = re.compile(r"[^\W_]+")


def ranked_ids(items: QuerySet, text: str, limit: int) -> list[int]:
    """Ids of `items` matching every word of the text, best first."""
    if connection.vendor == "sqlite":
        try:
            return _sqlite_ranked_ids(items, text, limit)
        except DatabaseError:
            pass  # an SQLite without FTS5: the backend's own (slower) path below
    search = parsed_query(text)
    whole = [item.pk for item in items.search(search, operator="and")[:limit]] if search else []
    beginnings = []
    if prefix := prefix_text(text):
        beginnings = [item.pk for item in items.autocomplete(prefix, operator="and")[:limit]]
    return merged_ranking(whole, beginnings)[:limit]


def merged_ranking(whole: list[int], beginnings: list[int]) -> list[int]:
    """Found both as whole words and by a title's beginning first, then by whole words, then by
    beginnings only; each in its own order."""
    in_whole, in_beginnings = set(whole), set(beginnings)
    return (
        [pk for pk in whole if pk in in_beginnings]
        + [pk for pk in whole if pk not in in_beginnings]
        + [pk for pk in beginnings if pk not in in_whole]
    )


def fts_match(text: str) -> str:
    """The FTS5 query for the text: every word, as a whole word or as a beginning. Empty when
    there is no word. Each word is quoted, so nothing in it is FTS5 syntax."""
    terms = []
    for word in _WORD.findall(text)[:MAX_WORDS]:
        if len(word) >= MIN_PREFIX_LENGTH:
            terms.append(f'("{word}" OR "{word}"*)')
        else:
            terms.append(f'"{word}"')
    return " AND ".join(terms)


def _sqlite_ranked_ids(items: QuerySet, text: str, limit: int) -> list[int]:
    match = fts_match(text)
    if not match:
        return []
    content_types = ",".join(map(str, get_descendants_content_types_pks(items.model)))
    weights = ", ".join(map(str, COLUMN_WEIGHTS))
    sql = (
        f"SELECT e.object_id FROM {FTS_TABLE} f JOIN {ENTRY_TABLE} e ON f.rowid = e.id "
        f"WHERE {FTS_TABLE} MATCH %s AND e.content_type_id IN ({content_types}) "
        f"ORDER BY bm25({FTS_TABLE}, {weights}) LIMIT %s"
    )
    with connection.cursor() as cursor:
        # Ask for more than the limit: some matches fall outside `items` (drafts, other banks).
        cursor.execute(sql, [match, limit * 5])
        ranked = [int(row[0]) for row in cursor.fetchall()]
    allowed: set[int] = set()
    for start in range(0, len(ranked), 900):
        chunk = ranked[start : start + 900]
        allowed.update(items.filter(pk__in=chunk).values_list("pk", flat=True))
    return [pk for pk in ranked if pk in allowed][:limit]
