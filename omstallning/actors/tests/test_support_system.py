"""The region's view of the support system: offers by stage and municipality × type with white
spots and overlaps, each actor's referrals and answer times, reach by target group; referral
counts under five are hidden on the public page."""

import datetime

from django.utils import timezone

from omstallning.accounts.roles import ACTOR_EDITOR, BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.actors import support_system
from omstallning.actors.models import Referral, ReferralStep, SupportType
from omstallning.actors.selectors import public_offers
from omstallning.core.tests.factories import municipalities

from .factories import (
    ActorFactory,
    OfferFactory,
    ReferralFactory,
    stages,
    support_finder,
    target_groups,
)


def _row(offer_map, label):
    return next(row for row in offer_map.rows if row.label == label)


def _cell(offer_map, label, support_type):
    column = [str(kind.label) for kind in SupportType].index(str(support_type.label))
    return _row(offer_map, label).cells[column]


def test_offers_open_to_all_reach_every_stage_and_the_gaps_show(db):
    OfferFactory(support_type=SupportType.LOAN)  # every stage
    for _ in range(5):
        OfferFactory(support_type=SupportType.ADVICE, stages=stages("nystartat"))

    by_stage = support_system.offer_map(public_offers(), "stages")

    assert by_stage.total == 6
    assert _cell(by_stage, "Nystartat, högst två år", SupportType.LOAN).count == 1
    advice_new = _cell(by_stage, "Nystartat, högst två år", SupportType.ADVICE)
    assert advice_new.count == 5 and advice_new.is_overlap
    advice_established = _cell(by_stage, "Etablerat", SupportType.ADVICE)
    assert advice_established.count == 0 and advice_established.is_white_spot


def test_each_actor_receives_answers_and_is_rated(db):
    first, second = ActorFactory(name="Nyföretagarcentrum"), ActorFactory(name="Almi")
    sent = timezone.now() - datetime.timedelta(days=2)
    passed = ReferralFactory(offer=OfferFactory(actor=first), consented_at=sent)
    ReferralStep.objects.create(
        referral=passed, kind="passed_on", actor=first, to_actor=second,
        at=sent + datetime.timedelta(hours=3),
    )  # fmt: skip
    ReferralStep.objects.create(
        referral=passed, kind="accepted", actor=second, at=sent + datetime.timedelta(hours=8)
    )
    passed.actor = second
    passed.status = Referral.Status.CLOSED
    passed.outcome = Referral.Outcome.GRANTED
    passed.rating = 4
    passed.save()

    figures = {f.actor.name: f for f in support_system.actor_figures()}

    assert (figures["Nyföretagarcentrum"].received, figures["Nyföretagarcentrum"].answered) == (
        1,
        1,
    )
    assert figures["Nyföretagarcentrum"].median_answer_hours == 3
    assert (figures["Almi"].received, figures["Almi"].median_answer_hours) == (1, 5)
    assert figures["Almi"].outcomes == {"Företaget fick stödet": 1}
    assert (figures["Almi"].ratings, figures["Almi"].rating_mean) == (1, 4)


def test_reach_counts_the_offers_for_a_group_and_their_referrals(db):
    women = target_groups("kvinnor")
    offer = OfferFactory(target_groups=women)
    ReferralFactory(offer=offer, status=Referral.Status.CLOSED, outcome=Referral.Outcome.ADVICE)
    ReferralFactory(offer=offer)

    reach = {r.group.slug: r for r in support_system.target_group_reach(public_offers())}

    assert (reach["kvinnor"].offers, reach["kvinnor"].referrals, reach["kvinnor"].helped) == (
        1,
        2,
        1,
    )


def test_the_public_page_hides_small_referral_counts_and_the_admin_shows_them(db, site, client):
    support_finder()
    municipalities("1980")
    actor = ActorFactory(name="Almi")
    for _ in range(2):
        ReferralFactory(offer=OfferFactory(actor=actor))

    public = client.get("/hitta-stod/stodsystemet/").content.decode()
    region = verified_client(UserFactory(roles=[BUSINESS_DEVELOPER], verified=True))
    admin = region.get("/admin/hitta-stod/stodsystemet/?kommun=1980&tema=finns-inte").content

    assert "Erbjudanden per skede och typ av stöd" in public
    assert '<th scope="row">Almi</th><td>&lt; 5</td>' in public
    assert '<th scope="row">Almi</th><td>2</td>' in admin.decode()
    editor = verified_client(UserFactory(roles=[ACTOR_EDITOR], verified=True))
    assert_not_permitted(editor.get("/admin/hitta-stod/stodsystemet/"))
