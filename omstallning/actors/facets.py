"""The finder's list filters: AND across facets, OR within one, each with the count that the
value would give among the offers that fit the answers and the other filters."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .eligibility import term_choices
from .models.offers import Offer, SupportType


@dataclass(frozen=True)
class Facet:
    param: str
    label: object
    lookup: str  # from Offer to the value in the address
    choices: Callable[[], list[tuple[str, str]]]
    many: bool = False  # an offer may have several values (a many-to-many field)


def _goal_choices() -> list[tuple[str, str]]:
    goals = apps.get_model("core.SdgGoal").objects.order_by("number")
    return [(str(goal.number), f"{goal.number}. {goal.title}") for goal in goals]


FACETS = [
    Facet("typ", _("Typ av stöd"), "support_type", lambda: list(SupportType.choices)),
    Facet("tema", _("Tema"), "themes__slug", term_choices("knowledge.KnowledgeTheme"), many=True),
    Facet("mal", _("Globala mål"), "sdg_goals__number", _goal_choices, many=True),
    Facet("kostnad", _("Kostnad"), "cost", lambda: list(Offer.Cost.choices)),
    Facet("aktor", _("Aktör"), "actor__slug", term_choices("actors.Actor", status="approved")),
]


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


def _condition(chosen: dict[str, list[str]], skip: str | None = None) -> Q:
    condition = Q()
    for facet in FACETS:
        values = chosen.get(facet.param) or []
        if values and facet.param != skip:
            # A subquery per facet keeps AND across facets exact for many-to-many fields.
            matching = Offer.objects.filter(**{f"{facet.lookup}__in": values}).values("pk")
            condition &= Q(pk__in=matching)
    return condition


def apply(offers: QuerySet, chosen: dict[str, list[str]]) -> QuerySet:
    return offers.filter(_condition(chosen))


Choices = dict[str, list[tuple[str, str]]]


def counts(
    offers: QuerySet, chosen: dict[str, list[str]], choices: Choices | None = None
) -> dict[str, list[FacetValue]]:
    """Per facet, the values with an offer among those the other facets leave, and any value
    chosen (with 0), so that what the address chooses is always shown and can be undone.
    `choices` are the facets' values and labels when the caller has read them already."""
    found = _found(offers, chosen)
    result = {}
    for facet in FACETS:
        selected = set(chosen.get(facet.param) or [])
        result[facet.param] = [
            FacetValue(value, label, found[facet.param].get(value, 0), value in selected)
            for value, label in (choices or {}).get(facet.param) or facet.choices()
            if value in found[facet.param] or value in selected
        ]
    return result


def _found(offers: QuerySet, chosen: dict[str, list[str]]) -> dict[str, Counter]:
    """Value → count per facet. The facets of one value per offer that nothing is chosen in
    share the same offers, so one grouped query counts them all; the others count alone."""
    found: dict[str, Counter] = {facet.param: Counter() for facet in FACETS}
    together = [facet for facet in FACETS if not facet.many and not chosen.get(facet.param)]
    if together:
        rows = (
            offers.order_by()
            .filter(_condition(chosen))
            .values(*[facet.lookup for facet in together])
            .annotate(n=Count("pk"))
        )
        for row in rows:
            for facet in together:
                found[facet.param][str(row[facet.lookup])] += row["n"]
    for facet in FACETS:
        if facet in together:
            continue
        rows = (
            offers.order_by()
            .filter(_condition(chosen, skip=facet.param))
            .filter(**{f"{facet.lookup}__isnull": False})
            .values(facet.lookup)
            .annotate(n=Count("pk"))
        )
        found[facet.param].update({str(row[facet.lookup]): row["n"] for row in rows})
    return found
