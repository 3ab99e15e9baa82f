"""The profile computed from answers: order-free, knock-outs always flag, plain rules per goal."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from omstallning.assessment.impact import GoalImpact, Impact, MotivationRule
from omstallning.assessment.profile import (
    AnswerFacts,
    CriterionSpec,
    combine_goal_impacts,
    compute_profile,
)

DIMENSIONS = ["ecological", "social", "economic"]
impacts = st.sampled_from(list(Impact.values))
values = st.integers(min_value=0, max_value=4).map(Decimal)


@st.composite
def criteria_and_answers(draw, knockout: bool | None = None):
    count = draw(st.integers(min_value=1, max_value=12))
    criteria, answers = [], []
    for number in range(count):
        spec = CriterionSpec(
            key=f"k{number}",
            question=f"Fråga {number}",
            dimension=draw(st.sampled_from([None, *DIMENSIONS])),
            goals=frozenset(draw(st.sets(st.integers(1, 17), max_size=3))),
            weight=Decimal(draw(st.integers(0, 5))),
            min_value=Decimal(0),
            max_value=Decimal(4),
            motivation_rule=draw(st.sampled_from(list(MotivationRule.values))),
            rethink_when_negative_without_action=draw(st.booleans()),
        )
        criteria.append(spec)
        if draw(st.booleans()) or knockout:
            answers.append(
                AnswerFacts(
                    criterion_key=spec.key,
                    value=draw(values),
                    impact=draw(impacts),
                    is_knockout=draw(st.booleans()) if knockout is None else knockout,
                    not_relevant=False if knockout else draw(st.booleans()),
                    has_motivation=draw(st.booleans()),
                    has_action=draw(st.booleans()),
                )
            )
    return criteria, answers


@given(data=criteria_and_answers(), order=st.randoms(use_true_random=False))
def test_the_profile_does_not_depend_on_the_order_of_answers(data, order):
    criteria, answers = data
    shuffled = list(answers)
    order.shuffle(shuffled)

    assert compute_profile(criteria, shuffled) == compute_profile(criteria, answers)


@given(data=criteria_and_answers(knockout=True))
def test_a_knockout_answer_always_flags(data):
    criteria, answers = data

    profile = compute_profile(criteria, answers)

    assert profile.has_knockout
    assert set(profile.knockouts) == {answer.criterion_key for answer in answers}
    assert set(profile.knockouts) <= set(profile.to_mitigate)


@given(data=criteria_and_answers())
def test_scores_are_percentages_and_every_criterion_is_accounted_for(data):
    criteria, answers = data

    profile = compute_profile(criteria, answers)

    scores = [profile.weighted_score, *(d.score for d in profile.dimensions.values())]
    assert all(score is None or 0 <= score <= 100 for score in scores)
    answered = {a.criterion_key for a in answers}
    assert set(profile.unanswered) == {c.key for c in criteria} - answered


@given(st.lists(st.sampled_from([*Impact.values, GoalImpact.NOT_RELEVANT]), min_size=1))
def test_goal_impact_combination_is_order_free(impacts_found):
    assert combine_goal_impacts(impacts_found) == combine_goal_impacts(reversed(impacts_found))


def test_goal_impact_rules():
    assert combine_goal_impacts([Impact.POSITIVE, Impact.NEGATIVE]) == GoalImpact.BOTH
    assert combine_goal_impacts([Impact.POSITIVE, Impact.UNKNOWN]) == GoalImpact.POSITIVE
    assert combine_goal_impacts([Impact.UNKNOWN, Impact.NONE]) == GoalImpact.KNOWLEDGE_GAP
    assert combine_goal_impacts([Impact.NONE, GoalImpact.NOT_RELEVANT]) == GoalImpact.NONE
    assert combine_goal_impacts([GoalImpact.NOT_RELEVANT]) == GoalImpact.NOT_RELEVANT
    assert combine_goal_impacts([Impact.BOTH]) == GoalImpact.BOTH


def spec(key, **kwargs):
    return CriterionSpec(key=key, question=key, max_value=Decimal(2), **kwargs)


def test_weighted_score_per_dimension_and_overall():
    criteria = [
        spec("a", dimension="ecological", weight=Decimal(3)),
        spec("b", dimension="social", weight=Decimal(1)),
        spec("c", dimension="social", weight=Decimal(1)),
    ]
    answers = [
        AnswerFacts("a", value=Decimal(2), impact=Impact.POSITIVE),
        AnswerFacts("b", value=Decimal(0), impact=Impact.NEGATIVE, has_action=True),
        AnswerFacts("c", value=Decimal(1), impact=Impact.UNKNOWN),
    ]

    profile = compute_profile(criteria, answers)

    # (3*1 + 1*0 + 1*0.5) / 5 = 70 %
    assert profile.weighted_score == Decimal("70.0")
    assert profile.dimensions["ecological"].score == Decimal("100.0")
    assert profile.dimensions["social"].score == Decimal("25.0")
    assert profile.dimensions["social"].negative == 1
    assert profile.dimensions["social"].knowledge_gaps == 1
    assert profile.to_mitigate == ("b",)
    assert profile.to_find_out == ("c",)


def test_not_relevant_answers_mark_goals_and_leave_scores_alone():
    criteria = [spec("g7", goals=frozenset({7})), spec("g8", goals=frozenset({8}))]
    answers = [
        AnswerFacts("g7", not_relevant=True),
        AnswerFacts("g8", value=Decimal(2), impact=Impact.POSITIVE),
    ]

    profile = compute_profile(criteria, answers)

    assert profile.goals == {7: GoalImpact.NOT_RELEVANT, 8: GoalImpact.POSITIVE}
    assert profile.weighted_score == Decimal("100.0")
    assert profile.unanswered == ()


def test_negative_without_action_asks_to_stop_and_rethink():
    criteria = [spec("miljo", rethink_when_negative_without_action=True)]

    without = compute_profile(criteria, [AnswerFacts("miljo", Decimal(0), Impact.NEGATIVE)])
    with_action = compute_profile(
        criteria, [AnswerFacts("miljo", Decimal(0), Impact.NEGATIVE, has_action=True)]
    )

    assert without.rethink == ("miljo",)
    assert with_action.rethink == ()


def test_motivation_rules():
    criteria = [
        spec("always", motivation_rule=MotivationRule.ALWAYS),
        spec("negative", motivation_rule=MotivationRule.NEGATIVE),
        spec("never", motivation_rule=MotivationRule.NEVER),
    ]
    answers = [
        AnswerFacts("always", Decimal(2), Impact.POSITIVE),
        AnswerFacts("negative", Decimal(0), Impact.NEGATIVE),
        AnswerFacts("never", Decimal(0), Impact.NEGATIVE),
    ]

    assert compute_profile(criteria, answers).missing_motivation == ("always", "negative")
