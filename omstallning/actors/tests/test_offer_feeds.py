"""Offers across regions: the open data says where each offer can be had, and another region's
platform subscribes to them. Only offers that reach this county's companies come in, read-only,
and ones the feed no longer has are ended."""

import json
import uuid

import pytest

from omstallning.accounts.roles import ACTOR_EDITOR, BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.actors import permissions, services
from omstallning.actors.models import Offer, OfferFeedSubscription
from omstallning.actors.selectors import fitting_offers
from omstallning.core.tests.factories import municipalities, region_vastmanland
from omstallning.knowledge.tests.feed_server import Reply, start_feed_server

from .factories import OfferFactory

OREBRO_COUNTY = "18"


def _service(name: str, areas: list[dict], **changes) -> dict:
    service = {
        "id": str(uuid.uuid4()),
        "organization": {
            "id": str(uuid.uuid4()),
            "name": "Almi Örebro",
            "kind": "finansiar",
            "locations": [
                {
                    "addresses": [
                        {"address_1": "Klostergatan 23", "postal_code": "703 61", "city": "Örebro"}
                    ],
                    "accessibility": [{"description": "Entré utan trappsteg."}],
                }
            ],
        },
        "name": name,
        "description": f"{name}, från Region Örebro läns plattform.",
        "status": "active",
        "assured_date": "2026-11-20",
        "cost_options": [{"option": "free", "amount_description": ""}],
        "service_areas": areas,
        "support_type": {"code": "lan", "name": "Lån"},
        "stages": [{"code": "nystartat", "name": "Nystartat"}],
        "schedules": [{"description": "Löpande hela året."}],
    }
    service.update(changes)
    return service


def _page(*services: dict) -> Reply:
    document = {
        "total_items": len(services),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services),
        "first_page": True,
        "last_page": True,
        "empty": not services,
        "contents": list(services),
    }
    return Reply(json.dumps(document).encode())


@pytest.fixture
def feed(settings):
    settings.KNOWLEDGE_FEED_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    server, handle = start_feed_server()
    yield handle
    server.shutdown()


@pytest.fixture
def subscription(db, feed):
    region_vastmanland()
    municipalities("1980", "1981")
    return OfferFeedSubscription.objects.create(
        name="Region Örebro län", feed_url=feed.address("/api/v1/offers")
    )


def test_the_open_data_says_where_each_offer_can_be_had(db, client):
    region_vastmanland()
    OfferFactory(name_sv="Länet", slug="lanet", schedule_description="Varje vår.")
    OfferFactory(name_sv="Landet", slug="landet", nationwide=True)
    OfferFactory(name_sv="Sala", slug="sala", municipalities=municipalities("1981"))

    contents = client.get("/api/v1/offers").json()["contents"]

    areas = {service["name"]: service["service_areas"] for service in contents}
    assert areas["Länet"] == [
        {"id": "19", "name": "Västmanlands län", "extent_type": "scb_lanskod"}
    ]
    assert areas["Landet"] == [{"id": "SE", "name": "Sverige", "extent_type": "country"}]
    assert areas["Sala"] == [{"id": "1981", "name": "Sala", "extent_type": "scb_kommunkod"}]
    schedules = {service["name"]: service["schedules"] for service in contents}
    assert schedules == {"Länet": [{"description": "Varje vår."}], "Landet": [], "Sala": []}


def test_only_offers_that_reach_this_countys_companies_come_in_read_only(feed, subscription):
    feed.routes["/api/v1/offers?page=1&per_page=100"] = _page(
        _service("Lån i hela landet", [{"id": "SE", "extent_type": "country"}]),
        _service("Lån i Örebro län", [{"id": OREBRO_COUNTY, "extent_type": "scb_lanskod"}]),
        _service("Lån i Sala", [{"id": "1981", "extent_type": "scb_kommunkod"}]),
        _service(
            "Lån för rymdbolag",
            [{"id": "SE", "extent_type": "country"}],
            stages=[{"code": "rymd", "name": "Rymdbolag"}],
        ),
    )

    summary = services.offer_feed_fetch(subscription)

    assert (summary.kept, summary.elsewhere, summary.not_expressible) == (2, 1, 1)
    nationwide = Offer.objects.get(name_sv="Lån i hela landet")
    in_sala = Offer.objects.get(name_sv="Lån i Sala")
    assert nationwide.nationwide and not nationwide.municipalities.exists()
    assert list(in_sala.municipalities.values_list("code", flat=True)) == ["1981"]
    assert set(fitting_offers({"kommun": ["1980"], "skede": ["nystartat"]})) == {nationwide}
    region = UserFactory(roles=[BUSINESS_DEVELOPER], verified=True)
    assert not permissions.can_edit_offer(region, nationwide)
    assert not permissions.can_edit_actor(region, nationwide.actor)
    assert nationwide.actor.name == "Almi Örebro" and nationwide.actor.is_approved
    assert (nationwide.actor.city, nationwide.schedule_description) == (
        "Örebro",
        "Löpande hela året.",
    )
    subscription.refresh_from_db()
    assert subscription.last_error == "" and "2 erbjudanden hämtade" in subscription.last_summary


def test_an_offer_the_feed_no_longer_has_is_ended(feed, subscription):
    kept = _service("Lån i hela landet", [{"id": "SE", "extent_type": "country"}])
    route = "/api/v1/offers?page=1&per_page=100"
    feed.routes[route] = _page(kept)
    services.offer_feed_fetch(subscription)
    feed.routes[route] = _page()

    summary = services.offer_feed_fetch(subscription)

    assert summary.ended == 1
    assert Offer.objects.get(name_sv="Lån i hela landet").status == Offer.Status.ENDED


def test_a_feed_that_is_not_hsds_changes_nothing_and_says_why(feed, subscription):
    feed.routes["/api/v1/offers?page=1&per_page=100"] = Reply(b'{"items": []}')

    assert services.offer_feed_fetch(subscription) is None

    subscription.refresh_from_db()
    assert "svarar inte med erbjudanden enligt HSDS 3" in subscription.last_error
    assert not Offer.objects.exists()


def test_only_the_region_chooses_other_platforms_to_subscribe_to(db, site, subscription):
    region = verified_client(UserFactory(roles=[BUSINESS_DEVELOPER], verified=True))
    editor = verified_client(UserFactory(roles=[ACTOR_EDITOR], verified=True))

    assert "Region Örebro län" in region.get("/admin/aktorer/prenumerationer/").content.decode()
    assert_not_permitted(editor.get("/admin/aktorer/prenumerationer/"))
    assert_not_permitted(editor.post(f"/admin/hitta-stod/prenumerationer/{subscription.pk}/hamta/"))


def test_an_actors_visiting_address_and_accessibility_are_open_data(db, site, client):
    from .factories import ActorFactory, support_finder

    support_finder()
    ActorFactory(
        name="Almi Mälardalen",
        slug="almi",
        street_address="Kopparbergsvägen 10",
        postal_code="722 13",
        city="Västerås",
        accessibility_description="Hiss och entré utan trappsteg.",
    )

    organization = client.get("/api/v1/actors").json()["contents"][0]
    page = client.get("/hitta-stod/aktorer/almi/").content.decode()

    assert organization["locations"] == [
        {
            "location_type": "physical",
            "name": "Almi Mälardalen",
            "addresses": [
                {
                    "address_1": "Kopparbergsvägen 10",
                    "postal_code": "722 13",
                    "city": "Västerås",
                    "country": "SE",
                    "address_type": "physical",
                }
            ],
            "accessibility": [{"description": "Hiss och entré utan trappsteg."}],
        }
    ]
    assert '"streetAddress": "Kopparbergsvägen 10"' in page
    assert "Kopparbergsvägen 10, 722 13 Västerås" in page
