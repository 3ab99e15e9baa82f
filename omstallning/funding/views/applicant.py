"""The applicant's pages. Every application is looked up through the permission check, so
another person's application, or its files, answer 404."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from omstallning.assessment.forms import AssessmentAnswersForm
from omstallning.assessment.models import Assessment
from omstallning.assessment.selectors import criteria_of, profile_of
from omstallning.assessment.services import answers_save, assessment_submit
from omstallning.core.downloads import content_disposition, dated_filename, file_response

from .. import selectors, services
from ..decision_letter import decision_letter_pdf
from ..forms import (
    ApplicationForm,
    ApplicationStartForm,
    AttachmentForm,
    BudgetLineFormSet,
    CompletionAnswerForm,
    ErrorSummary,
    FinalReportForm,
    OrganisationForm,
    PaymentRequestForm,
    WithdrawForm,
    budget_lines_from,
)
from ..models import ApplicantOrganisation, Application, Attachment, Call
from ..permissions import can_view, is_applicant
from ..services.applicant import self_assessments
from ..workflow import APPLICANT_EDITABLE, Role, available


def _render(request: HttpRequest, template: str, context: dict, status: int = 200):
    """The funding page is the place of every applicant page: breadcrumbs, the menu."""
    context = {"page": selectors.funding_page(), "translate_path": True, **context}
    return render(request, template, context, status=status)


def login_required_here(view):
    """Signed-in people only, and never from a cache: the pages hold their own data."""
    return never_cache(login_required(view))


def _visible_application(request: HttpRequest, pk: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("call__programme", "organisation", "assigned_officer"),
        pk=pk,
    )
    if not can_view(request.user, application):
        raise Http404
    return application


def _own_application(request: HttpRequest, pk: int) -> Application:
    application = _visible_application(request, pk)
    if not is_applicant(request.user, application):
        raise Http404
    return application


def _error_text(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return error.messages
    return [str(error) or _("Det går inte att göra det här.")]


@login_required_here
def application_list(request: HttpRequest) -> HttpResponse:
    return _render(
        request,
        "funding/application_list.html",
        {
            "applications": selectors.applications_of(request.user),
            "organisations": ApplicantOrganisation.objects.filter(owner=request.user),
            "calls": selectors.open_calls(),
            "breadcrumb_current": _("Mina ansökningar"),
        },
    )


@login_required_here
def organisation_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    organisation = None
    if pk is not None:
        organisation = get_object_or_404(ApplicantOrganisation, pk=pk, owner=request.user)
    initial = OrganisationForm.initial_from(organisation) if organisation else None
    form = OrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_save(
                user=request.user, facts=form.facts(), organisation=organisation
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Organisationens uppgifter är sparade."))
            target = request.GET.get("next", "")
            if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
                target = reverse("funding:applications")
            return redirect(target)
    return _render(
        request,
        "funding/organisation_form.html",
        {
            "form": form,
            "error_summary": ErrorSummary(form),
            "organisation": organisation,
            "breadcrumb_current": organisation.name if organisation else _("Ny organisation"),
        },
    )


@never_cache
def application_start(request: HttpRequest, call_id: int) -> HttpResponse:
    """The call's details for everyone; signed in, the form that starts an application."""
    call = get_object_or_404(Call.objects.select_related("programme"), pk=call_id)
    if not request.user.is_authenticated or not call.is_open():
        return _render(
            request,
            "funding/application_start.html",
            {"form": None, "call": call, "breadcrumb_current": call.title},
        )
    if not ApplicantOrganisation.objects.filter(owner=request.user).exists():
        messages.info(request, _("Börja med att lägga in organisationen som söker."))
        return redirect(f"{reverse('funding:organisation_new')}?next={request.path}")
    form = ApplicationStartForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                user=request.user,
                call=call,
                organisation=form.cleaned_data["organisation"],
                title=form.cleaned_data["title"],
            )
        except (ValidationError, PermissionDenied) as error:
            for text in _error_text(error):
                form.add_error(None, text)
        else:
            return redirect("funding:application", pk=application.pk)
    return _render(
        request,
        "funding/application_start.html",
        {
            "form": form,
            "error_summary": ErrorSummary(form),
            "call": call,
            "breadcrumb_current": call.title,
        },
    )


def _strategy_goals():
    from omstallning.strategy.models import Strategy, StrategyGoal

    return StrategyGoal.objects.filter(
        focus_area__strategy__status=Strategy.Status.ADOPTED
    ).order_by("code")


def _application_forms(application: Application, data=None):
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
    form = ApplicationForm(data, initial=initial, goals=_strategy_goals())
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


ATTACHMENT_NOTICE = "funding_attachment_notice"


def _draft_context(request, application, form, formset, **extra) -> dict:
    frameworks = application.call.self_assessment_frameworks.all()
    started = {a.version.framework_id: a for a in self_assessments(application)}
    requirements = list(application.call.attachment_requirements.all())
    attachment_form = extra.pop("attachment_form", None) or AttachmentForm()
    # The draft's errors are listed in one summary: at the top, or at the attachments when
    # the person was uploading or removing a file (site.js moves focus, and so the page, to
    # the summary; a successful upload redirects to #bilagor).
    summary = ErrorSummary(form, [(formset, _budget_row_label)])
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


def _budget_row_label(number: int) -> str:
    return _("Budgetrad %(number)s") % {"number": number}


def _remember_attachment_notice(request, application, text: str) -> None:
    """Said at the attachments after the redirect: what happened to the file."""
    request.session[ATTACHMENT_NOTICE] = {"application": application.pk, "text": text}


def _pop_attachment_notice(request, application) -> str | None:
    notice = request.session.get(ATTACHMENT_NOTICE)
    if not notice or notice.get("application") != application.pk:
        return None
    del request.session[ATTACHMENT_NOTICE]
    return notice.get("text")


def _save_draft(request, application):
    """Save every field that is right; a field with an error keeps what was stored, and is
    shown again as it was typed, with its message. Returns the bound forms and whether
    everything posted was right (and so saved)."""
    form, formset = _application_forms(application, request.POST)
    form_valid, formset_valid = form.is_valid(), formset.is_valid()
    lines = budget_lines_from(formset, stored=list(application.budget_lines.all()))
    try:
        services.application_save(
            application=application,
            user=request.user,
            content=form.content(lines, stored=application),
        )
    except (ValidationError, PermissionDenied) as error:
        for text in _error_text(error):
            form.add_error(None, text)
        return form, formset, False
    application.refresh_from_db()
    return form, formset, form_valid and formset_valid


@login_required_here
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _visible_application(request, pk)
    mine = is_applicant(request.user, application)
    if mine and application.status in APPLICANT_EDITABLE:
        return _draft(request, application)
    if request.method == "POST":
        raise Http404
    return _render(
        request, "funding/application_detail.html", _detail_context(request, application)
    )


def _draft(request: HttpRequest, application: Application) -> HttpResponse:
    """One form for the whole draft. Every button saves what is written first (uploading a
    file, removing one, going to the self-assessment), so nothing typed is lost; a field
    with an error keeps what was saved before, and the rest is saved."""
    if request.method != "POST":
        form, formset = _application_forms(application)
        return _render(
            request,
            "funding/application_form.html",
            _draft_context(request, application, form, formset),
        )
    form, formset, valid = _save_draft(request, application)
    if request.htmx and request.POST.get("autosave"):
        summary = ErrorSummary(form, [(formset, _budget_row_label)])
        return _render(
            request,
            "funding/includes/autosave_status.html",
            {
                "problems": [entry for entry in summary if entry.errors],
                "general_problems": summary.non_field_errors(),
                "at": timezone.localtime(),
            },
        )
    action = request.POST.get("action", "save")
    if action == "upload":
        return _upload(request, application, form, formset, valid)
    if action.startswith("delete:"):
        return _delete_attachment(
            request, application, action.removeprefix("delete:"), form, formset, valid
        )
    if not valid:
        context = _draft_context(request, application, form, formset, partly_saved=True)
        return _render(request, "funding/application_form.html", context, status=422)
    if action.startswith("assess:"):
        framework_id = action.removeprefix("assess:")
        if framework_id.isdigit():
            return redirect("funding:self_assessment", pk=application.pk, framework_id=framework_id)
    if action != "submit":
        messages.success(request, _("Utkastet är sparat."))
        return redirect("funding:application", pk=application.pk)
    try:
        services.application_submit(application=application, user=request.user)
    except ValidationError as error:
        application.refresh_from_db()
        form, formset = _application_forms(application)
        context = _draft_context(request, application, form, formset, problems=error.messages)
        return _render(request, "funding/application_form.html", context, status=422)
    messages.success(
        request,
        _("Ansökan är inskickad. Den har diarienummer %(reference)s. Ett kvitto har skickats.")
        % {"reference": application.reference},
    )
    return redirect("funding:application", pk=application.pk)


def _at_attachments(application) -> str:
    return f"{reverse('funding:application', args=[application.pk])}#bilagor"


def _upload(request, application, form, formset, draft_valid: bool) -> HttpResponse:
    """The file is handled whatever the other fields hold, and the page always says what
    became of it: uploaded, or not uploaded and why."""
    upload = AttachmentForm(request.POST, request.FILES)
    chosen = request.FILES.get("file")
    notice = None
    if upload.is_valid():
        try:
            attachment = services.attachment_add(
                application=application,
                user=request.user,
                kind=upload.cleaned_data["kind"],
                upload=upload.cleaned_data["file"],
            )
        except (ValidationError, PermissionDenied) as error:
            upload.add_error("file", _error_text(error))
        else:
            notice = _("Bilagan ”%(name)s” är uppladdad.") % {"name": attachment.original_name}
            if draft_valid:
                _remember_attachment_notice(request, application, notice)
                return redirect(_at_attachments(application))
            upload = AttachmentForm()
    if chosen is not None and upload.errors:
        upload.add_error(None, _("Filen ”%(name)s” är inte uppladdad.") % {"name": chosen.name})
    context = _draft_context(
        request,
        application,
        form,
        formset,
        attachment_form=upload,
        attachment_notice=notice,
        at_attachments=True,
        partly_saved=not draft_valid,
    )
    return _render(request, "funding/application_form.html", context, status=422)


def _delete_attachment(request, application, attachment_id, form, formset, draft_valid):
    attachment = get_object_or_404(
        Attachment, pk=attachment_id if attachment_id.isdigit() else 0, application=application
    )
    services.attachment_remove(attachment=attachment, user=request.user)
    notice = _("Bilagan ”%(name)s” är borttagen.") % {"name": attachment.original_name}
    if draft_valid:
        _remember_attachment_notice(request, application, notice)
        return redirect(_at_attachments(application))
    context = _draft_context(
        request,
        application,
        form,
        formset,
        attachment_notice=notice,
        at_attachments=True,
        partly_saved=True,
    )
    return _render(request, "funding/application_form.html", context, status=422)


def _detail_context(request, application, **forms) -> dict:
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


@login_required_here
@require_POST
def completion_answer(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own_application(request, pk)
    form = CompletionAnswerForm(request.POST, request.FILES)
    open_request = application.completion_requests.filter(answered_at__isnull=True).last()
    if open_request is None:
        raise Http404
    if form.is_valid():
        try:
            if form.cleaned_data.get("file"):
                services.attachment_add(
                    application=application,
                    user=request.user,
                    kind=form.cleaned_data.get("kind") or "other",
                    upload=form.cleaned_data["file"],
                    completion=open_request,
                )
            services.completion_answer(
                request=open_request, user=request.user, answer=form.cleaned_data["answer"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Tack! Kompletteringen är skickad till handläggaren."))
            return redirect("funding:application", pk=application.pk)
    context = _detail_context(request, application, answer_form=form)
    return _render(request, "funding/application_detail.html", context, status=422)


def _follow_up_post(request, pk: int, form_class, form_key: str, save, success: str):
    """A follow-up form on the application's page: saved by `save`, or shown again with
    what is wrong."""
    application = _own_application(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            save(application=application, user=request.user, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, success)
            return redirect("funding:application", pk=application.pk)
    context = _detail_context(request, application, **{form_key: form})
    return _render(request, "funding/application_detail.html", context, status=422)


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


@login_required_here
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first: a withdrawn application cannot be sent in again."""
    application = _own_application(request, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(
                application=application, user=request.user, reason=form.cleaned_data["reason"]
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, _error_text(error))
        else:
            messages.success(request, _("Ansökan är återtagen."))
            return redirect("funding:application", pk=application.pk)
    return _render(
        request,
        "funding/withdraw.html",
        {
            "application": application,
            "form": form,
            "breadcrumb_current": _("Ta tillbaka ansökan"),
        },
        status=422 if form.errors else 200,
    )


@never_cache
def attachment_download(request: HttpRequest, pk: int, attachment_id: int) -> FileResponse:
    if not request.user.is_authenticated:
        raise Http404
    application = _visible_application(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_id, application=application)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    # FileResponse names a non-ASCII file with filename* only; add the ASCII fallback.
    response["Content-Disposition"] = content_disposition(attachment.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required_here
def self_assessment(request: HttpRequest, pk: int, framework_id: int) -> HttpResponse:
    application = _own_application(request, pk)
    framework = get_object_or_404(
        application.call.self_assessment_frameworks.all(), pk=framework_id
    )
    assessment = self_assessments(application).filter(version__framework=framework).first()
    if assessment is None:
        if request.method != "POST" or application.status not in APPLICANT_EDITABLE:
            return render(
                request,
                "funding/self_assessment_start.html",
                {"application": application, "framework": framework},
            )
        try:
            services.self_assessment_start(
                application=application, user=request.user, framework=framework
            )
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(_error_text(error)))
        return redirect("funding:self_assessment", pk=pk, framework_id=framework_id)
    criteria = criteria_of(assessment.version)
    form = AssessmentAnswersForm(
        request.POST if request.method == "POST" and "answers" in request.POST else None,
        assessment=assessment,
        criteria=criteria,
    )
    if request.method == "POST" and form.is_bound and form.is_valid():
        try:
            answers_save(assessment=assessment, user=request.user, entries=form.entries())
            if request.POST.get("action") == "submit":
                assessment_submit(assessment=assessment, user=request.user)
                messages.success(request, _("Hållbarhetsbedömningen är klar."))
                return redirect("funding:application", pk=pk)
            messages.success(request, _("Svaren är sparade."))
            return redirect("funding:self_assessment", pk=pk, framework_id=framework_id)
        except ValidationError as error:
            for problem in error.messages:
                form.add_error(None, problem)
        except PermissionDenied as error:
            form.add_error(None, str(error))
    return _render(
        request,
        "funding/self_assessment.html",
        {
            "application": application,
            "assessment": assessment,
            "framework": framework,
            "form": form,
            "editable": assessment.status == Assessment.Status.DRAFT,
            "profile": profile_of(assessment),
            "breadcrumb_current": str(framework),
        },
    )


def decision_letter(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        raise Http404
    application = _visible_application(request, pk)
    decision = getattr(application, "decision", None)
    if decision is None:
        raise Http404
    response = file_response(
        decision_letter_pdf(decision),
        filename=dated_filename(f"beslut-{decision.case_id}", "pdf"),
        content_type="application/pdf",
        as_attachment=False,
    )
    response["Cache-Control"] = "private, no-store"
    return response
