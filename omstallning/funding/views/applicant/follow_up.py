"""The sent-in application's page and the applicant's forms on it: answering a request for
completion, requesting a payment, handing in the final report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ... import selectors, services
from ...forms import CompletionAnswerForm, FinalReportForm, PaymentRequestForm
from ...permissions import is_applicant
from ...workflow import Role, available
from .shared import error_text, login_required_here, own_application, render_page

DETAIL_TEMPLATE = "funding/application_detail.html"


def detail_context(request, application, **forms) -> dict:
    """The page's content; a form posted with an error is passed in to be shown again."""
    mine = is_applicant(request.user, application)
    steps = (
        {step.action for step in available(application.status, {Role.APPLICANT})} if mine else set()
    )
    open_request = application.completion_requests.filter(answered_at__isnull=True).last()
    return {
        "application": application,
        "budget_lines": application.budget_lines.all(),
        "attachments": application.attachments.all(),
        "completion_requests": application.completion_requests.all(),
        "open_request": open_request if "answer_completion" in steps else None,
        "answer_form": forms.get("answer_form") or CompletionAnswerForm(),
        "can_request_payment": "request_payment" in steps,
        "remaining": selectors.payment_remaining(application),
        "payment_form": forms.get("payment_form") or PaymentRequestForm(),
        "can_report": "submit_final_report" in steps,
        "report_form": forms.get("report_form") or FinalReportForm(),
        "can_withdraw": "withdraw" in steps,
        "decision": getattr(application, "decision", None),
        "payments": application.payments.all(),
        "final_report": getattr(application, "final_report", None),
        "events": application.events.exclude(to_status="").order_by("at"),
        "officer": application.assigned_officer,
        "officer_contact": selectors.officer_contact_of(application),
        "breadcrumb_current": application.title,
    }


def _shown_again(request, application, **forms) -> HttpResponse:
    context = detail_context(request, application, **forms)
    return render_page(request, DETAIL_TEMPLATE, context, status=422)


@login_required_here
@require_POST
def completion_answer(request: HttpRequest, pk: int) -> HttpResponse:
    application = own_application(request, pk)
    form = CompletionAnswerForm(request.POST, request.FILES)
    open_request = application.completion_requests.filter(answered_at__isnull=True).last()
    if open_request is None:
        raise Http404
    if form.is_valid():
        try:
            _answer(request, application, open_request, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Tack! Kompletteringen är skickad till handläggaren."))
            return redirect("funding:application", pk=application.pk)
    return _shown_again(request, application, answer_form=form)


def _answer(request, application, open_request, data: dict) -> None:
    """The answer, with the file that completes the application if one came with it."""
    if data.get("file"):
        services.attachment_add(
            application=application,
            user=request.user,
            kind=data.get("kind") or "other",
            upload=data["file"],
            completion=open_request,
        )
    services.completion_answer(request=open_request, user=request.user, answer=data["answer"])


def _follow_up_post(request, pk: int, form_class, form_key: str, save, success: str):
    """A follow-up form on the application's page: saved by `save`, or shown again with
    what is wrong."""
    application = own_application(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            save(application=application, user=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, success)
            return redirect("funding:application", pk=application.pk)
    return _shown_again(request, application, **{form_key: form})


@login_required_here
@require_POST
def payment_request(request: HttpRequest, pk: int) -> HttpResponse:
    return _follow_up_post(
        request,
        pk,
        PaymentRequestForm,
        "payment_form",
        services.payment_request,
        _("Begäran om utbetalning är skickad."),
    )


@login_required_here
@require_POST
def final_report(request: HttpRequest, pk: int) -> HttpResponse:
    return _follow_up_post(
        request,
        pk,
        FinalReportForm,
        "report_form",
        services.final_report_submit,
        _("Slutrapporten är inlämnad."),
    )
