"""The region's side: conflict declarations, assignment, review, completion, assessment,
recommendation, decision, payments and closing."""

from collections.abc import Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from omstallning.assessment.models import Assessment, Framework
from omstallning.assessment.services import assessment_start
from omstallning.core.typing import Account

from .. import notifications, selectors
from ..models import (
    Application,
    CompletionRequest,
    ConflictDeclaration,
    CriterionScore,
    Decision,
    Outcome,
    Payment,
    SelectionCriterion,
)
from ..permissions import (
    ASSESS,
    ASSESSABLE,
    HANDLE,
    declaration_of,
    has_conflict,
    is_staff_for_funding,
    may_work_on,
)
from .audit import locked, move, record


@transaction.atomic
def conflict_declare(
    *, application: Application, user: Account, has_conflict: bool, comment: str = ""
) -> ConflictDeclaration:
    """Declared once per person and case; a declared conflict cannot be taken back here (an
    administrator would have to look into it)."""
    application = locked(application)
    if not is_staff_for_funding(user) or application.submitted_at is None:
        raise PermissionDenied(_("Du handlägger inte ansökningar."))
    if application.applicant_id == user.pk and not has_conflict:
        raise ValidationError(
            _("Du har själv sökt i ärendet och är därför jävig."), code="own_application"
        )
    if declaration_of(user, application) is not None:
        raise ValidationError(_("Du har redan lämnat en jävsdeklaration i ärendet."), code="done")
    try:
        with transaction.atomic():
            declaration = ConflictDeclaration.objects.create(
                application=application, user=user, has_conflict=has_conflict, comment=comment
            )
    except IntegrityError as error:
        raise ValidationError(_("Du har redan lämnat en jävsdeklaration i ärendet.")) from error
    record(
        application,
        "conflict_declared" if has_conflict else "no_conflict_declared",
        user,
        comment,
    )
    if has_conflict and application.assigned_officer_id == user.pk:
        application.assigned_officer = None
        application.save(update_fields=["assigned_officer", "updated_at"])
    return declaration


def _require_work(user: Account, application: Application, permission: str) -> None:
    if not user.has_perm(permission):
        raise PermissionDenied(_("Du får inte göra det här i ärendet."))
    if not may_work_on(user, application):
        raise PermissionDenied(_("Lämna en jävsdeklaration innan du arbetar med ärendet."))


@transaction.atomic
def case_assign(*, application: Application, user: Account, officer: Account | None) -> Application:
    application = locked(application)
    _require_work(user, application, HANDLE)
    if officer is not None and (not officer.has_perm(HANDLE) or has_conflict(officer, application)):
        raise ValidationError(
            _("Ärendet kan bara tilldelas en handläggare som inte har anmält jäv i det."),
            code="officer",
        )
    application.assigned_officer = officer
    application.save(update_fields=["assigned_officer", "updated_at"])
    record(application, "assigned", user, officer.get_full_name() if officer else "")
    return application


@transaction.atomic
def review_start(*, application: Application, user: Account) -> Application:
    application = move(locked(application), "start_review", user)
    if application.assigned_officer_id is None:
        application.assigned_officer = user
        application.save(update_fields=["assigned_officer"])
    return application


@transaction.atomic
def completion_request(
    *, application: Application, user: Account, message: str, due_on=None
) -> CompletionRequest:
    application = move(locked(application), "request_completion", user, message)
    request = CompletionRequest.objects.create(
        application=application, message=message.strip(), due_on=due_on, requested_by=user
    )
    transaction.on_commit(lambda: notifications.send_completion_requested(request))
    return request


@transaction.atomic
def officer_assessment_start(
    *, application: Application, user: Account, framework: Framework
) -> Assessment:
    application = locked(application)
    _require_work(user, application, ASSESS)
    if application.status not in ASSESSABLE:
        raise ValidationError(_("Ärendet bedöms medan det är under handläggning."), code="status")
    perspective = (
        Assessment.Perspective.CASE_OFFICER
        if user.has_perm(HANDLE)
        else Assessment.Perspective.ASSESSOR
    )
    existing = (
        selectors.assessments_by(application, user).filter(version__framework=framework).first()
    )
    if existing is not None:
        return existing
    assessment = assessment_start(
        subject=application, framework=framework, assessor=user, perspective=perspective
    )
    record(application, "assessment_started", user, str(framework))
    return assessment


@transaction.atomic
def criterion_scores_save(
    *, application: Application, user: Account, scores: Mapping[int, tuple[int, str]]
) -> list[CriterionScore]:
    """Scores 0–5 with a motivation, by criterion id, for the call's selection criteria."""
    application = locked(application)
    _require_work(user, application, ASSESS)
    if application.status not in ASSESSABLE:
        raise ValidationError(_("Ärendet bedöms medan det är under handläggning."), code="status")
    criteria = {c.pk: c for c in SelectionCriterion.objects.filter(call=application.call_id)}
    saved = []
    for criterion_id, (score, motivation) in scores.items():
        if criterion_id not in criteria:
            raise ValidationError(_("Kriteriet hör inte till utlysningen."), code="criterion")
        if not 0 <= score <= 5:
            raise ValidationError(_("Poängen ska vara mellan 0 och 5."), code="score")
        row, _created = CriterionScore.objects.update_or_create(
            application=application,
            criterion=criteria[criterion_id],
            assessor=user,
            defaults={"score": score, "motivation": motivation.strip()},
        )
        saved.append(row)
    record(application, "criteria_scored", user)
    return saved


@transaction.atomic
def case_recommend(
    *,
    application: Application,
    user: Account,
    outcome: str,
    amount: Decimal | None,
    motivation: str,
) -> Application:
    application = locked(application)
    if outcome not in Outcome.values:
        raise ValidationError(_("Välj bevilja eller avslå."), code="outcome")
    if outcome == Outcome.GRANTED:
        if amount is None or amount <= 0:
            raise ValidationError({"amount": _("Ange belopp att bevilja.")})
        if amount > (application.amount_applied or 0):
            raise ValidationError({"amount": _("Beloppet får inte vara högre än det sökta.")})
    move(application, "recommend", user, motivation)
    application.recommended_outcome = outcome
    application.recommended_amount = amount if outcome == Outcome.GRANTED else None
    application.recommendation = motivation.strip()
    application.save(update_fields=["recommended_outcome", "recommended_amount", "recommendation"])
    return application


@transaction.atomic
def case_return_for_review(*, application: Application, user: Account, reason: str) -> Application:
    return move(locked(application), "return_for_review", user, reason)


@transaction.atomic
def case_decide(
    *,
    application: Application,
    user: Account,
    outcome: str,
    amount: Decimal | None = None,
    conditions: str = "",
    motivation: str = "",
) -> Decision:
    """The decision: the case becomes granted or rejected, and a decision row (the basis of
    every statistic) is written with the organisation's facts as they are now."""
    application = locked(application)
    granted = outcome == Outcome.GRANTED
    if outcome not in Outcome.values:
        raise ValidationError(_("Välj bevilja eller avslå."), code="outcome")
    amount_granted: Decimal | int = 0
    if granted:
        if amount is None or amount <= 0:
            raise ValidationError({"amount": _("Ange beviljat belopp.")})
        if amount > (application.amount_applied or 0):
            raise ValidationError({"amount": _("Beloppet får inte vara högre än det sökta.")})
        amount_granted = amount
    move(application, "grant" if granted else "reject", user, motivation)
    organisation = application.organisation
    assert application.reference is not None  # given on submission, before any decision
    decision = Decision.objects.create(
        case_id=application.reference,
        application=application,
        source=Decision.Source.HANDLED,
        programme=application.call.programme,
        decided_on=timezone.localdate(),
        outcome=outcome,
        amount_applied=application.amount_applied or 0,
        amount_granted=amount_granted,
        conditions=conditions.strip(),
        motivation=motivation.strip(),
        decided_by=user,
        decided_by_name=user.get_full_name() or user.get_username(),
        organisation_number=organisation.organisation_number,
        municipality_code=organisation.municipality.code,
        sni_code=organisation.sni_code,
        sni_section=organisation.sni_section or "",
        company_size=organisation.company_size,
        women_owner_share=organisation.women_owner_share,
        ceo_gender=organisation.ceo_gender,
        foreign_background=organisation.foreign_background,
        environmental_impact=selectors.environmental_impact_of(application),
    )
    transaction.on_commit(lambda: notifications.send_decision(decision))
    return decision


@transaction.atomic
def payment_register(
    *, payment: Payment, user: Account, paid: bool, amount: Decimal | None = None, comment: str = ""
) -> Payment:
    application = locked(payment.application)
    payment = Payment.objects.select_for_update().get(pk=payment.pk)
    if payment.status != Payment.Status.REQUESTED:
        raise ValidationError(_("Utbetalningen är redan hanterad."), code="handled")
    if paid and (amount is None or amount <= 0 or amount > payment.amount_requested):
        raise ValidationError(
            {"amount": _("Utbetalt belopp ska vara större än noll och högst det begärda.")}
        )
    if not paid and not comment.strip():
        raise ValidationError({"comment": _("Skriv varför utbetalningen inte görs.")})
    move(application, "register_payment", user, comment)
    payment.status = Payment.Status.PAID if paid else Payment.Status.REFUSED
    payment.amount_paid = amount if paid else None
    payment.handled_by = user
    payment.handled_at = timezone.now()
    payment.comment = comment.strip()
    payment.save()
    transaction.on_commit(lambda: notifications.send_payment_handled(payment))
    return payment


@transaction.atomic
def case_close(*, application: Application, user: Account, comment: str = "") -> Application:
    application = locked(application)
    if application.payments.filter(status=Payment.Status.REQUESTED).exists():
        raise ValidationError(
            _("Hantera alla begärda utbetalningar innan ärendet avslutas."), code="payments"
        )
    return move(application, "close", user, comment)
