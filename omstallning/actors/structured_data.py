"""schema.org descriptions of an offer and an actor for their pages (JSON-LD). A public body's
offer is a GovernmentService; another actor's a Service."""

from .models import Actor, Offer

PUBLIC_KINDS = {Actor.Kind.REGIONAL, Actor.Kind.MUNICIPAL, Actor.Kind.STATE_AGENCY}


def actor_data(actor: Actor, address: str) -> dict:
    return {"@context": "https://schema.org", **_organisation(actor, address)}


def _organisation(actor: Actor, address: str) -> dict:
    public = actor.kind in PUBLIC_KINDS
    data = {
        "@type": "GovernmentOrganization" if public else "Organization",
        "@id": f"urn:uuid:{actor.uid}",
        "name": actor.name,
        "description": actor.description,
        "url": address,
    }
    if actor.website:
        data["sameAs"] = actor.website
    if actor.email:
        data["email"] = actor.email
    if actor.organisation_number:
        data["taxID"] = actor.organisation_number
    if actor.has_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": actor.street_address,
            "postalCode": actor.postal_code,
            "addressLocality": actor.city,
            "addressCountry": "SE",
        }
    return data


def offer_data(offer: Offer, address: str, actor_address: str) -> dict:
    areas = [
        {"@type": "AdministrativeArea", "name": municipality.name}
        for municipality in offer.municipalities.all()
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService" if offer.actor.kind in PUBLIC_KINDS else "Service",
        "@id": f"urn:uuid:{offer.uid}",
        "name": offer.name,
        "description": offer.summary,
        "serviceType": offer.get_support_type_display(),
        "url": address,
        "provider": _organisation(offer.actor, actor_address),
        "audience": {"@type": "BusinessAudience"},
    }
    if areas:
        data["areaServed"] = areas
    if offer.url:
        data["sameAs"] = offer.url
    return data
