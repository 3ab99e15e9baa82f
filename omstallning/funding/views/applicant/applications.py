"""The applicant's applications: the list, starting one from a call, its page (the draft while
it can be changed, then what became of it), withdrawing it, and the decision letter."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from omstallning.core.downloads import dated_filename, file_response

from ... import selectors, services
from ...decision_letter import decision_letter_pdf
from ...forms import ApplicationStartForm, ErrorSummary, WithdrawForm
from ...models import Call
from ...permissions import is_applicant
from ...workflow import APPLICANT_EDITABLE
from .drafts import draft
from .follow_up import DETAIL_TEMPLATE, detail_context
from .shared import (
    error_text,
    login_required_here,
    own_application,
    render_page,
    visible_application,
)


@login_required_here
def application_list(request: HttpRequest) -> HttpResponse:
    return render_page(
        request,
        "funding/application_list.html",
        {
            "applications": selectors.applications_of(request.user),
            "organisations": selectors.organisations_of(request.user),
            "calls": selectors.open_calls(),
            "breadcrumb_current": _("Mina ansökningar"),
        },
    )


@never_cache
def application_start(request: HttpRequest, call_id: int) -> HttpResponse:
    """The call's details for everyone; signed in, the form that starts an application."""
    call = get_object_or_404(Call.objects.select_related("programme"), pk=call_id)
    if not request.user.is_authenticated or not call.is_open():
        return _start_page(request, call, form=None)
    if not selectors.organisations_of(request.user).exists():
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
            for text in error_text(error):
                form.add_error(None, text)
        else:
            return redirect("funding:application", pk=application.pk)
    return _start_page(request, call, form)


def _start_page(request: HttpRequest, call: Call, form) -> HttpResponse:
    context = {"form": form, "call": call, "breadcrumb_current": call.title}
    if form is not None:
        context["error_summary"] = ErrorSummary(form)
    return render_page(request, "funding/application_start.html", context)


@login_required_here
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = visible_application(request, pk)
    mine = is_applicant(request.user, application)
    if mine and application.status in APPLICANT_EDITABLE:
        return draft(request, application)
    if request.method == "POST":
        raise Http404
    return render_page(request, DETAIL_TEMPLATE, detail_context(request, application))


@login_required_here
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first: a withdrawn application cannot be sent in again."""
    application = own_application(request, pk)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.application_withdraw(
                application=application, user=request.user, reason=form.cleaned_data["reason"]
            )
        except (ValidationError, PermissionDenied) as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, _("Ansökan är återtagen."))
            return redirect("funding:application", pk=application.pk)
    return render_page(
        request,
        "funding/withdraw.html",
        {
            "application": application,
            "form": form,
            "breadcrumb_current": _("Ta tillbaka ansökan"),
        },
        status=422 if form.errors else 200,
    )


def decision_letter(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.is_authenticated:
        raise Http404
    application = visible_application(request, pk)
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
