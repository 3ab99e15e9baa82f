"""Hitta stöd as open data: the actors and their offers in Open Referral HSDS 3's field names
(organization, service) and its paged answer, filtered by the finder's own questions and
filters, so that the API and the page answer alike. Public data only: no referrals."""

import math
import uuid

from django.http import HttpRequest, QueryDict
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema
from pydantic import Field

from omstallning.actors.forms import FinderForm
from omstallning.actors.models import Actor, Offer
from omstallning.actors.selectors import (
    OPEN_DATA_RELATIONS,
    approved_actors,
    open_data_offers,
    public_offers,
)
from omstallning.actors.service_areas import municipality_areas, offer_areas, platform_county

from ..schemas import INVALID, NOT_FOUND

router = Router(tags=[gettext_lazy("Hitta stöd")])

# HSDS's service status for ours: a paused offer is temporarily closed, an ended one defunct.
HSDS_STATUS = {"active": "active", "paused": "temporarily closed", "ended": "defunct"}
MAX_SIZE = 100


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100_000, description=gettext_lazy("Sidnummer, från 1."))
    per_page: int = Field(
        20, ge=1, le=MAX_SIZE, description=gettext_lazy("Antal per sida, högst 100.")
    )


class OfferQuery(PageQuery):
    behov: list[str] = Field([], description=gettext_lazy("Vad företaget behöver, som i guiden"))
    skede: str = Field("", max_length=20, description=gettext_lazy("Företagets skede"))
    storlek: str = Field("", max_length=20, description=gettext_lazy("Företagets storlek"))
    bransch: str = Field("", max_length=1, description=gettext_lazy("SNI-avdelning, A–U"))
    kommun: str = Field("", max_length=4, description=gettext_lazy("Kommunkod, fyra siffror"))
    agare: str = Field("", max_length=20, description=gettext_lazy("Ägargrupp, eller ingen"))
    typ: list[str] = Field([], description=gettext_lazy("Typ av stöd"))
    tema: list[str] = Field([], description=gettext_lazy("Tema"))
    mal: list[str] = Field([], description=gettext_lazy("Globalt mål, 1–17"))
    kostnad: list[str] = Field([], description=gettext_lazy("Kostnad"))
    aktor: list[str] = Field([], description=gettext_lazy("Aktörens kortnamn"))


class NamedOut(Schema):
    code: str
    name: str


class ServiceAreaOut(Schema):
    id: str
    name: str
    extent_type: str = Field(
        description=gettext_lazy(
            "scb_kommunkod: id är SCB:s kommunkod; scb_lanskod: hela länet, id är länskoden; "
            "country: hela Sverige (id SE)"
        )
    )


class AccessibilityOut(Schema):
    description: str


class AddressOut(Schema):
    address_1: str
    postal_code: str
    city: str
    country: str
    address_type: str


class LocationOut(Schema):
    location_type: str
    name: str
    addresses: list[AddressOut]
    accessibility: list[AccessibilityOut]


class ScheduleOut(Schema):
    description: str


class OrganizationOut(Schema):
    id: uuid.UUID
    name: str
    description: str
    email: str
    website: str
    tax_id: str = Field(description=gettext_lazy("Organisationsnummer"))
    kind: str
    service_areas: list[ServiceAreaOut]
    locations: list[LocationOut]


class CostOptionOut(Schema):
    option: str
    amount_description: str


class ServiceOut(Schema):
    id: uuid.UUID
    organization: OrganizationOut
    name: str
    alternate_name: str
    description: str
    url: str
    email: str
    status: str
    application_process: str
    schedules: list[ScheduleOut]
    eligibility_description: str
    fees_description: str
    assured_date: str
    languages: list[NamedOut]
    cost_options: list[CostOptionOut]
    service_areas: list[ServiceAreaOut]
    support_type: NamedOut
    stages: list[NamedOut]
    company_sizes: list[NamedOut]
    sectors: list[NamedOut]
    target_groups: list[NamedOut]
    only_for_target_groups: bool
    is_de_minimis: bool
    themes: list[NamedOut]
    sdg_goals: list[int]
    valid_from: str | None
    valid_to: str | None


class PagedOut(Schema):
    total_items: int
    total_pages: int
    page_number: int
    size: int
    first_page: bool
    last_page: bool
    empty: bool


class ServicesOut(PagedOut):
    contents: list[ServiceOut]


class OrganizationsOut(PagedOut):
    contents: list[OrganizationOut]


def _organization(actor: Actor) -> dict:
    return {
        "id": actor.uid,
        "name": actor.name,
        "description": actor.description,
        "email": actor.email,
        "website": actor.website,
        "tax_id": actor.organisation_number,
        "kind": actor.kind,
        "service_areas": municipality_areas(actor.municipalities.all()),
        "locations": _locations(actor),
    }


def _locations(actor: Actor) -> list[dict]:
    if not actor.has_address:
        return []
    accessibility = actor.accessibility_description
    return [
        {
            "location_type": "physical",
            "name": actor.name,
            "addresses": [
                {
                    "address_1": actor.street_address,
                    "postal_code": actor.postal_code,
                    "city": actor.city,
                    "country": "SE",
                    "address_type": "physical",
                }
            ],
            "accessibility": [{"description": accessibility}] if accessibility else [],
        }
    ]


def _terms(rows, key: str = "slug") -> list[dict]:
    return [{"code": str(getattr(row, key)), "name": str(row.name)} for row in rows]


def _service(offer: Offer, county: dict | None) -> dict:
    return {
        "id": offer.uid,
        "organization": _organization(offer.actor),
        "name": offer.name,
        "alternate_name": offer.name_en if offer.name == offer.name_sv else offer.name_sv,
        "description": offer.description or offer.summary,
        "url": offer.url,
        "email": offer.email,
        "status": HSDS_STATUS[offer.status],
        "application_process": offer.application_process,
        "schedules": (
            [{"description": offer.schedule_description}] if offer.schedule_description else []
        ),
        "eligibility_description": offer.eligibility_description,
        "fees_description": offer.cost_description,
        "assured_date": offer.assured_date.isoformat(),
        "languages": _terms(offer.languages.all()),
        "cost_options": [{"option": offer.cost, "amount_description": offer.cost_description}],
        "service_areas": offer_areas(offer, county),
        "support_type": {"code": offer.support_type, "name": offer.get_support_type_display()},
        "stages": _terms(offer.stages.all()),
        "company_sizes": _terms(offer.company_sizes.all()),
        "sectors": _terms(offer.sectors.all(), key="code"),
        "target_groups": _terms(offer.target_groups.all()),
        "only_for_target_groups": offer.only_for_target_groups,
        "is_de_minimis": offer.is_de_minimis,
        "themes": _terms(offer.themes.all()),
        "sdg_goals": [goal.number for goal in offer.sdg_goals.all()],
        "valid_from": offer.starts_on.isoformat() if offer.starts_on else None,
        "valid_to": offer.ends_on.isoformat() if offer.ends_on else None,
    }


def _paged(queryset, page: int, size: int, build) -> dict:
    total = queryset.count()
    pages = max(1, math.ceil(total / size))
    rows = list(queryset[(page - 1) * size : page * size])
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": page,
        "size": len(rows),
        "first_page": page == 1,
        "last_page": page >= pages,
        "empty": not rows,
        "contents": [build(row) for row in rows],
    }


def _as_query_dict(query: OfferQuery) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, value in query.dict(exclude={"page", "per_page"}).items():
        data.setlist(name, value if isinstance(value, list) else [value] if value else [])
    return data


@router.get(
    "/offers",
    response={200: ServicesOut, **INVALID},
    summary=gettext_lazy("Erbjudanden i Hitta stöd (HSDS 3: service)"),
    description=gettext_lazy(
        "De erbjudanden som visas i Hitta stöd, med Open Referral HSDS 3:s fältnamn och "
        "sidindelade svar (`total_items`, `contents` …). Samma frågor och filter som guiden: "
        "ett värde som inte finns ignoreras, som på sidan. Ett erbjudande utan skeden, "
        "storlekar, branscher eller kommuner är öppet för alla."
    ),
)
def list_offers(request: HttpRequest, query: Query[OfferQuery]):
    form = FinderForm(_as_query_dict(query))
    offers = open_data_offers(form.answers(), form.chosen())
    county = platform_county()
    return _paged(offers, query.page, query.per_page, lambda offer: _service(offer, county))


@router.get(
    "/offers/{offer_id}",
    response={200: ServiceOut, **NOT_FOUND, **INVALID},
    summary=gettext_lazy("Ett erbjudande (HSDS 3: service)"),
)
def get_offer(request: HttpRequest, offer_id: uuid.UUID):
    offers = public_offers().prefetch_related(*OPEN_DATA_RELATIONS)
    return _service(get_object_or_404(offers, uid=offer_id), platform_county())


@router.get(
    "/actors",
    response={200: OrganizationsOut, **INVALID},
    summary=gettext_lazy("Aktörer i Hitta stöd (HSDS 3: organization)"),
)
def list_actors(request: HttpRequest, query: Query[PageQuery]):
    return _paged(
        approved_actors().order_by("name", "pk"), query.page, query.per_page, _organization
    )


@router.get(
    "/actors/{actor_id}",
    response={200: OrganizationOut, **NOT_FOUND, **INVALID},
    summary=gettext_lazy("En aktör (HSDS 3: organization)"),
)
def get_actor(request: HttpRequest, actor_id: uuid.UUID):
    return _organization(get_object_or_404(approved_actors(), uid=actor_id))
