"""The offers' eligibility bit sets stay equal to their lists however the lists change, and
the finder matches through the rows when a vocabulary has more terms than bits."""

from omstallning.actors import eligibility_bits
from omstallning.actors.models import CompanyStage, Offer
from omstallning.actors.selectors import fitting_offers

from .factories import OfferFactory, stages


def _bits(offer) -> int:
    return Offer.objects.values_list("stage_bits", flat=True).get(pk=offer.pk)


def test_the_bits_follow_the_list_from_either_side(db):
    new, established = stages("nystartat", "etablerat")
    offer = OfferFactory(stages=[new])
    bit_of = eligibility_bits.positions("stages")

    assert _bits(offer) == 1 << bit_of[new.pk]
    established.offers.add(offer)  # from the term's side
    assert _bits(offer) == (1 << bit_of[new.pk]) | (1 << bit_of[established.pk])
    offer.stages.clear()
    assert _bits(offer) == 0
    assert list(fitting_offers({"skede": ["etablerat"]})) == [offer]


def test_removing_a_term_renumbers_the_bits_and_the_matches_stay_right(db):
    first = CompanyStage.objects.order_by("pk").first()
    established = stages("etablerat")[0]
    offer = OfferFactory(stages=[established])
    bit_before = eligibility_bits.positions("stages")[established.pk]

    first.delete()

    assert eligibility_bits.positions("stages")[established.pk] == bit_before - 1
    assert _bits(offer) == 1 << (bit_before - 1)
    assert list(fitting_offers({"skede": ["etablerat"]})) == [offer]
    assert not fitting_offers({"skede": ["nystartat"]}).exists()


def test_a_vocabulary_larger_than_the_bits_is_matched_through_its_rows(db, monkeypatch):
    new = stages("nystartat")
    for_new = OfferFactory(stages=new)
    for_others = OfferFactory(stages=stages("etablerat"))
    open_to_all = OfferFactory()
    monkeypatch.setattr(eligibility_bits, "MAX_TERMS", 2)

    fitting = set(fitting_offers({"skede": ["nystartat"]}))

    assert eligibility_bits.positions("stages") is None
    assert fitting == {for_new, open_to_all}
    assert for_others not in fitting
