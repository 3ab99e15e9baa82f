"""Who may do what with an assessment."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from .models import Assessment

User = AbstractBaseUser | AnonymousUser


def can_view_assessment(user: User, assessment: Assessment) -> bool:
    if not user.is_authenticated:
        return False
    return assessment.assessor_id == user.pk or user.has_perm("assessment.view_assessment")


def can_answer(user: User, assessment: Assessment) -> bool:
    """The assessor answers their own assessment; staff with the right may answer any."""
    if not user.is_authenticated or not assessment.is_editable:
        return False
    return assessment.assessor_id == user.pk or user.has_perm("assessment.change_assessment")


def can_lock(user: User, assessment: Assessment) -> bool:
    return user.is_authenticated and user.has_perm("assessment.lock_assessment")
