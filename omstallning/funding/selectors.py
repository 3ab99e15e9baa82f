"""Reads for funding: calls, an applicant's own applications, the case queue, and the links
the assessment engine and the strategy use."""

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, Sum
from django.utils import timezone
from wagtail.models import Locale

from omstallning.assessment.models import Assessment, DimensionResult
from omstallning.assessment.selectors import FINISHED
from omstallning.core.typing import Account, Visitor

from .models import (
    ApplicantOrganisation,
    Application,
    Call,
    ConflictDeclaration,
    CriterionScore,
    Decision,
    FundingIndexPage,
    OfficerContact,
    Outcome,
    SelectionCriterion,
    Status,
)
from .permissions import is_staff_for_funding
from .workflow import NEEDS_ACTION


def funding_page() -> FundingIndexPage | None:
    """The public funding page in the current language: the funding views' place in the
    site (breadcrumbs, the menu's current item)."""
    pages = FundingIndexPage.objects.live()
    return pages.filter(locale=Locale.get_active()).first() or pages.first()


def open_calls() -> QuerySet[Call]:
    now = timezone.now()
    return (
        Call.objects.filter(opens_at__lte=now, closes_at__gt=now)
        .select_related("programme")
        .order_by("closes_at")
    )


def applications_of(user: Account) -> QuerySet[Application]:
    return (
        Application.objects.filter(applicant=user)
        .select_related("call__programme", "organisation")
        .order_by("-updated_at")
    )


def organisations_of(user: Account) -> QuerySet[ApplicantOrganisation]:
    """The organisations a person applies for."""
    return ApplicantOrganisation.objects.filter(owner=user)


def case_queue(
    user: Account,
    *,
    status: str = "",
    programme_id: int | None = None,
    assigned: str = "",
    search: str = "",
) -> QuerySet[Application]:
    """Submitted cases a staff member may see: never one where they declared a conflict.
    `assigned` is "me", "none" or "" (all)."""
    conflicted = ConflictDeclaration.objects.filter(
        application=OuterRef("pk"), user=user, has_conflict=True
    )
    cases = (
        Application.objects.filter(submitted_at__isnull=False)
        .exclude(Exists(conflicted))
        .select_related("call__programme", "organisation", "assigned_officer")
    )
    if status == "open":
        cases = cases.filter(status__in=NEEDS_ACTION)
    elif status in Status.values:
        cases = cases.filter(status=status)
    if programme_id:
        cases = cases.filter(call__programme_id=programme_id)
    if assigned == "me":
        cases = cases.filter(assigned_officer=user)
    elif assigned == "none":
        cases = cases.filter(assigned_officer__isnull=True)
    if search:
        cases = cases.filter(
            Q(reference__icontains=search)
            | Q(title__icontains=search)
            | Q(organisation__name__icontains=search)
            | Q(organisation__organisation_number__icontains=search)
        )
    return cases.order_by("submitted_at")


def payment_remaining(application: Application) -> Decimal | None:
    """What may still be requested: the grant less what is requested and not refused."""
    decision = getattr(application, "decision", None)
    if decision is None or decision.outcome != Outcome.GRANTED:
        return None
    asked = application.payments.exclude(status="refused").aggregate(total=Sum("amount_requested"))
    return decision.amount_granted - (asked["total"] or Decimal(0))


def conflicted_application_ids(user: Visitor) -> QuerySet:
    """Applications a person declared a conflict of interest in: hidden from them."""
    if not user.is_authenticated:
        return ConflictDeclaration.objects.none().values("application_id")
    return ConflictDeclaration.objects.filter(user=user, has_conflict=True).values("application_id")


def applications_hidden_from(user: Visitor) -> QuerySet[Application]:
    """Every application a person may not see, nor its assessments, decision or files: all
    but their own, except that funding staff see the submitted cases they have no conflict
    in (the same rule as permissions.can_view, for lists)."""
    hidden = Application.objects.all()
    if user.is_authenticated:
        hidden = hidden.exclude(applicant=user)
    if is_staff_for_funding(user):
        hidden = hidden.filter(
            Q(submitted_at__isnull=True) | Q(pk__in=conflicted_application_ids(user))
        )
    return hidden


def officers_for(application: Application) -> QuerySet:
    """Case officers who may be given the case: anyone with the right who has not declared
    a conflict in it."""
    handle = Permission.objects.get(
        content_type__app_label="funding", codename="handle_application"
    )
    conflicted = ConflictDeclaration.objects.filter(
        application=application, has_conflict=True
    ).values("user_id")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__permissions=handle) | Q(user_permissions=handle) | Q(is_superuser=True))
        .exclude(pk__in=conflicted)
        .distinct()
        .order_by("first_name", "last_name")
    )


@dataclass(frozen=True)
class CriterionRow:
    """A selection criterion with this person's score and everyone's average."""

    criterion: SelectionCriterion
    mine: CriterionScore | None
    average: float | None
    count: int


def criteria_rows(application: Application, user: Account) -> list[CriterionRow]:
    scores = list(application.criterion_scores.all())
    rows = []
    for criterion in application.call.criteria.all():
        given = [s for s in scores if s.criterion_id == criterion.pk]
        mine = next((s for s in given if s.assessor_id == user.pk), None)
        rows.append(
            CriterionRow(
                criterion=criterion,
                mine=mine,
                average=sum(s.score for s in given) / len(given) if given else None,
                count=len(given),
            )
        )
    return rows


def _application_type() -> ContentType:
    return ContentType.objects.get_for_model(Application)


def assessments_of(application: Application) -> QuerySet[Assessment]:
    return Assessment.objects.filter(
        subject_type=_application_type(), subject_id=application.pk
    ).select_related("version__framework", "assessor")


def assessments_by(application: Application, user: Account) -> QuerySet[Assessment]:
    return assessments_of(application).filter(assessor=user)


def environmental_impact_of(application: Application) -> str:
    """From the region's latest finished assessment of the application: negative if it
    finds any harm to the ecological dimension, positive if only benefits, else neutral;
    empty when the region has not assessed it."""
    latest = (
        assessments_of(application)
        .exclude(perspective=Assessment.Perspective.SELF)
        .filter(status__in=FINISHED)
        .order_by("-submitted_at", "-pk")
        .first()
    )
    if latest is None:
        return ""
    result = DimensionResult.objects.filter(assessment=latest, dimension__code="ecological").first()
    if result is None:
        return "neutral"
    if result.negative:
        return "negative"
    return "positive" if result.positive else "neutral"


def granted_amount_of_assessed() -> Subquery:
    """For portfolio sums: the amount granted to the assessed application (zero if none)."""
    return Subquery(
        Decision.objects.filter(
            application_id=OuterRef("subject_id"), outcome=Outcome.GRANTED
        ).values("amount_granted")[:1]
    )


def officer_contact_of(application: Application) -> OfficerContact | None:
    """The contact details the case's officer chose to show its applicant, if any."""
    if not application.assigned_officer_id:
        return None
    return OfficerContact.objects.filter(user_id=application.assigned_officer_id).first()
