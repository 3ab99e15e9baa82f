"""The case page's steps as posted from the browser: each step's form parses its fields, a
mistake comes back in Swedish with what was typed, and only a valid step reaches the service."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omstallning.accounts.tests.factories import verified_client
from omstallning.funding import services
from omstallning.funding.forms import CASE_STEPS
from omstallning.funding.models import ConflictDeclaration, CriterionScore, SelectionCriterion
from omstallning.funding.permissions import can_assess
from omstallning.funding.workflow import TRANSITIONS

from .factories import submitted_application


@pytest.fixture
def in_review(officer):
    application = submitted_application()
    services.conflict_declare(application=application, user=officer, has_conflict=False)
    services.review_start(application=application, user=officer)
    return application


def _post(user, application, data):
    return verified_client(user).post(reverse("funding_cases:detail", args=[application.pk]), data)


def test_every_officer_and_decider_step_of_the_workflow_has_a_form():
    staff_steps = {
        action for action, step in TRANSITIONS.items() if step.role.name in ("OFFICER", "DECIDER")
    }
    assert staff_steps <= set(CASE_STEPS)


def test_an_amount_typed_with_spaces_and_a_motivation_reach_the_recommendation(in_review, officer):
    response = _post(
        officer,
        in_review,
        {"action": "recommend", "outcome": "granted", "amount": "150 000", "reason": "Bra."},
    )

    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == "recommended"
    assert in_review.recommended_amount == Decimal(150_000)
    assert in_review.recommendation == "Bra."


def test_a_wrong_amount_is_refused_in_swedish_and_the_motivation_is_kept(in_review, officer):
    response = _post(
        officer,
        in_review,
        {"action": "recommend", "outcome": "granted", "amount": "tusen", "reason": "Min text."},
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert "Skriv beloppet i hela kronor med siffror, till exempel 150000." in html
    assert "Min text.</textarea>" in html
    assert 'value="tusen"' in html
    in_review.refresh_from_db()
    assert in_review.status == "in_review"


def test_a_recommendation_without_an_outcome_asks_for_one(in_review, officer):
    response = _post(officer, in_review, {"action": "recommend", "reason": "Bra."})

    assert response.status_code == 422
    assert "Välj bevilja eller avslå." in response.content.decode()


def test_the_services_refusal_comes_back_beside_the_typed_text(in_review, officer):
    """A recommendation needs a motivation: the workflow's rule, told by the service."""
    response = _post(officer, in_review, {"action": "recommend", "outcome": "rejected"})

    assert response.status_code == 422
    in_review.refresh_from_db()
    assert in_review.status == "in_review"
    html = response.content.decode()
    assert "Skriv en motivering." in html
    assert re.search(r'<input type="radio"[^>]*value="rejected"[^>]*checked', html)


def test_the_declaration_needs_an_answer(officer):
    application = submitted_application()

    response = _post(officer, application, {"action": "declare", "comment": "Vet inte."})

    assert response.status_code == 422
    html = response.content.decode()
    assert "Svara på om du är jävig." in html
    assert "Vet inte.</textarea>" in html
    assert not ConflictDeclaration.objects.filter(application=application, user=officer).exists()


def test_an_unknown_step_is_refused_without_touching_the_case(in_review, officer):
    response = _post(officer, in_review, {"action": "delete_everything"})

    assert response.status_code == 302
    in_review.refresh_from_db()
    assert in_review.status == "in_review"


def test_a_decision_needs_the_confirmation(in_review, officer, decider):
    services.case_recommend(
        application=in_review, user=officer, outcome="rejected", amount=None, motivation="Nej."
    )
    services.conflict_declare(application=in_review, user=decider, has_conflict=False)

    response = _post(decider, in_review, {"action": "reject", "reason": "Utanför utlysningen."})

    assert response.status_code == 422
    assert "Kryssa i att du har granskat ärendet och fattar beslutet." in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.status == "recommended"


@pytest.fixture
def scored_case(in_review):
    criterion = SelectionCriterion.objects.create(call=in_review.call, name="Klimatnytta", weight=2)
    return in_review, criterion


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(typed=st.text(max_size=6))
def test_any_typed_score_is_saved_as_0_to_5_or_refused_in_swedish(scored_case, officer, typed):
    scored_case, criterion = scored_case
    before = list(CriterionScore.objects.values_list("score", flat=True))

    response = _post(
        officer,
        scored_case,
        {"action": "scores", f"score-{criterion.pk}": typed, f"motivation-{criterion.pk}": "M"},
    )

    saved = CriterionScore.objects.filter(criterion=criterion, assessor=officer).first()
    if response.status_code == 302:
        assert typed.strip() == "" or (saved is not None and 0 <= saved.score <= 5)
        if saved is not None and typed.strip():
            assert saved.score == int(typed)
    else:
        assert response.status_code == 422
        assert "Poängen ska vara ett heltal 0–5." in response.content.decode()
        assert list(CriterionScore.objects.values_list("score", flat=True)) == before


def test_an_assessor_may_assess_only_after_declaring_no_conflict_and_while_in_review(
    officer, assessor
):
    application = submitted_application()
    services.conflict_declare(application=application, user=officer, has_conflict=False)
    assert not can_assess(assessor, application)  # no declaration yet

    services.conflict_declare(application=application, user=assessor, has_conflict=False)
    assert not can_assess(assessor, application)  # submitted, not yet in review

    services.review_start(application=application, user=officer)
    application.refresh_from_db()
    assert can_assess(assessor, application)

    conflicted = submitted_application()
    services.conflict_declare(application=conflicted, user=officer, has_conflict=False)
    services.review_start(application=conflicted, user=officer)
    services.conflict_declare(application=conflicted, user=assessor, has_conflict=True)
    conflicted.refresh_from_db()
    assert not can_assess(assessor, conflicted)
