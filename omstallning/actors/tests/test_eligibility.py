"""The finder's rules: the database filter and the check of one offer say the same, answering
one more question never widens the result, and the list's counts are the list's."""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from omstallning.actors import facets
from omstallning.actors.eligibility import ANY, NEEDS, NONE_OF_THESE, QUESTIONS, verdicts
from omstallning.actors.models import Offer, SupportType
from omstallning.actors.selectors import finder_results, fitting_offers, public_offers
from omstallning.core.tests.factories import municipalities
from omstallning.knowledge.tests.factories import sectors, sizes, themes

from .factories import ActorFactory, OfferFactory, stages, target_groups

STAGES = ["ide", "nystartat", "etablerat", "vaxande", "agarskifte"]
SIZES = ["mikro", "litet", "medelstort", "stort"]
SECTORS = ["A", "C", "F", "G", "J"]
MUNICIPALITIES = ["1980", "1984", "1907"]
OWNER_GROUPS = ["kvinnor", "unga", "utrikes-fodda"]
THEMES = ["cirkular-ekonomi", "energi-och-klimat", "digitalisering"]


def _some(rng: random.Random, values: list[str]) -> list[str]:
    # Half the offers are open to all on each rule: an empty choice.
    return [] if rng.random() < 0.5 else rng.sample(values, rng.randint(1, len(values)))


@pytest.fixture
def pool(site):
    """Forty offers from three actors, each with its own mix of rules."""
    rng = random.Random(2026)
    actors = [ActorFactory() for _ in range(3)]
    municipalities(*MUNICIPALITIES)
    for _ in range(40):
        groups = _some(rng, OWNER_GROUPS)
        OfferFactory(
            actor=rng.choice(actors),
            support_type=rng.choice(SupportType.values),
            cost=rng.choice(Offer.Cost.values),
            stages=stages(*_some(rng, STAGES)),
            company_sizes=sizes(*_some(rng, SIZES)),
            sectors=sectors(*_some(rng, SECTORS)),
            municipalities=municipalities(*_some(rng, MUNICIPALITIES)),
            target_groups=target_groups(*groups),
            only_for_target_groups=bool(groups) and rng.random() < 0.5,
            themes=themes(*_some(rng, THEMES)),
        )
    return list(public_offers())


ANSWER_VALUES = {
    "behov": list(NEEDS),
    "skede": STAGES,
    "storlek": SIZES,
    "bransch": SECTORS,
    "kommun": MUNICIPALITIES,
    "agare": [*OWNER_GROUPS, NONE_OF_THESE],
}


@st.composite
def answer_sets(draw):
    answers = {}
    for question in QUESTIONS:
        choice = draw(st.sampled_from(["unanswered", "any", "value"]))
        if choice == "any":
            answers[question.param] = [ANY]
        elif choice == "value":
            values = ANSWER_VALUES[question.param]
            count = draw(st.integers(1, 2)) if question.multiple else 1
            answers[question.param] = draw(
                st.lists(st.sampled_from(values), min_size=count, max_size=count, unique=True)
            )
    return answers


def _ids(queryset) -> set[int]:
    return set(queryset.values_list("pk", flat=True))


@given(answers=answer_sets())
def test_every_offer_shown_fits_every_answer_and_every_other_offer_fails_one(pool, answers):
    shown = _ids(fitting_offers(answers))

    for offer in Offer.objects.filter(pk__in=[o.pk for o in pool]).prefetch_related(
        "stages", "company_sizes", "sectors", "municipalities", "target_groups"
    ):
        checked = verdicts(offer, answers)
        if offer.pk in shown:
            assert all(verdict.fits for verdict in checked), (offer, checked)
        else:
            assert not all(verdict.fits for verdict in checked), (offer, checked)


@given(answers=answer_sets(), extra=st.sampled_from(list(ANSWER_VALUES)), data=st.data())
def test_answering_one_more_question_never_widens_the_result(pool, answers, extra, data):
    more = {**answers, extra: [data.draw(st.sampled_from(ANSWER_VALUES[extra]))]}
    fewer = {param: values for param, values in answers.items() if param != extra}

    assert _ids(fitting_offers(more)) <= _ids(fitting_offers(fewer))


@given(
    answers=answer_sets(),
    chosen_themes=st.lists(st.sampled_from(THEMES), max_size=2, unique=True),
    chosen_types=st.lists(st.sampled_from(SupportType.values), max_size=2, unique=True),
)
def test_every_count_is_the_length_of_the_list_that_choosing_it_gives(
    pool, answers, chosen_themes, chosen_types
):
    chosen = {"tema": chosen_themes, "typ": chosen_types}
    results = finder_results(answers, chosen, page=None)

    assert results.total == facets.apply(fitting_offers(answers), chosen).count()
    for param, values in results.facets.items():
        for value in values:
            alone = {**chosen, param: [value.value]}
            listed = facets.apply(fitting_offers(answers), alone).count()
            assert value.count == listed, (param, value)


def test_an_offer_open_to_all_fits_any_answers_and_says_so(site):
    offer = OfferFactory(support_type=SupportType.GRANT)
    answers = {"behov": ["pengar"], "skede": ["nystartat"], "storlek": ["mikro"]}

    reasons = [verdict.reason for verdict in verdicts(offer, answers)]

    assert _ids(fitting_offers(answers)) == {offer.pk}
    assert reasons == [
        "Ger det du söker: Finansiering: bidrag",
        "Öppet i alla skeden",
        "Öppet för alla storlekar",
    ]


def test_an_offer_for_some_says_why_it_does_not_fit_others(site):
    offer = OfferFactory(
        stages=stages("etablerat", "vaxande"),
        target_groups=target_groups("kvinnor"),
        only_for_target_groups=True,
    )

    misfit = verdicts(offer, {"skede": ["nystartat"], "agare": [NONE_OF_THESE]})
    fit = verdicts(offer, {"skede": ["vaxande"], "agare": ["kvinnor"]})

    assert [(v.fits, v.reason) for v in misfit] == [
        (False, "Bara för företag som är: Etablerat, Växande"),
        (False, "Bara för Kvinnor"),
    ]
    assert [(v.fits, v.reason) for v in fit] == [
        (True, "För företag som är: Växande"),
        (True, "Särskilt för Kvinnor"),
    ]


def test_the_finder_shows_only_active_verified_offers_of_approved_actors(site):
    import datetime

    from django.utils import timezone

    from omstallning.actors.models import Actor

    today = timezone.localdate()
    shown = OfferFactory()
    OfferFactory(status=Offer.Status.PAUSED)
    OfferFactory(actor=ActorFactory(status=Actor.Status.PENDING))
    OfferFactory(verify_by=today - datetime.timedelta(days=1))
    OfferFactory(ends_on=today - datetime.timedelta(days=1))

    assert _ids(public_offers()) == {shown.pk}
