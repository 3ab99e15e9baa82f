"""The applicant's side: organisation, application, attachments, answers, payments, report."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Field
from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from omstallning.assessment.models import Assessment, Framework
from omstallning.assessment.services import assessment_start
from omstallning.core.models import Municipality
from omstallning.core.organisation_numbers import normalise_organisation_number
from omstallning.core.translation import supported_language
from omstallning.core.typing import Account

from .. import notifications
from ..attachments import checked_upload
from ..models import (
    ApplicantOrganisation,
    Application,
    Attachment,
    BudgetLine,
    Call,
    CompletionRequest,
    FinalReport,
    Payment,
    Status,
)
from ..permissions import is_applicant
from ..selectors import payment_remaining
from ..workflow import APPLICANT_EDITABLE
from .audit import locked, move, record


def _whole_kronor(amount: Decimal) -> str:
    return number_format(amount, decimal_pos=0, force_grouping=True)


@dataclass(frozen=True)
class OrganisationFacts:
    name: str
    organisation_number: str
    company_size: str
    sni_code: str
    municipality: Municipality
    women_owner_share: int
    ceo_gender: str
    # Voluntary; kept only with consent.
    voluntary_consent: bool = False
    foreign_background: str = ""
    owner_age_group: str = ""


@transaction.atomic
def organisation_save(
    *, user: Account, facts: OrganisationFacts, organisation: ApplicantOrganisation | None = None
) -> ApplicantOrganisation:
    if organisation is not None and organisation.owner_id != user.pk:
        raise PermissionDenied(_("Du företräder inte den organisationen."))
    number = normalise_organisation_number(facts.organisation_number)
    duplicate = ApplicantOrganisation.objects.filter(owner=user, organisation_number=number)
    if organisation is not None:
        duplicate = duplicate.exclude(pk=organisation.pk)
    if duplicate.exists():
        raise ValidationError(
            {"organisation_number": _("Du har redan lagt in en organisation med det numret.")}
        )
    organisation = organisation or ApplicantOrganisation(owner=user)
    organisation.name = facts.name.strip()
    organisation.organisation_number = number
    organisation.company_size = facts.company_size
    organisation.sni_code = facts.sni_code.strip().replace(".", "")
    organisation.municipality = facts.municipality
    organisation.women_owner_share = facts.women_owner_share
    organisation.ceo_gender = facts.ceo_gender
    if facts.voluntary_consent:
        organisation.foreign_background = facts.foreign_background
        organisation.owner_age_group = facts.owner_age_group
        organisation.voluntary_facts_consent_at = (
            organisation.voluntary_facts_consent_at or timezone.now()
        )
    else:
        # Withdrawing consent erases the voluntary facts at once.
        organisation.foreign_background = ""
        organisation.owner_age_group = ""
        organisation.voluntary_facts_consent_at = None
    organisation.full_clean()
    organisation.save()
    return organisation


def _own_draft(application: Application, user: Account) -> Application:
    application = locked(application)
    if not is_applicant(user, application):
        raise PermissionDenied(_("Det här är inte din ansökan."))
    if application.status not in APPLICANT_EDITABLE:
        raise ValidationError(
            _("Ansökan är inskickad och kan inte längre ändras."), code="not_editable"
        )
    return application


@transaction.atomic
def application_create(
    *, user: Account, call: Call, organisation: ApplicantOrganisation, title: str
) -> Application:
    if organisation.owner_id != user.pk:
        raise PermissionDenied(_("Du företräder inte den organisationen."))
    if not call.is_open():
        raise ValidationError(_("Utlysningen är inte öppen för ansökningar."), code="closed")
    application = Application.objects.create(
        call=call,
        organisation=organisation,
        applicant=user,
        title=title.strip(),
        language=supported_language(translation.get_language()),
    )
    record(application, "create", user, to_status=Status.DRAFT)
    return application


@dataclass(frozen=True)
class BudgetLineInput:
    category: str
    amount: Decimal
    description: str = ""


@dataclass(frozen=True)
class ApplicationContent:
    title: str
    description: str = ""
    goals: str = ""
    activities: str = ""
    time_plan: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    co_financing: Decimal = Decimal(0)
    amount_applied: Decimal | None = None
    strategy_goal_ids: list[int] = field(default_factory=list)
    budget_lines: list[BudgetLineInput] = field(default_factory=list)


@transaction.atomic
def application_save(
    *, application: Application, user: Account, content: ApplicationContent
) -> Application:
    """Save a draft as it is, complete or not (also what autosave calls). Completeness is
    checked when it is submitted."""
    application = _own_draft(application, user)
    for name in ("title", "description", "goals", "activities", "time_plan"):
        setattr(application, name, getattr(content, name).strip())
    application.starts_on = content.starts_on
    application.ends_on = content.ends_on
    application.co_financing = content.co_financing
    application.amount_applied = content.amount_applied
    application.save()
    application.strategy_goals.set(content.strategy_goal_ids)
    application.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(
            application=application,
            category=line.category,
            description=line.description.strip(),
            amount=line.amount,
        )
        for line in content.budget_lines
    )
    return application


def submission_problems(application: Application) -> list[str]:
    """Everything that stops a draft from being submitted, in the order of the form."""
    problems = []
    call = application.call
    if not call.is_open():
        problems.append(_("Utlysningen är stängd."))
    for name in ("title", "description", "goals", "activities", "time_plan"):
        if not getattr(application, name).strip():
            text_field = Application._meta.get_field(name)
            assert isinstance(text_field, Field)  # the model's own columns, no relation
            label = text_field.verbose_name
            problems.append(_("Fyll i %(field)s.") % {"field": label})
    if application.starts_on is None or application.ends_on is None:
        problems.append(_("Ange när projektet startar och slutar."))
    elif application.ends_on < application.starts_on:
        problems.append(_("Projektet måste sluta efter att det startar."))
    total = sum((line.amount for line in application.budget_lines.all()), Decimal(0))
    applied = application.amount_applied
    if total <= 0:
        problems.append(_("Lägg till minst en budgetrad."))
    if applied is None or applied <= 0:
        problems.append(_("Ange vilket belopp ni söker."))
    else:
        if call.max_amount is not None and applied > call.max_amount:
            problems.append(
                _("Sökt belopp är högre än utlysningens högsta belopp, %(max)s kr.")
                % {"max": _whole_kronor(call.max_amount)}
            )
        share = call.programme.max_support_share
        if total > 0 and applied * 100 > total * share:
            problems.append(
                _("Stödet får täcka högst %(share)s %% av budgeten.") % {"share": share}
            )
        if total > 0 and applied + application.co_financing != total:
            problems.append(
                _("Sökt belopp och egen finansiering ska tillsammans bli projektets budget.")
            )
    attached = set(application.attachments.values_list("kind", flat=True))
    for requirement in call.attachment_requirements.all():
        if requirement.required and requirement.kind not in attached:
            problems.append(
                _("Bilaga saknas: %(kind)s.") % {"kind": requirement.get_kind_display()}
            )
    finished = set(
        self_assessments(application)
        .filter(status__in=[Assessment.Status.SUBMITTED, Assessment.Status.LOCKED])
        .values_list("version__framework_id", flat=True)
    )
    for framework in call.self_assessment_frameworks.all():
        if framework.pk not in finished:
            problems.append(
                _("Gör klart och lämna in hållbarhetsbedömningen ”%(framework)s”.")
                % {"framework": framework}
            )
    return problems


def self_assessments(application: Application):
    return Assessment.objects.filter(
        subject_type=ContentType.objects.get_for_model(Application),
        subject_id=application.pk,
        perspective=Assessment.Perspective.SELF,
    )


@transaction.atomic
def self_assessment_start(
    *, application: Application, user: Account, framework: Framework
) -> Assessment:
    application = _own_draft(application, user)
    if not application.call.self_assessment_frameworks.filter(pk=framework.pk).exists():
        raise ValidationError(_("Utlysningen använder inte det ramverket."), code="framework")
    existing = self_assessments(application).filter(version__framework=framework).first()
    if existing is not None:
        return existing
    return assessment_start(
        subject=application,
        framework=framework,
        assessor=user,
        perspective=Assessment.Perspective.SELF,
    )


@transaction.atomic
def application_submit(*, application: Application, user: Account) -> Application:
    application = _own_draft(application, user)
    problems = submission_problems(application)
    if problems:
        raise ValidationError(problems, code="incomplete")
    move(application, "submit", user)
    application.submitted_at = timezone.now()
    application.reference = f"{application.submitted_at:%Y}-{application.pk:05d}"
    # The language the applicant submits in is the one the case then speaks to them in.
    application.language = supported_language(translation.get_language())
    application.save(update_fields=["submitted_at", "reference", "language"])
    transaction.on_commit(lambda: notifications.send_receipt(application))
    return application


@transaction.atomic
def application_withdraw(
    *, application: Application, user: Account, reason: str = ""
) -> Application:
    return move(locked(application), "withdraw", user, reason)


@transaction.atomic
def attachment_add(
    *,
    application: Application,
    user: Account,
    kind: str,
    upload: UploadedFile,
    completion: CompletionRequest | None = None,
) -> Attachment:
    """Attach a checked file: to a draft, or to the answer to an open completion request."""
    application = locked(application)
    if not is_applicant(user, application):
        raise PermissionDenied(_("Det här är inte din ansökan."))
    answering = (
        completion is not None
        and completion.application_id == application.pk
        and completion.answered_at is None
        and application.status == Status.COMPLETION_REQUESTED
    )
    if application.status not in APPLICANT_EDITABLE and not answering:
        raise ValidationError(_("Det går inte att lägga till bilagor nu."), code="not_editable")
    checked = checked_upload(upload)
    if application.attachments.count() >= settings.FUNDING_ATTACHMENTS["max_count"]:
        raise ValidationError(_("Ansökan har redan så många bilagor som tillåts."), code="count")
    attachment = Attachment(
        application=application,
        kind=kind,
        original_name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
        uploaded_by=user,
        completion_request=completion if answering else None,
    )
    attachment.full_clean(exclude=["file"])
    attachment.file.save(checked.name, upload, save=False)
    attachment.save()
    record(application, "attachment_added", user, checked.name)
    return attachment


@transaction.atomic
def attachment_remove(*, attachment: Attachment, user: Account) -> None:
    application = _own_draft(attachment.application, user)
    name = attachment.original_name
    attachment.file.delete(save=False)
    attachment.delete()
    record(application, "attachment_removed", user, name)


@transaction.atomic
def completion_answer(
    *, request: CompletionRequest, user: Account, answer: str
) -> CompletionRequest:
    application = locked(request.application)
    if not answer.strip():
        raise ValidationError({"answer": _("Skriv ditt svar på begäran om komplettering.")})
    request = CompletionRequest.objects.select_for_update().get(pk=request.pk)
    if request.answered_at is not None:
        raise ValidationError(_("Begäran är redan besvarad."), code="answered")
    move(application, "answer_completion", user, answer)
    request.answer = answer.strip()
    request.answered_at = timezone.now()
    request.save(update_fields=["answer", "answered_at"])
    transaction.on_commit(lambda: notifications.send_completion_answered(request))
    return request


@transaction.atomic
def payment_request(
    *, application: Application, user: Account, amount: Decimal, costs_reported: Decimal
) -> Payment:
    application = move(locked(application), "request_payment", user)
    left = payment_remaining(application)
    # move() let only a granted case through, and a granted case has its decision.
    assert left is not None
    if amount <= 0:
        raise ValidationError({"amount": _("Ange ett belopp större än noll.")})
    if amount > costs_reported:
        raise ValidationError({"amount": _("Ni kan inte begära mer än de kostnader ni redovisar.")})
    if amount > left:
        raise ValidationError(
            {
                "amount": _("Ni kan begära högst det beviljade beloppet, %(left)s kr kvar.")
                % {"left": _whole_kronor(left)}
            }
        )
    return Payment.objects.create(
        application=application,
        amount_requested=amount,
        costs_reported=costs_reported,
        requested_by=user,
    )


@transaction.atomic
def final_report_submit(
    *,
    application: Application,
    user: Account,
    summary: str,
    jobs_created: Decimal,
    turnover_change: Decimal,
    environmental_results: str,
    co2_reduction_tonnes: Decimal | None = None,
) -> FinalReport:
    application = locked(application)
    move(application, "submit_final_report", user)
    report = FinalReport(
        application=application,
        summary=summary.strip(),
        jobs_created=jobs_created,
        turnover_change=turnover_change,
        environmental_results=environmental_results.strip(),
        co2_reduction_tonnes=co2_reduction_tonnes,
        submitted_by=user,
    )
    report.full_clean(exclude=["application"])
    report.save()
    return report
