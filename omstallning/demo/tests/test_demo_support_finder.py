"""Smoke tests on the demo's Hitta stöd: Västmanland's kinds of actors with at least forty
offers, all marked as example data, and the finder's pages in both languages."""

from omstallning.actors.models import Actor, Offer
from omstallning.actors.selectors import public_offers


def test_the_demo_has_the_countys_kinds_of_actors_and_forty_offers_marked_as_examples(demo):
    kinds = set(Actor.objects.values_list("kind", flat=True))

    assert Actor.objects.filter(kind=Actor.Kind.MUNICIPAL).count() == 10
    assert kinds >= {"regional", "kommunal", "inkubator", "kooperativ", "akademi", "finansiar"}
    assert public_offers().count() >= 40
    assert not Actor.objects.filter(is_example_data=False).exists()
    assert not Offer.objects.filter(is_example_data=False).exists()


def test_a_new_company_looking_for_money_finds_almis_micro_loan_with_its_reasons(demo, client):
    answers = {
        "behov": "pengar",
        "skede": "nystartat",
        "storlek": "mikro",
        "bransch": "G",
        "kommun": "1980",
        "agare": "alla",
    }

    html = client.get("/hitta-stod/erbjudanden/", answers).content.decode()
    english = client.get("/en/find-support/erbjudanden/", answers).content.decode()

    assert "Mikrolån" in html and "Almi Mälardalen" in html
    assert "För: Mikroföretag (färre än 10 anställda)" in html
    assert "Micro loan" in english and "Gives what you are looking for: Funding: loan" in english


def test_the_sitemap_lists_the_offers_and_actors(demo, client):
    xml = client.get("/sitemap.xml").content.decode()

    assert "/hitta-stod/erbjudanden/mikrolan/</loc>" in xml
    assert "/hitta-stod/aktorer/almi-malardalen/</loc>" in xml
    assert "/en/find-support/erbjudanden/mikrolan/</loc>" in xml


def test_the_demo_has_example_referrals_in_every_state_for_almis_queue(demo):
    from omstallning.accounts.roles import ACTOR_EDITOR
    from omstallning.accounts.tests.factories import UserFactory, verified_client
    from omstallning.actors.models import Referral, ReferralStep
    from omstallning.actors.permissions import visible_referrals

    # As the demo's actor editor is, without the demo users this folder loads without.
    editor = UserFactory(roles=[ACTOR_EDITOR], verified=True)
    Actor.objects.get(slug="almi-malardalen").editors.add(editor)
    kinds = set(ReferralStep.objects.values_list("kind", flat=True))

    assert set(Referral.objects.values_list("status", flat=True)) == set(Referral.Status.values)
    assert kinds == set(ReferralStep.Kind.values)
    assert not Referral.objects.filter(is_example_data=False).exists()
    assert Referral.objects.filter(anonymised_at__isnull=False).count() == 2
    queue = visible_referrals(editor)
    assert queue.filter(status=Referral.Status.SENT).count() >= 2
    assert not queue.exclude(actor__slug="almi-malardalen").exists()
    listing = verified_client(editor).get("/admin/aktorer/lotsningar/").content.decode()
    assert "Solgläntans Bageri AB om Mikrolån" in listing
