"""The region's calls appear in Hitta stöd by themselves, kept from the call, and end with it."""

import datetime

from django.utils import timezone

from omstallning.accounts.roles import BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.actors import permissions
from omstallning.actors.models import Offer
from omstallning.actors.selectors import public_offers
from omstallning.core.tests.factories import region_vastmanland

from .factories import CallFactory


def test_a_call_becomes_an_offer_of_the_region_and_follows_the_call(
    db, django_capture_on_commit_callbacks
):
    region_vastmanland()
    with django_capture_on_commit_callbacks(execute=True):
        call = CallFactory(title="Investeringsstöd 2027", summary="Stöd till investeringar.")
    offer = Offer.objects.get(source=f"funding.call:{call.pk}")

    assert offer.actor.name == "Region Västmanland"
    assert (offer.name_sv, offer.summary_sv, offer.support_type) == (
        "Investeringsstöd 2027",
        "Stöd till investeringar.",
        "bidrag",
    )
    assert offer.ends_on == timezone.localdate(call.closes_at)
    assert offer.url.endswith(f"/stod/utlysningar/{call.pk}/ansok/")
    assert offer in public_offers()

    call.title = "Investeringsstöd 2027, andra omgången"
    with django_capture_on_commit_callbacks(execute=True):
        call.save()
    offer.refresh_from_db()
    assert offer.name_sv == "Investeringsstöd 2027, andra omgången"
    assert Offer.objects.filter(source=f"funding.call:{call.pk}").count() == 1

    # Nobody edits it in the finder's admin: the call is where it changes.
    region_staff = UserFactory(roles=[BUSINESS_DEVELOPER], verified=True)
    assert not permissions.can_edit_offer(region_staff, offer)


def test_a_closed_call_is_no_longer_shown_and_a_deleted_one_ends_its_offer(
    db, django_capture_on_commit_callbacks
):
    region_vastmanland()
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        closed = CallFactory(
            opens_at=now - datetime.timedelta(days=60), closes_at=now - datetime.timedelta(days=2)
        )
        gone = CallFactory()
    gone_source = f"funding.call:{gone.pk}"

    gone.delete()

    assert not public_offers().filter(source=f"funding.call:{closed.pk}").exists()
    assert Offer.objects.get(source=gone_source).status == Offer.Status.ENDED
