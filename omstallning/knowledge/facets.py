"""Faceted finding: AND across facets, OR within one, with counts that say what each choice
would give. All filter state lives in the URL, so every view can be shared."""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.db.models import Count, QuerySet

from omstallning.core.translation import in_active_language

from .models import KnowledgeItemPage


@dataclass(frozen=True)
class Facet:
    param: str  # the URL parameter
    lookup: str  # the field path from KnowledgeItemPage to the value in the URL
    label_sv: str  # the field path to the Swedish display name
    label_en: str  # and to the English one (may be empty: then Swedish is shown)
    pattern: str  # what a value may look like; anything else in a URL is ignored
    order_by: str = ""  # a field path to sort the values by; by label when empty


SLUG = r"[-a-z0-9]{1,60}"
FACETS = [
    Facet(
        "typ", "content_type__model", "content_type__model", "content_type__model", r"[a-z]{1,60}"
    ),
    Facet("tema", "themes__slug", "themes__name_sv", "themes__name_en", SLUG),
    Facet(
        "mal",
        "sdg_goals__number",
        "sdg_goals__title_sv",
        "sdg_goals__short_en",
        r"[0-9]{1,2}",
        order_by="sdg_goals__number",
    ),
    Facet(
        "dimension",
        "dimensions__code",
        "dimensions__name_sv",
        "dimensions__name_en",
        r"[a-z]{1,20}",
    ),
    Facet("bransch", "sectors__code", "sectors__name_sv", "sectors__name_en", r"[A-U]"),
    Facet(
        "kommun",
        "municipalities__code",
        "municipalities__name",
        "municipalities__name",
        r"[0-9]{4}",
    ),
    Facet("malgrupp", "audiences__slug", "audiences__name_sv", "audiences__name_en", SLUG),
    Facet(
        "storlek",
        "company_sizes__slug",
        "company_sizes__name_sv",
        "company_sizes__name_en",
        SLUG,
        order_by="company_sizes__sort_order",  # smallest first
    ),
]


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def selections(params: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The chosen values per facet, from query parameters (repeatable: ?tema=a&tema=b)."""
    return {
        facet.param: [
            value for value in params.get(facet.param, []) if re.fullmatch(facet.pattern, value)
        ][:20]
        for facet in FACETS
    }


def _filtered(items: QuerySet, chosen: dict[str, list[str]], skip: str | None = None):
    for facet in FACETS:
        values = chosen.get(facet.param) or []
        if facet.param != skip and values:
            # A subquery per facet keeps AND across facets exact for many-to-many fields.
            matching = KnowledgeItemPage.objects.filter(**{f"{facet.lookup}__in": values})
            items = items.filter(pk__in=matching.values("pk"))
    return items


def apply(items: QuerySet, chosen: dict[str, list[str]]) -> QuerySet:
    return _filtered(items, chosen)


def _attribute(path: str) -> str:
    return path.split("__", 1)[1]


def _named_values(facet: Facet, values: Sequence[str]) -> list[dict]:
    """The facet's values that exist (a municipality, a goal …), with their names: from the
    value's own table, so that this costs an index lookup and not a scan of the items."""
    field = KnowledgeItemPage._meta.get_field(facet.lookup.split("__", 1)[0])
    paths = [facet.lookup, facet.label_sv, facet.label_en, *filter(None, [facet.order_by])]
    attributes = {path: _attribute(path) for path in paths}
    rows = field.related_model._default_manager.filter(
        **{f"{_attribute(facet.lookup)}__in": values}
    ).values(*set(attributes.values()))
    return [{path: row[attribute] for path, attribute in attributes.items()} for row in rows]


def existing(chosen: dict[str, list[str]]) -> dict[str, list[str]]:
    """The choices that name something. A value in an old or hand-made address that names
    nothing is dropped, so that it can never empty the listing without being seen."""
    result = {}
    for facet in FACETS:
        values = chosen.get(facet.param) or []
        if values:
            known = {str(row[facet.lookup]) for row in _named_values(facet, values)}
            values = [value for value in values if value in known]
        result[facet.param] = values
    return result


def counts(items: QuerySet, chosen: dict[str, list[str]]) -> dict[str, list[FacetValue]]:
    """For each facet, its values with how many items each would show, given the other
    facets' choices (so that choosing one more value in the same facet widens the result).

    The other facets filter through subqueries, so every (item, value) row is there once
    and a plain count is exact; a join filter and DISTINCT would cost seconds at 100 000."""
    result = {}
    for facet in FACETS:
        rows = (
            _filtered(items, chosen, skip=facet.param)
            .filter(**{f"{facet.lookup}__isnull": False})
            .values(facet.lookup, facet.label_sv, facet.label_en, *filter(None, [facet.order_by]))
            .annotate(n=Count("pk"))
            .order_by(facet.order_by or facet.lookup)
        )
        selected = set(chosen.get(facet.param) or [])
        rows = list(rows)
        # A chosen value stays in the list, with 0, however the other choices narrow: what
        # the address chooses is always shown, and can be undone.
        missing = selected - {str(row[facet.lookup]) for row in rows}
        if missing:
            rows += [{**row, "n": 0} for row in _named_values(facet, sorted(missing))]
            if facet.order_by:
                rows.sort(key=lambda row: row[facet.order_by])
        values = [
            FacetValue(
                value=str(row[facet.lookup]),
                label=in_active_language(str(row[facet.label_sv]), str(row[facet.label_en] or "")),
                count=row["n"],
                selected=str(row[facet.lookup]) in selected,
            )
            for row in rows
        ]
        if not facet.order_by:
            values.sort(key=lambda value: value.label.casefold())
        result[facet.param] = values
    return result


def base_items(index_page) -> QuerySet:
    return KnowledgeItemPage.objects.live().public().descendant_of(index_page)
