"""Where an offer can be had, as HSDS service areas, both ways: out in the open data, and in
from another platform's feed. Inside one platform, an offer naming no municipality serves the
whole county; in the open data that is said outright, so another region never takes it for its
own. Areas are named by SCB's codes: municipality (four digits), county (two), or the country.
"""

from dataclasses import dataclass

MUNICIPALITY = "scb_kommunkod"
COUNTY = "scb_lanskod"
COUNTRY = "country"
SWEDEN = {"id": "SE", "name": "Sverige", "extent_type": COUNTRY}


def platform_county() -> dict | None:
    from omstallning.core.models import Region

    region = Region.objects.order_by("pk").first()
    if region is None:
        return None
    return {"id": region.county_code, "name": region.county_name, "extent_type": COUNTY}


def municipality_areas(municipalities) -> list[dict]:
    return [
        {"id": municipality.code, "name": municipality.name, "extent_type": MUNICIPALITY}
        for municipality in municipalities
    ]


def offer_areas(offer, county: dict | None) -> list[dict]:
    if offer.nationwide:
        return [SWEDEN]
    named = municipality_areas(offer.municipalities.all())
    return named or ([county] if county else [])


@dataclass(frozen=True)
class Reach:
    """What another platform's offer means here: whether our companies can get it, and if
    only in some of our municipalities, which."""

    reaches_us: bool
    municipality_codes: list[str]
    nationwide: bool = False


def reach_here(areas: list[dict], county_code: str, our_codes: set[str]) -> Reach:
    kinds = {(area.get("extent_type"), str(area.get("id"))) for area in areas}
    if (COUNTRY, "SE") in kinds:
        return Reach(True, [], nationwide=True)
    if (COUNTY, county_code) in kinds:
        return Reach(True, [])
    ours = sorted(code for kind, code in kinds if kind == MUNICIPALITY and code in our_codes)
    return Reach(bool(ours), ours)
