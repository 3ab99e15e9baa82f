"""Assessments through the services: answering, permissions both ways, submitting, locking,
history, several assessors per object, and comparison."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.models import ModelLogEntry

from omstallning.assessment import services
from omstallning.assessment.impact import GoalImpact, Relevance
from omstallning.assessment.models import Assessment, AssessmentEvent
from omstallning.assessment.selectors import assessments_of, comparison, profile_of

Perspective = Assessment.Perspective


def option(criterion, label):
    return criterion.options.get(label_sv=label)


def criteria(assessment):
    return {criterion.key: criterion for criterion in assessment.version.criteria.all()}


def answer_all_three_dimensions(assessment, user, label="Positiv"):
    for criterion in criteria(assessment).values():
        services.answer_save(
            assessment=assessment,
            criterion=criterion,
            user=user,
            option=option(criterion, label),
            motivation="Motiverat.",
        )


def test_an_applicant_and_an_officer_assess_the_same_object(shipped, company, applicant, officer):
    own = services.assessment_start(
        subject=company,
        framework=shipped["tre-dimensioner"],
        assessor=applicant,
        perspective=Perspective.SELF,
    )
    officers = services.assessment_start(
        subject=company,
        framework=shipped["tre-dimensioner"],
        assessor=officer,
        perspective=Perspective.CASE_OFFICER,
    )

    answer_all_three_dimensions(own, applicant, "Positiv")
    answer_all_three_dimensions(officers, officer, "Ingen")

    assert set(assessments_of(company)) == {own, officers}
    rows = comparison(own, officers)
    assert [row.key for row in rows] == ["ecological", "social", "economic"]
    assert all(row.differs for row in rows)
    assert rows[0].first.option.label_sv == "Positiv"
    assert rows[0].second.option.label_sv == "Ingen"


def test_someone_else_cannot_answer_or_submit(shipped, company, applicant):
    other = type(applicant).objects.create_user("annan", password="x")
    assessment = services.assessment_start(
        subject=company, framework=shipped["tre-dimensioner"], assessor=applicant
    )
    criterion = criteria(assessment)["social"]

    with pytest.raises(PermissionDenied):
        services.answer_save(
            assessment=assessment,
            criterion=criterion,
            user=other,
            option=option(criterion, "Positiv"),
        )
    with pytest.raises(PermissionDenied):
        services.assessment_submit(assessment=assessment, user=other)
    assert not assessment.answers.exists()


def test_staff_with_the_right_may_answer_any_assessment(shipped, company, applicant, officer):
    assessment = services.assessment_start(
        subject=company, framework=shipped["tre-dimensioner"], assessor=applicant
    )
    criterion = criteria(assessment)["social"]

    answer = services.answer_save(
        assessment=assessment, criterion=criterion, user=officer, option=option(criterion, "Ingen")
    )

    assert answer.updated_by == officer


def test_an_option_of_another_criterion_is_refused(shipped, company, applicant):
    assessment = services.assessment_start(
        subject=company, framework=shipped["tre-dimensioner"], assessor=applicant
    )
    social, economic = criteria(assessment)["social"], criteria(assessment)["economic"]

    with pytest.raises(ValidationError, match="hör inte till frågan"):
        services.answer_save(
            assessment=assessment,
            criterion=social,
            user=applicant,
            option=option(economic, "Positiv"),
        )


def test_submitting_lists_what_is_missing_in_swedish(shipped, company, applicant):
    assessment = services.assessment_start(
        subject=company, framework=shipped["tre-dimensioner"], assessor=applicant
    )
    social = criteria(assessment)["social"]
    services.answer_save(
        assessment=assessment, criterion=social, user=applicant, option=option(social, "Negativ")
    )

    with pytest.raises(ValidationError) as raised:
        services.assessment_submit(assessment=assessment, user=applicant)

    messages = raised.value.messages
    assert any(m.startswith("Frågan är inte besvarad: Ekologisk hållbarhet") for m in messages)
    assert any(m.startswith("Motivering saknas: Social hållbarhet") for m in messages)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.answers.count() == 1  # nothing saved is lost


def test_submit_then_lock_with_who_and_when(shipped, company, applicant, officer):
    assessment = services.assessment_start(
        subject=company, framework=shipped["tre-dimensioner"], assessor=applicant
    )
    answer_all_three_dimensions(assessment, applicant)
    services.assessment_submit(assessment=assessment, user=applicant)

    with pytest.raises(PermissionDenied):
        services.assessment_lock(assessment=assessment, user=applicant)
    services.assessment_lock(assessment=assessment, user=officer)

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.LOCKED
    events = list(assessment.events.values_list("action", "actor__username"))
    assert events[0] == (AssessmentEvent.Action.CREATED, applicant.username)
    assert events[-2:] == [
        (AssessmentEvent.Action.SUBMITTED, applicant.username),
        (AssessmentEvent.Action.LOCKED, officer.username),
    ]
    logged = ModelLogEntry.objects.for_instance(assessment).order_by("timestamp", "pk")
    assert [(entry.action, entry.user_id) for entry in logged] == [
        (f"assessment.{action}", {"applicant": applicant, "officer": officer}[who].pk)
        for action, who in [
            ("created", "applicant"),
            *[("answered", "applicant")] * (len(events) - 3),
            ("submitted", "applicant"),
            ("locked", "officer"),
        ]
    ]
    assert str(logged.last().message) == "Bedömning låst"
    criterion = criteria(assessment)["social"]
    with pytest.raises(PermissionDenied):
        services.answer_save(assessment=assessment, criterion=criterion, user=officer, option=None)


def test_a_submitted_assessment_is_reopened_only_with_a_reason(
    shipped, company, applicant, officer
):
    assessment = services.assessment_start(
        subject=company, framework=shipped["tre-dimensioner"], assessor=applicant
    )
    answer_all_three_dimensions(assessment, applicant)
    services.assessment_submit(assessment=assessment, user=applicant)

    with pytest.raises(PermissionDenied):
        services.assessment_reopen(assessment=assessment, user=applicant, reason="Fel")
    with pytest.raises(ValidationError):
        services.assessment_reopen(assessment=assessment, user=officer, reason="  ")
    services.assessment_reopen(assessment=assessment, user=officer, reason="Komplettera social.")

    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.events.last().detail == "Komplettera social."


def test_horizontal_criteria_are_rated_by_the_conditions_met(shipped, company, officer):
    assessment = services.assessment_start(
        subject=company, framework=shipped["horisontella-kriterier"], assessor=officer
    )
    gender = criteria(assessment)["jamstalldhet"]
    conditions = list(gender.conditions.all())

    ratings = []
    for met in range(4):
        answer = services.answer_save(
            assessment=assessment, criterion=gender, user=officer, conditions_met=conditions[:met]
        )
        ratings.append(answer.option.label_sv)

    assert ratings == ["Inte", "Delvis", "Delvis", "Aktivt"]


def test_dnsh_significant_harm_is_a_knockout(shipped, company, officer):
    assessment = services.assessment_start(
        subject=company, framework=shipped["dnsh"], assessor=officer
    )
    water = criteria(assessment)["vatten-marina-resurser"]

    services.answer_save(
        assessment=assessment,
        criterion=water,
        user=officer,
        option=option(water, "Betydande skada"),
        motivation="Utsläpp till Mälaren.",
    )

    profile = profile_of(assessment)
    assert profile.knockouts == ("vatten-marina-resurser",)
    assessment.refresh_from_db()
    assert assessment.knockout_count == 1
    assert profile.goals[6] == GoalImpact.NEGATIVE


def test_agenda_2030_not_relevant_needs_no_impact(shipped, company, officer):
    assessment = services.assessment_start(
        subject=company, framework=shipped["agenda-2030"], assessor=officer
    )
    goal_14 = criteria(assessment)["mal-14"]

    services.answer_save(
        assessment=assessment,
        criterion=goal_14,
        user=officer,
        relevance=Relevance.NOT_RELEVANT,
        option=option(goal_14, "Positiv påverkan"),
    )

    answer = assessment.answers.get()
    assert answer.option is None
    assert profile_of(assessment).goals == {14: GoalImpact.NOT_RELEVANT}
