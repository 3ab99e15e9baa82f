"""The finder's offers as files: a CSV with HSDS 3's field names (open data, the same columns
in every language), and an Atom feed of the newest offers that fit a set of answers, so that
a search can be followed in any feed reader."""

import csv
import io
from collections.abc import Iterable

from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed

from omstallning.core.spreadsheets import spreadsheet_safe

from .models import Offer
from .service_areas import offer_areas, platform_county

ATOM_SIZE = 50
CSV_COLUMNS = [
    "id",
    "organization_id",
    "organization_name",
    "name",
    "alternate_name",
    "description",
    "url",
    "email",
    "status",
    "support_type",
    "stages",
    "company_sizes",
    "sectors",
    "service_areas",
    "target_groups",
    "only_for_target_groups",
    "is_de_minimis",
    "themes",
    "sdg_goals",
    "cost_option",
    "fees_description",
    "application_process",
    "assured_date",
    "valid_from",
    "valid_to",
    "schedule_description",
]


def _codes(rows, key: str = "slug") -> str:
    return " ".join(str(getattr(row, key)) for row in rows)


def offers_csv(offers: Iterable[Offer]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    county = platform_county()
    for offer in offers:
        row = [
            offer.uid,
            offer.actor.uid,
            offer.actor.name,
            offer.name_sv,
            offer.name_en,
            offer.summary_sv,
            offer.url,
            offer.email,
            offer.status,
            offer.support_type,
            _codes(offer.stages.all()),
            _codes(offer.company_sizes.all()),
            _codes(offer.sectors.all(), "code"),
            " ".join(area["id"] for area in offer_areas(offer, county)),
            _codes(offer.target_groups.all()),
            str(offer.only_for_target_groups).lower(),
            str(offer.is_de_minimis).lower(),
            _codes(offer.themes.all()),
            _codes(offer.sdg_goals.all(), "number"),
            offer.cost,
            offer.cost_description,
            offer.application_process,
            offer.assured_date.isoformat(),
            offer.starts_on.isoformat() if offer.starts_on else "",
            offer.ends_on.isoformat() if offer.ends_on else "",
            offer.schedule_description,
        ]
        writer.writerow([spreadsheet_safe(str(cell)) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def offers_atom(request: HttpRequest, *, title: str, offers: Iterable[Offer], link) -> Atom1Feed:
    """`link(offer)` is the address of an offer's page."""
    feed = Atom1Feed(
        title=title,
        link=request.build_absolute_uri(request.path.rsplit("atom/", 1)[0]),
        description="",
        feed_url=request.build_absolute_uri(),
    )
    for offer in offers:
        url = request.build_absolute_uri(link(offer))
        feed.add_item(
            title=offer.name,
            link=url,
            description=offer.summary,
            unique_id=f"urn:uuid:{offer.uid}",
            updateddate=offer.updated_at,
            pubdate=offer.created_at,
            categories=[offer.get_support_type_display(), offer.actor.name],
        )
    return feed
