"""Who may do what with an assessment."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model

from omstallning.core.typing import Visitor

from .models import Assessment
from .registry import with_hidden_rules


def is_subject_hidden(user: Visitor, model: type[Model], subject_id: int) -> bool:
    """The subject's app may hide an object and its assessments from a person (a draft, a
    case they declared a conflict in, a case they have no part in)."""
    for assessable in with_hidden_rules():
        if assessable.model is model:
            assert assessable.hidden_from is not None  # with_hidden_rules() keeps only these
            return assessable.hidden_from(user).filter(pk=subject_id).exists()
    return False


def can_see_subject(user: Visitor, subject: Model) -> bool:
    return not is_subject_hidden(user, type(subject), subject.pk)


def is_hidden_from(user: Visitor, assessment: Assessment) -> bool:
    model = ContentType.objects.get_for_id(assessment.subject_type_id).model_class()
    return model is not None and is_subject_hidden(user, model, assessment.subject_id)


def can_view_assessment(user: Visitor, assessment: Assessment) -> bool:
    if not user.is_authenticated or is_hidden_from(user, assessment):
        return False
    return assessment.assessor_id == user.pk or user.has_perm("assessment.view_assessment")


def can_answer(user: Visitor, assessment: Assessment) -> bool:
    """The assessor answers their own assessment; staff with the right may answer any."""
    if not user.is_authenticated or not assessment.is_editable:
        return False
    if is_hidden_from(user, assessment):
        return False
    return assessment.assessor_id == user.pk or user.has_perm("assessment.change_assessment")


def can_lock(user: Visitor, assessment: Assessment) -> bool:
    return user.is_authenticated and user.has_perm("assessment.lock_assessment")


def can_reopen(user: Visitor, assessment: Assessment) -> bool:
    """A submitted assessment goes back to draft only by staff who may change assessments."""
    return (
        user.is_authenticated
        and assessment.status == Assessment.Status.SUBMITTED
        and user.has_perm("assessment.change_assessment")
        and not is_hidden_from(user, assessment)
    )


def can_make_framework_version(user: Visitor) -> bool:
    return user.is_authenticated and user.has_perm("assessment.add_frameworkversion")


def can_publish_framework_version(user: Visitor) -> bool:
    return user.is_authenticated and user.has_perm("assessment.change_framework")
