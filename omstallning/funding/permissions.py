"""Who may see and act on an application. Every view, file link and API goes through here."""

from omstallning.accounts.second_factor import is_verified
from omstallning.core.typing import Visitor

from .models import Application, ConflictDeclaration, Status
from .workflow import Role

HANDLE = "funding.handle_application"
ASSESS = "funding.assess_application"
DECIDE = "funding.decide_application"
# No one adds a decision by hand (wagtail_hooks.ReadOnlyPolicy), so the model's add permission
# means one thing: may import the register of earlier decisions.
IMPORT_DECISIONS = "funding.add_decision"

# A case is assessed and scored while it is being handled, not before and not after.
ASSESSABLE = (Status.IN_REVIEW, Status.COMPLETION_REQUESTED)


def is_staff_for_funding(user: Visitor) -> bool:
    """Case officers, assessors and decision makers, once their second factor is verified."""
    return is_verified(user) and (
        user.has_perm(HANDLE) or user.has_perm(ASSESS) or user.has_perm(DECIDE)
    )


def can_import_decisions(user: Visitor) -> bool:
    """Import earlier decisions from a file: whoever holds the add permission on decisions,
    with a verified second factor."""
    return is_verified(user) and user.has_perm(IMPORT_DECISIONS)


def declaration_of(user: Visitor, application: Application) -> ConflictDeclaration | None:
    if not user.is_authenticated:
        return None
    return ConflictDeclaration.objects.filter(application=application, user=user).first()


def has_conflict(user: Visitor, application: Application) -> bool:
    declaration = declaration_of(user, application)
    return declaration is not None and declaration.has_conflict


def is_applicant(user: Visitor, application: Application) -> bool:
    return user.is_authenticated and application.applicant_id == user.pk


def can_see_case(user: Visitor, application: Application) -> bool:
    """Staff see a submitted case unless they have declared a conflict in it; drafts are the
    applicant's own."""
    if not is_staff_for_funding(user) or application.submitted_at is None:
        return False
    return not has_conflict(user, application)


def can_view(user: Visitor, application: Application) -> bool:
    return is_applicant(user, application) or can_see_case(user, application)


def may_work_on(user: Visitor, application: Application) -> bool:
    """Assessing, scoring and every step of the case need a declaration of no conflict."""
    declaration = declaration_of(user, application)
    return declaration is not None and not declaration.has_conflict


def can_assess(user: Visitor, application: Application) -> bool:
    """Score the criteria and assess sustainability: an assessor who has declared no conflict,
    while the case is being handled."""
    return (
        user.has_perm(ASSESS)
        and may_work_on(user, application)
        and application.status in ASSESSABLE
    )


def roles_of(user: Visitor, application: Application) -> set[Role]:
    if is_applicant(user, application):
        # Whoever applies never handles or decides their own case, whatever else they are.
        return {Role.APPLICANT}
    roles: set[Role] = set()
    if user.is_authenticated and may_work_on(user, application):
        if user.has_perm(HANDLE):
            roles.add(Role.OFFICER)
        if user.has_perm(DECIDE):
            roles.add(Role.DECIDER)
    return roles
