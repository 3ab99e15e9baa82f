"""The case's state machine, step by step through the services, with its audit log."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from omstallning.funding import services
from omstallning.funding.models import CaseEvent, Decision, Payment, Status
from omstallning.funding.workflow import TRANSITIONS, Role, available

from .factories import ApplicationFactory, complete_content, pdf_upload, submitted_application


def declare(application, *users):
    for user in users:
        services.conflict_declare(application=application, user=user, has_conflict=False)


def test_a_complete_case_from_draft_to_closed(officer, decider, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application = submitted_application()
    applicant = application.applicant
    assert application.status == Status.SUBMITTED
    assert application.reference.endswith(f"-{application.pk:05d}")
    assert [m.to for m in mail.outbox] == [[applicant.email]]
    assert application.reference in mail.outbox[0].subject

    declare(application, officer, decider)
    services.review_start(application=application, user=officer)
    application.refresh_from_db()
    assert application.assigned_officer == officer

    with django_capture_on_commit_callbacks(execute=True):
        request = services.completion_request(
            application=application, user=officer, message="Skicka offerten."
        )
    assert "Skicka offerten." in mail.outbox[-1].body
    services.attachment_add(
        application=application,
        user=applicant,
        kind="quote",
        upload=pdf_upload("offert.pdf"),
        completion=request,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.completion_answer(request=request, user=applicant, answer="Här är offerten.")
    assert mail.outbox[-1].to == [officer.email]

    services.case_recommend(
        application=application,
        user=officer,
        outcome="granted",
        amount=Decimal(150_000),
        motivation="Stärker omställningen.",
    )
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.case_decide(
            application=application,
            user=decider,
            outcome="granted",
            amount=Decimal(150_000),
            conditions="Slutrapport senast 2027-12-31.",
            motivation="Uppfyller kriterierna.",
        )
    assert decision.case_id == application.reference
    assert decision.source == Decision.Source.HANDLED
    assert decision.ownership == "women"  # the organisation's 70 % at the time
    assert "150" in mail.outbox[-1].body

    payment = services.payment_request(
        application=application,
        user=applicant,
        amount=Decimal(100_000),
        costs_reported=Decimal(250_000),
    )
    with pytest.raises(ValidationError):
        services.payment_request(
            application=application, user=applicant, amount=Decimal(60_000), costs_reported=0
        )
    services.payment_register(payment=payment, user=officer, paid=True, amount=Decimal(100_000))
    services.final_report_submit(
        application=application,
        user=applicant,
        summary="Solcellerna är på plats.",
        jobs_created=Decimal("1.5"),
        turnover_change=Decimal(400_000),
        environmental_results="Elinköpen halverades.",
        co2_reduction_tonnes=Decimal("12.5"),
    )
    services.case_close(application=application, user=officer)

    application.refresh_from_db()
    assert application.status == Status.CLOSED
    steps = list(application.events.values_list("action", "to_status", "actor"))
    assert [s[0] for s in steps if s[1]] == [
        "submit",
        "start_review",
        "request_completion",
        "answer_completion",
        "recommend",
        "grant",
        "request_payment",
        "register_payment",
        "submit_final_report",
        "close",
    ]
    decided = application.events.get(action="grant")
    assert (decided.actor, decided.reason) == (decider, "Uppfyller kriterierna.")
    assert Payment.objects.get(pk=payment.pk).status == Payment.Status.PAID


def test_a_case_officer_cannot_decide(officer):
    application = submitted_application()
    declare(application, officer)
    services.review_start(application=application, user=officer)
    services.case_recommend(
        application=application, user=officer, outcome="rejected", amount=None, motivation="Nej."
    )
    with pytest.raises(PermissionDenied):
        services.case_decide(
            application=application, user=officer, outcome="rejected", motivation="Nej."
        )
    application.refresh_from_db()
    assert application.status == Status.RECOMMENDED
    assert not Decision.objects.filter(application=application).exists()


def test_a_decision_maker_cannot_handle_the_case(decider):
    application = submitted_application()
    declare(application, decider)
    with pytest.raises(PermissionDenied):
        services.review_start(application=application, user=decider)


def test_nobody_works_on_a_case_without_declaring_no_conflict(officer):
    application = submitted_application()
    with pytest.raises(PermissionDenied):
        services.review_start(application=application, user=officer)
    services.conflict_declare(
        application=application, user=officer, has_conflict=True, comment="Min bror äger firman."
    )
    with pytest.raises(PermissionDenied):
        services.review_start(application=application, user=officer)
    with pytest.raises(ValidationError):
        services.conflict_declare(application=application, user=officer, has_conflict=False)
    assert CaseEvent.objects.filter(application=application, action="conflict_declared").exists()


def test_the_applicant_cannot_submit_an_incomplete_draft_and_sees_every_problem(applicant):
    application = ApplicationFactory(organisation__owner=applicant, applicant=applicant)
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application, user=applicant)
    problems = error.value.messages
    assert "Lägg till minst en budgetrad." in problems
    assert "Bilaga saknas: Budget." in problems
    assert "Ange vilket belopp ni söker." in problems
    application.refresh_from_db()
    assert application.status == Status.DRAFT


def test_support_share_and_financing_are_checked_on_submission(applicant):
    application = ApplicationFactory(organisation__owner=applicant, applicant=applicant)
    services.application_save(
        application=application,
        user=applicant,
        content=complete_content(amount_applied=Decimal(300_000), co_financing=Decimal(0)),
    )
    with pytest.raises(ValidationError) as error:
        services.application_submit(application=application, user=applicant)
    assert "Stödet får täcka högst 50 % av budgeten." in error.value.messages
    assert (
        "Sökt belopp och egen finansiering ska tillsammans bli projektets budget."
        in error.value.messages
    )


def test_a_submitted_application_cannot_be_changed_by_its_applicant(site):
    application = submitted_application()
    with pytest.raises(ValidationError):
        services.application_save(
            application=application, user=application.applicant, content=complete_content()
        )


def test_someone_else_cannot_change_or_submit_an_application(applicant):
    application = ApplicationFactory()
    with pytest.raises(PermissionDenied):
        services.application_save(
            application=application, user=applicant, content=complete_content()
        )
    with pytest.raises(PermissionDenied):
        services.application_submit(application=application, user=applicant)


def test_steps_out_of_order_are_refused_with_a_swedish_reason(officer):
    application = submitted_application()
    declare(application, officer)
    with pytest.raises(ValidationError) as error:
        services.case_recommend(
            application=application, user=officer, outcome="rejected", amount=None, motivation="x"
        )
    assert "Inlämnad" in error.value.messages[0]


def test_every_transition_names_one_role_and_known_statuses():
    for step in TRANSITIONS.values():
        assert step.sources <= set(Status.values)
        assert step.target is None or step.target in Status.values
    assert {t.action for t in available(Status.RECOMMENDED, {Role.OFFICER})} == set()
    assert {t.action for t in available(Status.RECOMMENDED, {Role.DECIDER})} == {
        "grant",
        "reject",
        "return_for_review",
    }


def test_a_case_is_assigned_only_to_an_officer_without_a_conflict(officer):
    from omstallning.accounts.tests.factories import UserFactory
    from omstallning.funding.selectors import officers_for

    application = submitted_application()
    colleague = UserFactory(roles=["Handläggare"])
    conflicted = UserFactory(roles=["Handläggare"], verified=True)
    declare(application, officer)
    services.conflict_declare(application=application, user=conflicted, has_conflict=True)

    services.case_assign(application=application, user=officer, officer=colleague)

    application.refresh_from_db()
    assert application.assigned_officer == colleague
    assert conflicted not in officers_for(application)
    with pytest.raises(ValidationError):
        services.case_assign(application=application, user=officer, officer=conflicted)
    assert application.events.filter(action="assigned", actor=officer).exists()


def test_a_case_officer_who_applies_never_handles_their_own_case(officer):
    from .factories import OrganisationFactory

    application = submitted_application(
        organisation=OrganisationFactory(owner=officer), applicant=officer
    )

    with pytest.raises(ValidationError):
        services.conflict_declare(application=application, user=officer, has_conflict=False)
    services.conflict_declare(application=application, user=officer, has_conflict=True)
    with pytest.raises(PermissionDenied):
        services.review_start(application=application, user=officer)
