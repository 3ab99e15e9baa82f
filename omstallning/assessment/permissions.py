"""Who may do what with an assessment."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType

from .models import Assessment
from .registry import with_hidden_rules

User = AbstractBaseUser | AnonymousUser


def is_hidden_from(user: User, assessment: Assessment) -> bool:
    """The subject's app may hide its assessments from a person (a declared conflict)."""
    for assessable in with_hidden_rules():
        content_type = ContentType.objects.get_for_model(assessable.model)
        if assessment.subject_type_id == content_type.pk:
            hidden = assessable.hidden_from(user)
            return Assessment.objects.filter(pk=assessment.pk, subject_id__in=hidden).exists()
    return False


def can_view_assessment(user: User, assessment: Assessment) -> bool:
    if not user.is_authenticated or is_hidden_from(user, assessment):
        return False
    return assessment.assessor_id == user.pk or user.has_perm("assessment.view_assessment")


def can_answer(user: User, assessment: Assessment) -> bool:
    """The assessor answers their own assessment; staff with the right may answer any."""
    if not user.is_authenticated or not assessment.is_editable:
        return False
    if is_hidden_from(user, assessment):
        return False
    return assessment.assessor_id == user.pk or user.has_perm("assessment.change_assessment")


def can_lock(user: User, assessment: Assessment) -> bool:
    return user.is_authenticated and user.has_perm("assessment.lock_assessment")
