"""Portfolio sums over many assessments equal the sums of their single profiles."""

from collections import Counter
from decimal import Decimal

from django.db.models import DecimalField, ExpressionWrapper, F
from hypothesis import given
from hypothesis import strategies as st

from omstallning.assessment import services
from omstallning.assessment.models import Assessment
from omstallning.assessment.selectors import portfolio_sums, profile_of

from .factories import OrganisationFactory

# An amount per assessment that needs no extra model: 1 000 kr per step of the subject's id.
AMOUNT = ExpressionWrapper(F("subject_id") * 1000, output_field=DecimalField())

# Per assessment and criterion of "Hållbarhetssäkring i tre dimensioner": an answer or none.
answer_choices = st.sampled_from([None, "Positiv", "Ingen", "Negativ"])
portfolios = st.lists(st.tuples(answer_choices, answer_choices, answer_choices), max_size=6)
dnsh_harm = st.lists(st.booleans(), max_size=3)


@given(portfolio=portfolios, harms=dnsh_harm)
def test_the_portfolio_sum_equals_the_sum_of_the_single_profiles(
    shipped, officer, portfolio, harms
):
    Assessment.objects.all().delete()
    three, dnsh = shipped["tre-dimensioner"], shipped["dnsh"]
    for answers in portfolio:
        assessment = services.assessment_start(
            subject=OrganisationFactory(), framework=three, assessor=officer
        )
        for criterion, label in zip(assessment.version.criteria.all(), answers, strict=True):
            if label:
                services.answer_save(
                    assessment=assessment,
                    criterion=criterion,
                    user=officer,
                    option=criterion.options.get(label_sv=label),
                )
    for harm in harms:
        assessment = services.assessment_start(
            subject=OrganisationFactory(), framework=dnsh, assessor=officer
        )
        criterion = assessment.version.criteria.get(key="cirkular-ekonomi")
        label = "Betydande skada" if harm else "Bidrar väsentligt"
        services.answer_save(
            assessment=assessment,
            criterion=criterion,
            user=officer,
            option=criterion.options.get(label_sv=label),
        )

    assessments = Assessment.objects.all()
    sums = portfolio_sums(assessments, weight=AMOUNT)

    goal_counts, goal_amounts = Counter(), Counter()
    dimension_counts, dimension_amounts = Counter(), Counter()
    knockouts, knockout_amount = 0, Decimal(0)
    for assessment in assessments:
        profile = profile_of(assessment)
        amount = Decimal(assessment.subject_id * 1000)
        for goal, impact in profile.goals.items():
            goal_counts[goal, impact] += 1
            goal_amounts[goal, impact] += amount
        for code, summary in profile.dimensions.items():
            for kind in ("positive", "negative", "knowledge_gaps"):
                if getattr(summary, kind):
                    dimension_counts[code, kind] += 1
                    dimension_amounts[code, kind] += amount
        if profile.has_knockout:
            knockouts += 1
            knockout_amount += amount

    assert sums.assessments.count == len(portfolio) + len(harms)
    assert sums.knockouts.count == knockouts == sum(harms)
    assert sums.knockouts.amount == knockout_amount
    found_goals = {
        (goal, impact): (tally.count, tally.amount)
        for goal, impacts in sums.goals.items()
        for impact, tally in impacts.items()
    }
    assert found_goals == {key: (goal_counts[key], goal_amounts[key]) for key in goal_counts}
    for code in ("ecological", "social", "economic"):
        for kind in ("positive", "negative", "knowledge_gaps"):
            tally = sums.dimension(code, kind)
            assert (tally.count, tally.amount) == (
                dimension_counts[code, kind],
                dimension_amounts[code, kind],
            )


def test_without_a_weight_only_counts(shipped, officer):
    assessment = services.assessment_start(
        subject=OrganisationFactory(), framework=shipped["tre-dimensioner"], assessor=officer
    )
    social = assessment.version.criteria.get(key="social")
    services.answer_save(
        assessment=assessment,
        criterion=social,
        user=officer,
        option=social.options.get(label_sv="Negativ"),
    )

    sums = portfolio_sums(Assessment.objects.filter(pk=assessment.pk))

    assert sums.dimension("social", "negative").count == 1
    assert sums.dimension("social", "negative").amount == 0
    assert sums.dimension("ecological", "negative").count == 0
