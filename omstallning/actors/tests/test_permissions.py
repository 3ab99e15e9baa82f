"""An actor's own accounts edit that actor and its offers, never another's; the region's
editors approve new actors and edit all; without a verified second factor, nobody."""

from wagtail.models import ModelLogEntry

from omstallning.accounts.roles import ACTOR_EDITOR, BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.actors import permissions, services
from omstallning.actors.models import Actor, Offer

from .factories import ActorFactory, OfferFactory


def _actor_editor(**kwargs):
    return UserFactory(roles=[ACTOR_EDITOR], verified=True, **kwargs)


def test_an_actors_account_edits_its_own_offers_and_not_anothers(db):
    editor = _actor_editor()
    own = OfferFactory(actor=ActorFactory(editors=[editor]))
    other = OfferFactory()

    assert permissions.can_edit_offer(editor, own)
    assert not permissions.can_edit_offer(editor, other)
    assert list(permissions.editable_offers(editor)) == [own]
    assert permissions.can_edit_actor(editor, own.actor)
    assert not permissions.can_edit_actor(editor, other.actor)


def test_the_region_edits_every_actor_and_offer_and_approves(db):
    region = UserFactory(roles=[BUSINESS_DEVELOPER], verified=True)
    pending = ActorFactory(status=Actor.Status.PENDING)
    offer = OfferFactory()

    assert permissions.can_edit_actor(region, pending)
    assert permissions.can_edit_offer(region, offer)
    assert permissions.can_approve_actor(region, pending)
    assert not permissions.can_approve_actor(region, offer.actor)  # approved already


def test_without_a_verified_second_factor_or_the_role_nobody_edits(db):
    unverified = UserFactory(roles=[ACTOR_EDITOR])
    no_role = UserFactory(verified=True)
    actor = ActorFactory(editors=[unverified, no_role])
    offer = OfferFactory(actor=actor)

    for user in (unverified, no_role):
        assert not permissions.can_edit_actor(user, actor)
        assert not permissions.can_edit_offer(user, offer)
        assert not permissions.editable_offers(user).exists()


def test_an_offer_kept_by_a_funding_call_is_edited_there_only(db):
    region = UserFactory(roles=[BUSINESS_DEVELOPER], verified=True)
    kept = OfferFactory(source="funding.call:1")

    assert not permissions.can_edit_offer(region, kept)
    assert not permissions.can_delete_offer(region, kept)


def test_the_admin_lists_only_the_actors_own_offers(db, site):
    editor = _actor_editor()
    OfferFactory(actor=ActorFactory(editors=[editor]), name_sv="Vårt eget erbjudande")
    OfferFactory(name_sv="Någon annans erbjudande")
    client = verified_client(editor)

    html = client.get("/admin/aktorer/erbjudanden/").content.decode()

    assert "Vårt eget erbjudande" in html
    assert "Någon annans erbjudande" not in html


def test_another_actors_offer_cannot_be_opened_or_changed_in_the_admin(db, site):
    editor = _actor_editor()
    other = OfferFactory(name_sv="Någon annans")
    client = verified_client(editor)

    assert_not_permitted(client.get(f"/admin/aktorer/erbjudanden/edit/{other.pk}/"))
    assert_not_permitted(
        client.post(f"/admin/aktorer/erbjudanden/edit/{other.pk}/", {"name_sv": "Kapad"})
    )
    assert_not_permitted(client.post(f"/admin/hitta-stod/erbjudanden/{other.pk}/kontrollerat/"))
    other.refresh_from_db()
    assert other.name_sv == "Någon annans"


def test_an_offer_cannot_be_added_to_another_actor(db, site):
    editor = _actor_editor()
    ActorFactory(editors=[editor])
    other = ActorFactory()
    client = verified_client(editor)

    response = client.post(
        "/admin/aktorer/erbjudanden/new/",
        {
            "actor": other.pk,
            "name_sv": "Smuggel",
            "slug": "smuggel",
            "summary_sv": "x",
            "support_type": "radgivning",
            "cost": "free",
            "status": "active",
            "assured_date": "2026-12-01",
            "verify_by": "2027-06-01",
        },
    )

    assert response.status_code == 200
    assert "Välj ett giltigt alternativ" in response.content.decode()
    assert not Offer.objects.filter(slug="smuggel").exists()


def test_a_new_actor_from_an_actors_account_waits_for_the_region(db, site):
    editor = _actor_editor()
    region = UserFactory(roles=[BUSINESS_DEVELOPER], verified=True)
    actor = Actor(name="Ny aktör", slug="ny-aktor", kind=Actor.Kind.OTHER, description_sv="x")

    services.actor_create(user=editor, actor=actor)

    assert actor.status == Actor.Status.PENDING
    assert list(actor.editors.all()) == [editor]
    assert not permissions.can_approve_actor(editor, actor)
    assert_not_permitted(
        verified_client(editor).post(f"/admin/hitta-stod/aktorer/{actor.pk}/godkann/")
    )

    response = verified_client(region).post(f"/admin/hitta-stod/aktorer/{actor.pk}/godkann/")

    assert response.status_code == 302
    actor.refresh_from_db()
    assert actor.is_approved
    entry = ModelLogEntry.objects.get(action=services.ACTOR_APPROVED)
    assert (entry.user, entry.object_id) == (region, str(actor.pk))


def test_confirming_an_offer_moves_its_verify_by_date_and_is_logged(db, site):
    import datetime

    from django.utils import timezone

    editor = _actor_editor()
    offer = OfferFactory(
        actor=ActorFactory(editors=[editor]),
        assured_date=datetime.date(2026, 1, 1),
        verify_by=datetime.date(2026, 7, 1),
    )

    response = verified_client(editor).post(
        f"/admin/hitta-stod/erbjudanden/{offer.pk}/kontrollerat/"
    )

    offer.refresh_from_db()
    assert response.status_code == 302
    assert offer.assured_date == timezone.localdate()
    assert offer.verify_by == timezone.localdate() + datetime.timedelta(days=183)
    assert ModelLogEntry.objects.filter(action=services.OFFER_VERIFIED, user=editor).count() == 1
