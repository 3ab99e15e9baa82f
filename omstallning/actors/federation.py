"""Another region's offers in this finder: its `GET /api/v1/offers` read page by page through
the knowledge feeds' guarded fetch (public addresses only, bounded in size, time and pages),
checked against the part of HSDS 3 this platform writes, and kept as read-only offers of
read-only actors. Only offers that reach this county's companies are taken: nationwide ones,
ones for this county, and ones for some of its municipalities.

Eligibility is kept only where it can be said here: a list that names terms this platform does
not know would turn into "open to all" if dropped, so such an offer is left out instead.
"""

import datetime
import time
import uuid
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from pydantic import BaseModel, ValidationError

from omstallning.core.models import Municipality, SdgGoal
from omstallning.knowledge.federation.fetch import FeedError, get_json
from omstallning.knowledge.federation.transport import feed_session
from omstallning.knowledge.models import CompanySize, KnowledgeTheme, SniSection

from .models import CompanyStage, Offer, SupportType, TargetGroup
from .models.offers import VERIFY_EVERY
from .service_areas import Reach

PER_PAGE = 100


class Named(BaseModel):
    code: str
    name: str = ""


class Area(BaseModel):
    id: str
    name: str = ""
    extent_type: str


class Described(BaseModel):
    description: str = ""


class Address(BaseModel):
    address_1: str = ""
    postal_code: str = ""
    city: str = ""


class Location(BaseModel):
    addresses: list[Address] = []
    accessibility: list[Described] = []


class Organization(BaseModel):
    id: uuid.UUID
    name: str
    description: str = ""
    email: str = ""
    website: str = ""
    kind: str = ""
    locations: list[Location] = []


class CostOption(BaseModel):
    option: str
    amount_description: str = ""


class Service(BaseModel):
    id: uuid.UUID
    organization: Organization
    name: str
    alternate_name: str = ""
    description: str = ""
    url: str = ""
    email: str = ""
    status: str
    application_process: str = ""
    schedules: list[Described] = []
    eligibility_description: str = ""
    assured_date: datetime.date
    cost_options: list[CostOption] = []
    service_areas: list[Area]
    support_type: Named
    stages: list[Named] = []
    company_sizes: list[Named] = []
    sectors: list[Named] = []
    target_groups: list[Named] = []
    only_for_target_groups: bool = False
    is_de_minimis: bool = False
    themes: list[Named] = []
    sdg_goals: list[int] = []
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


class ServicesPage(BaseModel):
    total_pages: int
    page_number: int
    last_page: bool
    contents: list[Service]


def _page_url(url: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k not in ("page", "per_page")]
    query += [("page", str(page)), ("per_page", str(PER_PAGE))]
    return urlunsplit(parts._replace(query=urlencode(query)))


def fetch_offers(url: str) -> list[Service]:
    """Every page of the other platform's offers, or FeedError in words for the region."""
    limits = settings.KNOWLEDGE_FEED_LIMITS
    started = time.monotonic()
    services: list[Service] = []
    with feed_session(limits["total_seconds"]) as (session, watchdog):
        try:
            for page in range(1, limits["max_pages"] + 1):
                document = get_json(session, _page_url(url, page), watchdog)
                try:
                    answer = ServicesPage.model_validate(document)
                except ValidationError as error:
                    raise FeedError(
                        _("Adressen %(url)s svarar inte med erbjudanden enligt HSDS 3.")
                        % {"url": url}
                    ) from error
                services += answer.contents
                if answer.last_page or not answer.contents:
                    return services
        except FeedError:
            raise
        except Exception as error:
            if watchdog.fired or time.monotonic() - started > limits["total_seconds"]:
                raise FeedError(_("Flödet tog för lång tid och hämtades inte.")) from error
            raise
    raise FeedError(
        _("Flödet har fler än %(pages)s sidor och hämtades inte.") % {"pages": limits["max_pages"]}
    )


@dataclass
class OfferImport:
    """What one import did, for the subscription's last result."""

    kept: int = 0
    ended: int = 0
    elsewhere: int = 0  # for companies in other places only
    not_expressible: int = 0  # names terms this platform does not know

    def __str__(self) -> str:
        return _(
            "%(kept)s erbjudanden hämtade, %(ended)s avslutade, %(elsewhere)s gäller bara på "
            "andra orter, %(not_expressible)s med villkor som inte finns här"
        ) % vars(self)


VOCABULARIES = {
    "stages": (CompanyStage, "slug"),
    "company_sizes": (CompanySize, "slug"),
    "sectors": (SniSection, "code"),
    "target_groups": (TargetGroup, "slug"),
}


def relations_here(service: Service, reach: Reach) -> dict | None:
    """The offer's lists in this platform's terms, or None when one cannot be said here."""
    relations = {}
    for name, (model, key) in VOCABULARIES.items():
        codes = [term.code for term in getattr(service, name)]
        rows = list(model.objects.filter(**{f"{key}__in": codes}))
        if codes and not rows:
            return None
        relations[name] = rows
    relations["municipalities"] = list(
        Municipality.objects.filter(code__in=reach.municipality_codes)
    )
    relations["themes"] = list(
        KnowledgeTheme.objects.filter(slug__in=[t.code for t in service.themes])
    )
    relations["sdg_goals"] = list(SdgGoal.objects.filter(number__in=service.sdg_goals))
    return relations


def fields_here(service: Service, reach: Reach) -> dict | None:
    """The offer's own fields, or None for one that is not active or of an unknown type."""
    if service.support_type.code not in SupportType.values or service.status != "active":
        return None
    cost = next((c.option for c in service.cost_options if c.option in Offer.Cost.values), "")
    summary = (service.description or service.name)[:300]
    return {
        "name_sv": service.name[:200],
        "name_en": service.alternate_name[:200],
        "slug": f"{slugify(service.name)[:80]}-{str(service.id)[:8]}",
        "summary_sv": summary,
        "description_sv": service.description,
        "support_type": service.support_type.code,
        "nationwide": reach.nationwide,
        "only_for_target_groups": service.only_for_target_groups,
        "is_de_minimis": service.is_de_minimis,
        "eligibility_description": service.eligibility_description,
        "cost": cost or Offer.Cost.FREE,
        "url": service.url[:200],
        "email": service.email if "@" in service.email else "",
        "application_process": service.application_process,
        "schedule_description": next(
            (schedule.description[:300] for schedule in service.schedules), ""
        ),
        "status": Offer.Status.ACTIVE,
        "starts_on": service.valid_from,
        "ends_on": service.valid_to,
        "assured_date": service.assured_date,
        # Kept true at the source: while the feed keeps it, it stays; if the feed stops, it lapses.
        "verify_by": timezone.localdate() + VERIFY_EVERY,
    }
