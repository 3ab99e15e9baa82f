"""The admin's screens for actors and offers open, and offer only what the person edits."""

from omstallning.accounts.roles import ACTOR_EDITOR, BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.actors.models import Actor

from .factories import ActorFactory, OfferFactory


def test_an_actors_account_sees_its_actor_and_offers_and_adds_only_to_them(db, site):
    editor = UserFactory(roles=[ACTOR_EDITOR], verified=True)
    own = ActorFactory(name="Vår aktör", editors=[editor])
    ActorFactory(name="Grannens aktör")
    offer = OfferFactory(actor=own)
    client = verified_client(editor)

    actors = client.get("/admin/aktorer/aktorer/").content.decode()
    new_offer = client.get("/admin/aktorer/erbjudanden/new/").content.decode()
    edit_actor = client.get(f"/admin/aktorer/aktorer/edit/{own.pk}/")
    edit_offer = client.get(f"/admin/aktorer/erbjudanden/edit/{offer.pk}/")

    assert "Vår aktör" in actors and "Grannens aktör" not in actors
    assert f'<option value="{own.pk}">Vår aktör</option>' in new_offer
    assert "Grannens aktör" not in new_offer
    assert edit_actor.status_code == 200 and edit_offer.status_code == 200
    # Who may edit an actor is the region's to say.
    assert 'name="editors"' not in edit_actor.content.decode()


def test_the_region_sees_pending_actors_with_a_way_to_approve_them(db, site):
    region = UserFactory(roles=[BUSINESS_DEVELOPER], verified=True)
    pending = ActorFactory(name="Ny inkubator", status=Actor.Status.PENDING)
    client = verified_client(region)

    listing = client.get("/admin/aktorer/aktorer/").content.decode()
    confirm = client.get(f"/admin/hitta-stod/aktorer/{pending.pk}/godkann/").content.decode()
    edit = client.get(f"/admin/aktorer/aktorer/edit/{pending.pk}/").content.decode()

    assert "Ny inkubator" in listing
    assert f"/admin/hitta-stod/aktorer/{pending.pk}/godkann/" in listing
    assert "När Ny inkubator är godkänd visas aktören" in confirm
    assert 'name="editors"' in edit


def test_an_offer_may_not_take_the_address_of_the_lists_feed_or_download(db, site):
    editor = UserFactory(roles=[ACTOR_EDITOR], verified=True)
    own = ActorFactory(editors=[editor])

    response = verified_client(editor).post(
        "/admin/aktorer/erbjudanden/new/",
        {
            "actor": own.pk,
            "name_sv": "Flöde",
            "slug": "atom",
            "summary_sv": "x",
            "support_type": "radgivning",
            "cost": "free",
            "status": "active",
            "assured_date": "2026-12-01",
            "verify_by": "2027-06-01",
        },
    )

    assert response.status_code == 200
    assert "”atom” är upptaget i adressen. Välj ett annat kortnamn." in response.content.decode()
    assert not own.offers.exists()
