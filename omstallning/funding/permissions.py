"""Who may see and act on an application. Every view, file link and API goes through here."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from omstallning.accounts.second_factor import is_verified

from .models import Application, ConflictDeclaration, Status
from .workflow import Role

User = AbstractBaseUser | AnonymousUser

HANDLE = "funding.handle_application"
ASSESS = "funding.assess_application"
DECIDE = "funding.decide_application"

# A case is assessed and scored while it is being handled, not before and not after.
ASSESSABLE = (Status.IN_REVIEW, Status.COMPLETION_REQUESTED)


def is_staff_for_funding(user: User) -> bool:
    """Case officers, assessors and decision makers, once their second factor is verified."""
    return is_verified(user) and (
        user.has_perm(HANDLE) or user.has_perm(ASSESS) or user.has_perm(DECIDE)
    )


def declaration_of(user: User, application: Application) -> ConflictDeclaration | None:
    if not user.is_authenticated:
        return None
    return ConflictDeclaration.objects.filter(application=application, user=user).first()


def has_conflict(user: User, application: Application) -> bool:
    declaration = declaration_of(user, application)
    return declaration is not None and declaration.has_conflict


def is_applicant(user: User, application: Application) -> bool:
    return user.is_authenticated and application.applicant_id == user.pk


def can_see_case(user: User, application: Application) -> bool:
    """Staff see a submitted case unless they have declared a conflict in it; drafts are the
    applicant's own."""
    if not is_staff_for_funding(user) or application.submitted_at is None:
        return False
    return not has_conflict(user, application)


def can_view(user: User, application: Application) -> bool:
    return is_applicant(user, application) or can_see_case(user, application)


def may_work_on(user: User, application: Application) -> bool:
    """Assessing, scoring and every step of the case need a declaration of no conflict."""
    declaration = declaration_of(user, application)
    return declaration is not None and not declaration.has_conflict


def can_assess(user: User, application: Application) -> bool:
    """Score the criteria and assess sustainability: an assessor who has declared no conflict,
    while the case is being handled."""
    return (
        user.has_perm(ASSESS)
        and may_work_on(user, application)
        and application.status in ASSESSABLE
    )


def roles_of(user: User, application: Application) -> set[Role]:
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
