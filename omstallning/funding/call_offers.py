"""The region's calls in Hitta stöd: each call is an offer of the region's own actor, kept up
to date from the call whenever it is saved, so that no one enters a call twice."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from omstallning.actors import services as actor_services
from omstallning.actors.models import Actor, Offer, SupportType
from omstallning.core.models import Region

from .models import Call

SOURCE = "funding.call:{}"


def region_actor() -> Actor | None:
    """The region as an actor of the finder, made the first time a call needs it."""
    region = Region.objects.order_by("pk").first()
    if region is None:
        return None
    actor, _created = Actor.objects.get_or_create(
        slug=slugify(region.name),
        defaults={
            "name": region.name,
            "kind": Actor.Kind.REGIONAL,
            "description_sv": f"{region.name} fördelar medel till företag och projekt i "
            f"{region.county_name}.",
            "website": region.website,
            "status": Actor.Status.APPROVED,
            "approved_at": timezone.now(),
        },
    )
    return actor


def call_offer_sync(call: Call) -> Offer | None:
    actor = region_actor()
    if actor is None:
        return None
    programme = call.programme
    fields = {
        "name_sv": call.title,
        "slug": f"utlysning-{call.pk}-{slugify(call.title)}"[:100],
        "summary_sv": call.summary[:300],
        "description_sv": call.body,
        "eligibility_description": call.eligibility,
        "support_type": SupportType.GRANT,
        "is_de_minimis": programme.de_minimis,
        "starts_on": timezone.localdate(call.opens_at),
        "ends_on": timezone.localdate(call.closes_at),
        "url": settings.WAGTAILADMIN_BASE_URL + reverse("funding:apply", args=[call.pk]),
        "status": Offer.Status.ACTIVE if programme.is_active else Offer.Status.PAUSED,
        # The call's own dates say when it is current: nobody needs to confirm it.
        "assured_date": timezone.localdate(),
        "verify_by": timezone.localdate(call.closes_at),
        "cost": Offer.Cost.FREE,
    }
    return actor_services.offer_keep(
        source=SOURCE.format(call.pk), actor=actor, fields=fields, relations={}
    )


def call_offer_end(call_id: int) -> None:
    actor_services.offer_end_from_source(source=SOURCE.format(call_id))
