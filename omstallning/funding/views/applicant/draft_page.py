"""The draft's page: its forms filled from the application, and everything the page shows
(the attachments, the self-assessments, one summary of what is wrong)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from omstallning.strategy.selectors import adopted_goals

from ...forms import ApplicationForm, AttachmentForm, BudgetLineFormSet, ErrorSummary
from ...models import Application
from ...services.applicant import self_assessments
from .shared import render_page

DRAFT_TEMPLATE = "funding/application_form.html"
ATTACHMENT_NOTICE = "funding_attachment_notice"


def application_forms(application: Application, data=None):
    """The application's form and its budget rows: bound to `data` when posted."""
    initial = {
        "title": application.title,
        "description": application.description,
        "goals": application.goals,
        "activities": application.activities,
        "time_plan": application.time_plan,
        "starts_on": application.starts_on,
        "ends_on": application.ends_on,
        "amount_applied": application.amount_applied,
        "co_financing": application.co_financing,
        "strategy_goals": list(application.strategy_goals.values_list("pk", flat=True)),
    }
    form = ApplicationForm(data, initial=initial, goals=adopted_goals())
    if data is not None:
        # What was posted is the whole budget. Initial rows from the database would make a
        # row the page showed as empty (rendered before an autosave) look unchanged, and so
        # be skipped and lost.
        return form, BudgetLineFormSet(data, prefix="budget")
    lines = [
        {"category": line.category, "description": line.description, "amount": line.amount}
        for line in application.budget_lines.all()
    ]
    formset = BudgetLineFormSet(initial=lines, prefix="budget")
    return form, formset


def budget_row_label(number: int) -> str:
    return _("Budgetrad %(number)s") % {"number": number}


def draft_summary(form, formset) -> ErrorSummary:
    return ErrorSummary(form, [(formset, budget_row_label)])


def draft_context(request, application, form, formset, **extra) -> dict:
    frameworks = application.call.self_assessment_frameworks.all()
    started = {a.version.framework_id: a for a in self_assessments(application)}
    requirements = list(application.call.attachment_requirements.all())
    attachment_form = extra.pop("attachment_form", None) or AttachmentForm()
    # The draft's errors are listed in one summary: at the top, or at the attachments when
    # the person was uploading or removing a file (site.js moves focus, and so the page, to
    # the summary; a successful upload redirects to #bilagor).
    summary = draft_summary(form, formset)
    at_attachments = extra.pop("at_attachments", False)
    upload_summary = ErrorSummary(attachment_form)
    if at_attachments:
        upload_summary = ErrorSummary(attachment_form, extra_forms=[summary])
    return {
        "application": application,
        "form": form,
        "formset": formset,
        "error_summary": None if at_attachments else summary,
        "attachment_form": attachment_form,
        "attachment_summary": upload_summary,
        "attachment_notice": extra.pop("attachment_notice", None)
        or _pop_attachment_notice(request, application),
        "attachments": application.attachments.all(),
        "required_attachments": [r for r in requirements if r.required],
        "optional_attachments": [r for r in requirements if not r.required],
        "self_assessments": [(framework, started.get(framework.pk)) for framework in frameworks],
        "problems": extra.pop("problems", None),
        "retention_days": settings.FUNDING_DRAFT_RETENTION_DAYS,
        "breadcrumb_current": application.title,
        **extra,
    }


def render_draft(
    request: HttpRequest, application, form, formset, status: int = 200, **extra
) -> HttpResponse:
    context = draft_context(request, application, form, formset, **extra)
    return render_page(request, DRAFT_TEMPLATE, context, status=status)


def remember_attachment_notice(request, application, text: str) -> None:
    """Said at the attachments after the redirect: what happened to the file."""
    request.session[ATTACHMENT_NOTICE] = {"application": application.pk, "text": text}


def _pop_attachment_notice(request, application) -> str | None:
    notice = request.session.get(ATTACHMENT_NOTICE)
    if not notice or notice.get("application") != application.pk:
        return None
    del request.session[ATTACHMENT_NOTICE]
    return notice.get("text")
