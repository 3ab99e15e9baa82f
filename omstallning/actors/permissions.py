"""Who may do what with actors and offers. An actor's own accounts edit that actor and its
offers, and nothing else; the region's editors approve new actors and may edit all."""

from django.db.models import QuerySet

from omstallning.accounts.second_factor import is_verified
from omstallning.core.typing import Visitor

from .models import Actor, Offer, Referral

APPROVE = "actors.approve_actor"
ADD_ACTOR = "actors.add_actor"
CHANGE_ACTOR = "actors.change_actor"
ADD_OFFER = "actors.add_offer"
CHANGE_OFFER = "actors.change_offer"
DELETE_OFFER = "actors.delete_offer"


def manages_all_actors(user: Visitor) -> bool:
    """The region's editors: approve new actors and edit every actor and offer."""
    return is_verified(user) and user.has_perm(APPROVE)


def can_add_actor(user: Visitor) -> bool:
    return is_verified(user) and user.has_perm(ADD_ACTOR)


def can_approve_actor(user: Visitor, actor: Actor) -> bool:
    return manages_all_actors(user) and not actor.is_approved


def is_editor_of(user: Visitor, actor: Actor) -> bool:
    return user.is_authenticated and actor.editors.filter(pk=user.pk).exists()


def can_edit_actor(user: Visitor, actor: Actor) -> bool:
    if actor.source:  # another platform's actor, kept by its feed
        return False
    if manages_all_actors(user):
        return True
    return is_verified(user) and user.has_perm(CHANGE_ACTOR) and is_editor_of(user, actor)


def editable_actors(user: Visitor) -> QuerySet:
    if manages_all_actors(user):
        return Actor.objects.all()
    if not (is_verified(user) and user.has_perm(CHANGE_ACTOR)):
        return Actor.objects.none()
    return Actor.objects.filter(editors=user)


def can_add_offer(user: Visitor) -> bool:
    """Anyone who may add offers and edits at least one actor to add them to."""
    return is_verified(user) and user.has_perm(ADD_OFFER) and editable_actors(user).exists()


def can_add_offer_for(user: Visitor, actor: Actor) -> bool:
    return can_add_offer(user) and can_edit_actor(user, actor)


def is_kept_elsewhere(offer: Offer) -> bool:
    """An offer another part of the platform keeps (a funding call) is edited there."""
    return bool(offer.source)


def can_edit_offer(user: Visitor, offer: Offer) -> bool:
    if is_kept_elsewhere(offer) or not (is_verified(user) and user.has_perm(CHANGE_OFFER)):
        return False
    return can_edit_actor(user, offer.actor)


def can_delete_offer(user: Visitor, offer: Offer) -> bool:
    return (
        not is_kept_elsewhere(offer)
        and is_verified(user)
        and user.has_perm(DELETE_OFFER)
        and can_edit_actor(user, offer.actor)
    )


def editable_offers(user: Visitor) -> QuerySet:
    """The offers the admin lists for this person (a kept offer is listed, read only)."""
    return Offer.objects.filter(actor__in=editable_actors(user))


# Warm referrals: an actor's accounts see the cases their actor has now, and nothing else;
# the region's coordinators see all, so that no company is left without an answer.
COORDINATE = "actors.coordinate_referrals"
VIEW_REFERRAL = "actors.view_referral"


def coordinates_referrals(user: Visitor) -> bool:
    return is_verified(user) and user.has_perm(COORDINATE)


def visible_referrals(user: Visitor) -> QuerySet:
    if coordinates_referrals(user):
        return Referral.objects.all()
    if not (is_verified(user) and user.has_perm(VIEW_REFERRAL)):
        return Referral.objects.none()
    return Referral.objects.filter(actor__editors=user)


def can_see_referral(user: Visitor, referral: Referral) -> bool:
    if coordinates_referrals(user):
        return True
    return is_verified(user) and user.has_perm(VIEW_REFERRAL) and is_editor_of(user, referral.actor)


def can_answer_referral(user: Visitor, referral: Referral) -> bool:
    """Accept, pass on or decline: the actor that has the case, or a coordinator."""
    return referral.status == Referral.Status.SENT and can_see_referral(user, referral)


def can_close_referral(user: Visitor, referral: Referral) -> bool:
    return referral.status == Referral.Status.ACCEPTED and can_see_referral(user, referral)


def can_see_support_system(user: Visitor) -> bool:
    """The region's view of the whole support system, referral figures unsuppressed."""
    return manages_all_actors(user) or coordinates_referrals(user)
