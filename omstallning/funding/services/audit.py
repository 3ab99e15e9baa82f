"""The one place a case changes status: checks the state machine and the person's role, then
records who, when and why: in the case's own history (CaseEvent, which the case page and the
reports read) and in Wagtail's log, beside every other staff action."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from omstallning.core.typing import Visitor

from ..models import Application, CaseEvent
from ..permissions import roles_of
from ..workflow import TRANSITIONS, transition

# Wagtail log actions, one per case action (labelled in wagtail_hooks from ACTION_LABELS).
CASE_LOG_ACTION = "funding.case.{}"


def locked(application: Application) -> Application:
    return Application.objects.select_for_update().get(pk=application.pk)


def record(application: Application, action: str, user: Visitor, reason: str = "", **statuses):
    actor = user if user.is_authenticated else None
    event = CaseEvent.objects.create(
        application=application,
        action=action,
        actor=actor,
        reason=reason.strip(),
        from_status=statuses.get("from_status", ""),
        to_status=statuses.get("to_status", ""),
    )
    # The reason stays in the case's history, under the case's retention; the log says who
    # took which step.
    log(
        instance=application,
        action=CASE_LOG_ACTION.format(action),
        user=actor,
        data={"from_status": event.from_status, "to_status": event.to_status},
    )


def move(application: Application, action: str, user: Visitor, reason: str = "") -> Application:
    """Take step `action` on a locked application. Raises PermissionDenied for the wrong
    person and ValidationError for a step not allowed from the current status."""
    roles = roles_of(user, application)
    if not roles:
        # Someone with no part in the case learns nothing about it, not even its status.
        raise PermissionDenied(_("Du får inte göra det här i ärendet."))
    step = transition(action, application.status)
    if step is None:
        raise ValidationError(
            _("Det går inte att %(step)s när ansökan har status ”%(status)s”.")
            % {"step": _lower_first(action), "status": application.get_status_display()},
            code="status",
        )
    if step.role not in roles:
        raise PermissionDenied(_("Du får inte göra det här i ärendet."))
    if step.reason_required and not reason.strip():
        raise ValidationError(_("Skriv en motivering."), code="reason")
    before = application.status
    application.status = step.target or before
    application.save(update_fields=["status", "updated_at"])
    record(application, action, user, reason, from_status=before, to_status=application.status)
    return application


def _lower_first(action: str) -> str:
    label = str(TRANSITIONS[action].label)
    return label[:1].lower() + label[1:]
