"""Ranked search ids for a queryset of pages, fast on both databases.

On PostgreSQL, Wagtail's search backend ranks with the Swedish configuration. Its SQLite
backend scores each match with a correlated subquery, which takes minutes at 100 000 pages
(bench/knowledge_search.py), so on SQLite we ask the FTS5 index directly and let it rank with
bm25(). There every word must match; quotes and minus signs are not interpreted.
"""

import re

from django.db import DatabaseError, connection
from django.db.models import QuerySet
from modelsearch.utils import get_descendants_content_types_pks

from .site_search import parsed_query, prefix_text

FTS_TABLE = "wagtailsearch_indexentry_fts"
ENTRY_TABLE = "wagtailsearch_indexentry"


def ranked_ids(items: QuerySet, text: str, limit: int) -> list[int]:
    """Ids of `items` matching the text, best first: whole words (with the database's
    stemming), then words that begin with the search words."""
    if connection.vendor == "sqlite":
        try:
            return _sqlite_ranked_ids(items, text, limit)
        except DatabaseError:
            pass  # an SQLite without FTS5: the backend's own (slower) path below
    search = parsed_query(text)
    found = [item.pk for item in items.search(search, operator="and")[:limit]] if search else []
    seen = set(found)
    if prefix := prefix_text(text):
        found += [
            item.pk
            for item in items.autocomplete(prefix, operator="and")[:limit]
            if item.pk not in seen
        ]
    return found


def _fts_ids(items: QuerySet, columns: str, match: str, limit: int) -> list[int]:
    content_types = ",".join(map(str, get_descendants_content_types_pks(items.model)))
    sql = (
        f"SELECT e.object_id FROM {FTS_TABLE} f JOIN {ENTRY_TABLE} e ON f.rowid = e.id "
        f"WHERE {FTS_TABLE} MATCH %s AND e.content_type_id IN ({content_types}) "
        f"ORDER BY bm25({FTS_TABLE}) LIMIT %s"
    )
    with connection.cursor() as cursor:
        # Ask for more than the limit: some matches fall outside `items` (drafts, other banks).
        cursor.execute(sql, [f"{{{columns}}} : ({match})", limit * 5])
        ranked = [int(row[0]) for row in cursor.fetchall()]
    allowed: set[int] = set()
    for start in range(0, len(ranked), 900):
        chunk = ranked[start : start + 900]
        allowed.update(items.filter(pk__in=chunk).values_list("pk", flat=True))
    return [pk for pk in ranked if pk in allowed][:limit]


def _sqlite_ranked_ids(items: QuerySet, text: str, limit: int) -> list[int]:
    words = re.findall(r"\w+", text)[:10]
    if not words:
        return []
    whole = _fts_ids(items, "title body", " AND ".join(f'"{w}"' for w in words), limit)
    seen = set(whole)
    beginnings = _fts_ids(items, "autocomplete", " AND ".join(f'"{w}"*' for w in words), limit)
    return whole + [pk for pk in beginnings if pk not in seen]
