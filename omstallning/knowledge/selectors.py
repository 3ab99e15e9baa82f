"""Reads for the knowledge bank: the filtered, searched, sorted listing and its facets."""

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import QueryDict

from omstallning.core.search_ranking import ranked_ids as ranked_ids_of
from omstallning.core.site_search import clean_search_text

from . import facets
from .models import (
    GoodExamplePage,
    KnowledgeItemPage,
    KnowledgeProposal,
    MethodPage,
    ReportPage,
    ToolPage,
)

KIND_LABELS = {
    model._meta.model_name: model.kind_label
    for model in (GoodExamplePage, ToolPage, MethodPage, ReportPage)
}
PAGE_SIZE = 20
# At most this many matches are ranked, filtered and counted (the ranking used to take 2000
# whole-word matches and 2000 more by beginnings; one ranking now takes them together).
SEARCH_LIMIT = 3000
SORTS = ("relevans", "nyast")
RELEVANCE, NEWEST = SORTS


@dataclass
class Listing:
    query: str
    sort: str
    chosen: dict[str, list[str]]
    page: PaginatorPage
    facets: dict[str, list[facets.FacetValue]]
    total: int

    @property
    def has_facets(self) -> bool:
        """Whether there is anything to narrow by (nothing when nothing matches the words)."""
        return any(self.facets.values())

    @property
    def default_sort(self) -> str:
        return RELEVANCE if self.query else NEWEST

    def query_string(self, page: int | None = None) -> str:
        """The listing shown, as the query string of its address: the words, the sorting when
        it is not the default, every choice once, and the page when it is not the first."""
        params = QueryDict(mutable=True)
        if self.query:
            params["q"] = self.query
        if self.sort != self.default_sort:
            params["sortering"] = self.sort
        for param, values in self.chosen.items():
            params.setlist(param, list(dict.fromkeys(values)))
        number = self.page.number if page is None else page
        if number > 1:
            params["sida"] = str(number)
        return params.urlencode()


def _sort(query: str, params: Mapping, previous: Mapping | None) -> str:
    """Newest first without words; with words, by relevance unless newest is asked for. A new
    search (other words than the listing it was asked from) starts by relevance again."""
    if not query:
        return NEWEST
    asked = params.get("sortering")
    if previous is not None and clean_search_text(previous.get("q", "")) != query:
        return RELEVANCE
    return asked if asked in SORTS else RELEVANCE


def knowledge_listing(index_page, params, *, previous=None) -> Listing:
    """The listing for the query parameters. `previous` is the query of the listing the
    request was made from (when the page is updated in place), so that a new search can be
    told from a change of sorting."""
    query = clean_search_text(params.get("q", ""))
    sort = _sort(query, params, previous)
    chosen = facets.existing(facets.selections({key: params.getlist(key) for key in params}))
    chosen["typ"] = [kind for kind in chosen["typ"] if kind in KIND_LABELS]
    base = facets.base_items(index_page)
    ranked_ids: list[int] | None = None
    if query:
        ranked_ids = ranked_ids_of(base, query, SEARCH_LIMIT)
        base = base.filter(pk__in=ranked_ids)
    filtered = facets.apply(base, chosen)
    if ranked_ids is not None and sort == RELEVANCE:
        allowed = set(filtered.values_list("pk", flat=True))
        ordered_ids = [pk for pk in ranked_ids if pk in allowed]
    else:
        ordered_ids = list(
            filtered.order_by("-first_published_at", "-pk").values_list("pk", flat=True)
        )
    page = Paginator(ordered_ids, PAGE_SIZE).get_page(params.get("sida"))
    items = KnowledgeItemPage.objects.filter(pk__in=page.object_list).specific()
    by_id = {item.pk: item for item in items}
    page.object_list = [by_id[pk] for pk in page.object_list if pk in by_id]
    facet_values = facets.counts(base, chosen)
    facet_values["typ"] = [
        dataclasses.replace(value, label=str(KIND_LABELS.get(value.value, value.label)))
        for value in facet_values["typ"]
    ]
    return Listing(
        query=query,
        sort=sort,
        chosen=chosen,
        page=page,
        facets=facet_values,
        total=len(ordered_ids),
    )


def related_items(item: KnowledgeItemPage, limit: int = 4) -> list[KnowledgeItemPage]:
    """Items sharing the most themes and goals with this one."""
    themes = list(item.themes.values_list("pk", flat=True))
    goals = list(item.sdg_goals.values_list("pk", flat=True))
    sharing = KnowledgeItemPage.objects.filter(Q(themes__in=themes) | Q(sdg_goals__in=goals))
    # Counted distinct: the two joins multiply each other's rows, so a plain count would rank
    # an item by how many goals and themes it has, not by how many it shares.
    overlap = Count("themes", filter=Q(themes__in=themes), distinct=True) + Count(
        "sdg_goals", filter=Q(sdg_goals__in=goals), distinct=True
    )
    return list(
        KnowledgeItemPage.objects.live()
        .public()
        .exclude(pk=item.pk)
        .filter(pk__in=sharing.values("pk"))
        .annotate(overlap=overlap)
        .order_by("-overlap", "-first_published_at")
        .specific()[:limit]
    )


def proposals_of(user) -> list[KnowledgeProposal]:
    return list(KnowledgeProposal.objects.filter(proposer=user).select_related("page"))


def proposal_of(user, proposal_id: int) -> KnowledgeProposal | None:
    """The person's own proposal; anyone else's is as if it did not exist."""
    return (
        KnowledgeProposal.objects.filter(pk=proposal_id, proposer=user)
        .select_related("page")
        .first()
    )
