"""Writes for other platforms' offers: the import of one subscription's feed, and the nightly
import of all. The other platform's actors and offers are kept here read-only, each with its
source ("feed:<subscription>:<its id>"), and edited only there."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from omstallning.core.models import Municipality
from omstallning.knowledge.federation.fetch import FeedError

from ..federation import (
    OfferImport,
    Organization,
    Service,
    fetch_offers,
    fields_here,
    relations_here,
)
from ..models import Actor, Offer, OfferFeedSubscription
from ..service_areas import platform_county, reach_here
from .offers import offer_end_from_source, offer_keep


def _actor(subscription: OfferFeedSubscription, organization: Organization) -> Actor:
    source = f"feed:{subscription.pk}:{organization.id}"
    actor = Actor.objects.filter(source=source).first() or Actor(
        source=source, slug=f"{slugify(organization.name)[:60]}-{str(organization.id)[:8]}"
    )
    actor.name = organization.name[:200]
    actor.description_sv = organization.description or organization.name
    actor.email = organization.email if "@" in organization.email else ""
    actor.website = organization.website[:200]
    actor.kind = organization.kind if organization.kind in Actor.Kind.values else Actor.Kind.OTHER
    location = organization.locations[0] if organization.locations else None
    address = location.addresses[0] if location and location.addresses else None
    actor.street_address = address.address_1[:200] if address else ""
    actor.postal_code = address.postal_code[:6] if address else ""
    actor.city = address.city[:100] if address else ""
    actor.accessibility_description = (
        location.accessibility[0].description if location and location.accessibility else ""
    )
    actor.status = Actor.Status.APPROVED
    actor.approved_at = actor.approved_at or timezone.now()
    actor.save()
    return actor


@transaction.atomic
def import_offers(subscription: OfferFeedSubscription, services: list[Service]) -> OfferImport:
    """Keep the feed's offers that reach us, and end those it no longer has. One transaction:
    a failed import changes nothing."""
    summary = OfferImport()
    county = platform_county()
    our_codes = set(Municipality.objects.values_list("code", flat=True))
    kept_sources = set()
    for service in services:
        reach = reach_here(
            [area.model_dump() for area in service.service_areas],
            county["id"] if county else "",
            our_codes,
        )
        if not reach.reaches_us:
            summary.elsewhere += 1
            continue
        fields, relations = fields_here(service, reach), relations_here(service, reach)
        if fields is None or relations is None:
            summary.not_expressible += 1
            continue
        source = f"feed:{subscription.pk}:{service.id}"
        offer_keep(
            source=source,
            actor=_actor(subscription, service.organization),
            fields=fields,
            relations=relations,
        )
        kept_sources.add(source)
        summary.kept += 1
    gone = (
        Offer.objects.filter(source__startswith=f"feed:{subscription.pk}:")
        .exclude(source__in=kept_sources)
        .exclude(status=Offer.Status.ENDED)
    )
    for source in gone.values_list("source", flat=True):
        offer_end_from_source(source=source)
        summary.ended += 1
    return summary


def offer_feed_fetch(subscription: OfferFeedSubscription) -> OfferImport | None:
    """Fetch and import one subscription now; the result or the error is kept on it."""
    now = timezone.now()
    subscription.last_attempt_at = now
    try:
        summary = import_offers(subscription, fetch_offers(subscription.feed_url))
    except FeedError as error:
        subscription.last_error = str(error)
        subscription.save(update_fields=["last_attempt_at", "last_error"])
        return None
    subscription.last_success_at = now
    subscription.last_error = ""
    subscription.last_summary = str(summary)[:300]
    subscription.save(
        update_fields=["last_attempt_at", "last_success_at", "last_error", "last_summary"]
    )
    return summary


def offer_feeds_import() -> int:
    """Nightly: every active subscription; returns how many imported without an error."""
    done = 0
    for subscription in OfferFeedSubscription.objects.filter(active=True):
        done += offer_feed_fetch(subscription) is not None
    return done
