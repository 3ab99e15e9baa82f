"""De minimis aid: the company notes what it has received, and offers that are de minimis aid
say how much room is left under EUR 300 000 over three years, and warn before it is passed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import given
from hypothesis import strategies as st

from omstallning.accounts.models import Membership
from omstallning.accounts.tests.factories import UserFactory
from omstallning.actors import services
from omstallning.actors.de_minimis import CEILING_EUR, notice, period_start, received_in_period
from omstallning.actors.models import DeMinimisAid, Offer
from omstallning.core.tests.factories import OrganisationFactory

from .factories import OfferFactory, support_finder

TODAY = datetime.date(2026, 12, 4)


def _member(organisation):
    user = UserFactory()
    Membership.objects.create(user=user, organisation=organisation, status="active")
    return user


def test_the_three_years_end_today_and_count_what_was_granted_within_them(db):
    organisation = OrganisationFactory()
    for granted_on, amount in [
        (datetime.date(2023, 12, 4), 100_000),  # three years ago to the day: outside
        (datetime.date(2023, 12, 5), 50_000),
        (datetime.date(2026, 6, 1), 25_000),
    ]:
        DeMinimisAid.objects.create(
            organisation=organisation, granted_on=granted_on, amount_eur=amount, grantor="Almi"
        )

    assert period_start(TODAY) == datetime.date(2023, 12, 5)
    assert period_start(datetime.date(2028, 2, 29)) == datetime.date(2025, 3, 1)
    assert received_in_period(organisation.de_minimis_aid.all(), TODAY) == Decimal(75_000)


@given(
    received=st.decimals(min_value=0, max_value=400_000, places=2),
    most=st.one_of(st.none(), st.integers(min_value=1, max_value=400_000)),
)
def test_an_offer_warns_exactly_when_taking_it_in_full_would_pass_the_ceiling(received, most):
    offer = Offer(is_de_minimis=True, max_amount_eur=most)

    note = notice(offer, received)

    passes = received >= CEILING_EUR or (most is not None and received + most > CEILING_EUR)
    assert note is not None and note.is_warning == passes
    assert notice(Offer(is_de_minimis=False, max_amount_eur=most), received) is None
    assert notice(offer, None) is None


def test_without_an_account_the_sum_is_kept_for_the_visit_and_the_offer_warns(db, site, client):
    support_finder()
    OfferFactory(slug="check", is_de_minimis=True, max_amount_eur=25_000)

    refused = client.post("/de-minimis/", {"action": "sum", "received_eur": "mycket"})
    assert refused.status_code == 400
    assert "Skriv summan med siffror, till exempel 25000." in refused.content.decode()
    client.post("/de-minimis/", {"action": "sum", "received_eur": "290000"})

    page = client.get("/hitta-stod/erbjudanden/check/").content.decode()
    listing = client.get("/hitta-stod/erbjudanden/").content.decode()
    assert "Varning:" in page and "10\xa0000 euro kvar" in page
    assert "hela beloppet skulle passera taket" in listing
    client.post("/de-minimis/", {"action": "forget"})
    assert "Varning:" not in client.get("/hitta-stod/erbjudanden/check/").content.decode()


def test_a_member_keeps_the_register_of_its_organisation(db, site, client):
    organisation = OrganisationFactory(name="Bageriet AB")
    user = _member(organisation)
    client.force_login(user)

    refused = client.post(
        "/de-minimis/",
        {"action": "note", "organisation": organisation.pk, "granted_on": "2099-01-01",
         "amount_eur": "1000", "grantor": "Almi"},
    )  # fmt: skip
    assert "datumet är i framtiden" in refused.content.decode()
    client.post(
        "/de-minimis/",
        {"action": "note", "organisation": organisation.pk, "granted_on": "2026-03-14",
         "amount_eur": "20000", "grantor": "Region Västmanland"},
    )  # fmt: skip

    page = client.get("/de-minimis/").content.decode()
    assert "Stöd som Bageriet AB har fått" in page
    assert "Region Västmanland" in page and "har ni fått 20\xa0000 euro" in page


def test_nobody_notes_or_removes_aid_for_an_organisation_they_are_not_in(db, site, client):
    theirs = OrganisationFactory()
    aid = DeMinimisAid.objects.create(
        organisation=theirs, granted_on=TODAY, amount_eur=1000, grantor="Almi"
    )
    stranger = _member(OrganisationFactory())
    client.force_login(stranger)

    response = client.post(
        "/de-minimis/", {"action": "remove", "organisation": theirs.pk, "aid": aid.pk}
    )

    assert response.status_code == 404
    assert DeMinimisAid.objects.filter(pk=aid.pk).exists()
    with pytest.raises(PermissionDenied):
        services.de_minimis_note(
            user=stranger, organisation=theirs, granted_on=TODAY, amount_eur=1, grantor="x"
        )
    with pytest.raises(PermissionDenied):
        services.de_minimis_remove(user=stranger, aid=aid)
    assert _member(theirs) and services.de_minimis_remove(user=_member(theirs), aid=aid) is None
    assert not DeMinimisAid.objects.filter(pk=aid.pk).exists()
