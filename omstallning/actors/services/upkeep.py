"""Keeping the offers true: owners reminded before their verify-by date, the region told of
the offers hidden because it passed, and every public offer's link checked at night."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.utils import timezone

from .. import notifications
from ..link_check import link_problem
from ..models import Offer


def _own_offers():
    # An offer another part of the platform keeps (a funding call) is kept true there.
    return Offer.objects.filter(
        status=Offer.Status.ACTIVE, actor__status="approved", source=""
    ).select_related("actor")


def offers_remind_owners(today: datetime.date | None = None) -> int:
    """Daily: each actor hears once per verify-by date of its offers due within
    OFFER_VERIFY_REMIND_DAYS, in one mail per actor."""
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=settings.OFFER_VERIFY_REMIND_DAYS)
    due = [
        offer
        for offer in _own_offers().filter(verify_by__gte=today, verify_by__lte=soon)
        if offer.verify_reminded_for != offer.verify_by
    ]
    by_actor = defaultdict(list)
    for offer in due:
        by_actor[offer.actor].append(offer)
    for actor, offers in by_actor.items():
        notifications.send_verify_reminder(actor, offers)
    for offer in due:
        Offer.objects.filter(pk=offer.pk).update(verify_reminded_for=offer.verify_by)
    return len(due)


def offers_report_lapsed(today: datetime.date | None = None) -> int:
    """Daily: the region's coordinators hear once of each offer hidden since its verify-by
    date passed, in one mail."""
    today = today or timezone.localdate()
    lapsed = [
        offer
        for offer in _own_offers().filter(verify_by__lt=today).order_by("actor__name", "name_sv")
        if offer.lapse_reported_for != offer.verify_by
    ]
    if lapsed:
        notifications.send_lapsed_report(lapsed)
    for offer in lapsed:
        Offer.objects.filter(pk=offer.pk).update(lapse_reported_for=offer.verify_by)
    return len(lapsed)


def offer_links_check() -> int:
    """Nightly: each public offer's link; the admin lists those with a problem."""
    broken = 0
    for offer in Offer.objects.public().exclude(url="").only("pk", "url"):
        problem = link_problem(offer.url)
        broken += bool(problem)
        Offer.objects.filter(pk=offer.pk).update(
            link_problem=problem, link_checked_at=timezone.now()
        )
    return broken
