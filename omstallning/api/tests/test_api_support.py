"""Hitta stöd's open data: HSDS 3 names and paged answers, the finder's own filters."""

from omstallning.actors.models import Actor, SupportType
from omstallning.actors.tests.factories import ActorFactory, OfferFactory, stages
from omstallning.core.tests.factories import municipalities


def test_offers_come_in_hsds_pages_with_their_organization(db, client):
    almi = ActorFactory(name="Almi Mälardalen", organisation_number="556483-2437")
    for number in range(3):
        OfferFactory(actor=almi, name_sv=f"Lån {number}", support_type=SupportType.LOAN)

    first = client.get("/api/v1/offers", {"per_page": 2}).json()
    last = client.get("/api/v1/offers", {"per_page": 2, "page": 2}).json()

    assert {key: first[key] for key in first if key != "contents"} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 1,
        "size": 2,
        "first_page": True,
        "last_page": False,
        "empty": False,
    }
    assert (last["size"], last["last_page"]) == (1, True)
    service = first["contents"][0]
    assert service["name"] == "Lån 0" and service["status"] == "active"
    assert service["organization"]["name"] == "Almi Mälardalen"
    assert service["organization"]["tax_id"] == "556483-2437"
    assert service["support_type"] == {"code": "lan", "name": "Finansiering: lån"}


def test_offers_filter_by_the_finders_answers_and_filters(db, client):
    municipalities("1980")
    new = OfferFactory(name_sv="För nya", stages=stages("nystartat"))
    OfferFactory(name_sv="För växande", stages=stages("vaxande"))
    OfferFactory(name_sv="Kurs", support_type=SupportType.TRAINING)

    for_new = client.get("/api/v1/offers", {"skede": "nystartat"}).json()
    training = client.get("/api/v1/offers", {"typ": "utbildning"}).json()
    unknown = client.get("/api/v1/offers", {"skede": "finns-inte"}).json()

    assert [s["name"] for s in for_new["contents"]] == ["För nya", "Kurs"]
    assert [s["name"] for s in training["contents"]] == ["Kurs"]
    assert unknown["total_items"] == 3  # a value that names nothing narrows nothing
    one = client.get(f"/api/v1/offers/{new.uid}").json()
    assert one["stages"] == [{"code": "nystartat", "name": "Nystartat, högst två år"}]


def test_only_public_actors_and_offers_are_open_data(db, client):
    pending = ActorFactory(status=Actor.Status.PENDING)
    hidden = OfferFactory(actor=pending)
    shown = ActorFactory(name="Synlig")

    actors = client.get("/api/v1/actors").json()

    assert [a["name"] for a in actors["contents"]] == ["Synlig"]
    assert client.get(f"/api/v1/actors/{pending.uid}").status_code == 404
    assert client.get(f"/api/v1/offers/{hidden.uid}").status_code == 404
    assert client.get(f"/api/v1/actors/{shown.uid}").json()["name"] == "Synlig"
    assert client.get("/api/v1/offers/inte-ett-id").status_code == 422
