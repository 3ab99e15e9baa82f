"""Keeping the offers true: the owner is reminded before the verify-by date, the offer is hidden
when it passes and the region is told, and a nightly check finds broken links for the admin."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from omstallning.accounts.roles import ACTOR_EDITOR, BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.actors import services
from omstallning.actors.models import Offer
from omstallning.actors.selectors import public_offers
from omstallning.knowledge.tests.feed_server import Reply, start_feed_server

from .factories import ActorFactory, OfferFactory


def _today() -> datetime.date:
    return timezone.localdate()


def test_the_owner_is_reminded_once_before_the_verify_by_date(db, settings):
    settings.OFFER_VERIFY_REMIND_DAYS = 14
    editor = UserFactory(roles=[ACTOR_EDITOR], verified=True, email="redaktor@almi.example")
    actor = ActorFactory(name="Almi", email="info@almi.example", editors=[editor])
    soon = OfferFactory(
        actor=actor, name_sv="Mikrolån", verify_by=_today() + datetime.timedelta(10)
    )
    OfferFactory(actor=actor, name_sv="Senare", verify_by=_today() + datetime.timedelta(days=60))
    OfferFactory(actor=actor, source="funding.call:1", verify_by=_today() + datetime.timedelta(3))

    first = services.offers_remind_owners()
    second = services.offers_remind_owners()

    assert (first, second) == (1, 0)
    assert sorted(message.to[0] for message in mail.outbox) == [
        "info@almi.example",
        "redaktor@almi.example",
    ]
    body = mail.outbox[0].body
    assert "Mikrolån" in body and "Senare" not in body
    assert f"/admin/hitta-stod/erbjudanden/{soon.pk}/kontrollerat/" in body


def test_an_offer_past_its_date_is_hidden_and_the_region_is_told_once(db):
    coordinator = UserFactory(roles=[BUSINESS_DEVELOPER], verified=True, email="region@rv.example")
    lapsed = OfferFactory(name_sv="Gammalt erbjudande", verify_by=_today() - datetime.timedelta(1))
    fresh = OfferFactory(name_sv="Färskt erbjudande")

    assert list(public_offers()) == [fresh]
    assert (services.offers_report_lapsed(), services.offers_report_lapsed()) == (1, 0)
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert "Gammalt erbjudande" in mail.outbox[0].body
    assert "Färskt erbjudande" not in mail.outbox[0].body
    lapsed.refresh_from_db()
    assert lapsed.lapse_reported_for == lapsed.verify_by


@pytest.fixture
def web(settings):
    settings.KNOWLEDGE_FEED_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.OFFER_LINK_CHECK_SECONDS = 2
    server, handle = start_feed_server()
    yield handle
    server.shutdown()


def test_the_nightly_check_finds_broken_links_and_the_editor_sees_them(db, site, web):
    web.routes["/ok"] = Reply(b"<html></html>", headers={"Content-Type": "text/html"})
    editor = UserFactory(roles=[ACTOR_EDITOR], verified=True)
    actor = ActorFactory(editors=[editor])
    working = OfferFactory(actor=actor, url=web.address("/ok"))
    gone = OfferFactory(actor=actor, name_sv="Borttagen sida", url=web.address("/borta"))
    slow = OfferFactory(actor=actor, url=web.address("/lang"))
    web.routes["/lang"] = Reply(b"", raw=True, delay=5)  # not even a status line in time
    elsewhere = OfferFactory(name_sv="Annans erbjudande", url=web.address("/borta"))

    assert services.offer_links_check() == 3

    problems = dict(Offer.objects.values_list("pk", "link_problem"))
    assert problems[working.pk] == ""
    # The test server refuses HEAD (501), so the check asks again with GET.
    assert problems[gone.pk] == "Sidan svarar med fel 404."
    assert problems[slow.pk] == "Sidan svarade inte i tid."
    start = verified_client(editor).get("/admin/").content.decode()
    assert "2 erbjudanden i Hitta stöd har en trasig länk" in start
    assert "Borttagen sida" in start and "Annans erbjudande" not in start
    assert elsewhere.pk in problems


def test_a_link_to_an_internal_address_is_not_fetched(db, settings):
    settings.KNOWLEDGE_FEED_ALLOWED_NETWORKS = []
    offer = OfferFactory(url="http://127.0.0.1:9/admin")

    services.offer_links_check()

    offer.refresh_from_db()
    assert offer.link_problem == "Adressen leder till ett nät som inte får kontrolleras."
