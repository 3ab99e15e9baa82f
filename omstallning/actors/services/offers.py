"""Writes for actors and offers: one transaction each, the permission checked here, and an
entry in Wagtail's log (labels in wagtail_hooks.register_actor_log_actions)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from omstallning.core.typing import Account

from ..models import Actor, Offer
from ..models.offers import VERIFY_EVERY
from ..permissions import can_add_actor, can_approve_actor, can_edit_offer, manages_all_actors

ACTOR_APPROVED = "actors.actor_approved"
OFFER_VERIFIED = "actors.offer_verified"
OFFER_KEPT = "actors.offer_kept"


@transaction.atomic
def actor_create(*, user: Account, actor: Actor) -> Actor:
    """A new actor from its form (its many-to-many fields are the form's to save). One an
    actor's own account registers waits for the region's approval, with that account as
    its editor; one the region adds is approved at once."""
    if not can_add_actor(user):
        raise PermissionDenied
    by_region = manages_all_actors(user)
    actor.status = Actor.Status.APPROVED if by_region else Actor.Status.PENDING
    actor.approved_at = timezone.now() if by_region else None
    actor.save()
    if not by_region:
        actor.editors.add(user)
    log(instance=actor, action="wagtail.create", user=user, content_changed=True)
    return actor


@transaction.atomic
def actor_approve(*, user: Account, actor: Actor) -> Actor:
    if not can_approve_actor(user, actor):
        raise PermissionDenied
    actor.status = Actor.Status.APPROVED
    actor.approved_at = timezone.now()
    actor.save(update_fields=["status", "approved_at", "updated_at"])
    log(instance=actor, action=ACTOR_APPROVED, user=user)
    return actor


@transaction.atomic
def offer_verify(*, user: Account, offer: Offer) -> Offer:
    """The owner confirms that the offer is as described: checked today, due again later."""
    if not can_edit_offer(user, offer):
        raise PermissionDenied
    today = timezone.localdate()
    offer.assured_date = today
    offer.verify_by = today + VERIFY_EVERY
    offer.save(update_fields=["assured_date", "verify_by", "updated_at"])
    log(instance=offer, action=OFFER_VERIFIED, user=user, data={"verify_by": str(offer.verify_by)})
    return offer


@transaction.atomic
def offer_keep(*, source: str, actor: Actor, fields: dict, relations: dict) -> Offer:
    """The offer that another part of the platform keeps (`source`, such as "funding.call:7"),
    made or brought up to date from it: no one enters it twice, and it changes only there.
    A system write, so no acting user; the log says which source wrote it."""
    offer = Offer.objects.filter(source=source).first() or Offer(source=source)
    offer.actor = actor
    for name, value in fields.items():
        setattr(offer, name, value)
    offer.save()
    for name, rows in relations.items():
        getattr(offer, name).set(rows)
    log(instance=offer, action=OFFER_KEPT, user=None, data={"source": source})
    return offer


@transaction.atomic
def offer_end_from_source(*, source: str) -> None:
    """The source is gone (a call deleted): its offer is ended, not deleted, so that
    referrals and statistics that point at it keep their link."""
    for offer in Offer.objects.filter(source=source).exclude(status=Offer.Status.ENDED):
        offer.status = Offer.Status.ENDED
        offer.save(update_fields=["status", "updated_at"])
        log(instance=offer, action=OFFER_KEPT, user=None, data={"source": source, "ended": True})
