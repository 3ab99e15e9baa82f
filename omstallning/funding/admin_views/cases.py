"""Case officers', assessors' and decision makers' views in the Wagtail admin: the queue and
one case with its declaration, assessments and the steps the person may take."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .. import selectors
from ..forms import CASE_STEPS, CaseStepForm
from ..models import Application, Programme, Status
from ..permissions import (
    can_assess,
    can_see_case,
    declaration_of,
    is_staff_for_funding,
    roles_of,
)
from ..workflow import Role, available

SUCCESS = {
    "declare": gettext_lazy("Jävsdeklarationen är sparad."),
    "assign_me": gettext_lazy("Du är handläggare för ärendet."),
    "assign": gettext_lazy("Ärendet är tilldelat."),
    "start_review": gettext_lazy("Handläggningen är påbörjad."),
    "request_completion": gettext_lazy("Begäran om komplettering är skickad till den sökande."),
    "scores": gettext_lazy("Poängen är sparade."),
    "recommend": gettext_lazy("Förslaget till beslut är lämnat."),
    "return_for_review": gettext_lazy("Ärendet är skickat tillbaka till handläggaren."),
    "grant": gettext_lazy("Ansökan är beviljad. Den sökande får besked med beslutsbrevet."),
    "reject": gettext_lazy("Ansökan har fått avslag. Den sökande får besked med beslutsbrevet."),
    "register_payment": gettext_lazy("Utbetalningen är registrerad."),
    "close": gettext_lazy("Ärendet är avslutat."),
}


def _breadcrumbs(*items: dict) -> list[dict]:
    return [{"url": reverse("funding_cases:index"), "label": _("Ärenden")}, *items]


class CaseQueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "funding/admin/queue.html"
    page_title = gettext_lazy("Ärenden om stöd")
    header_icon = "folder-open-inverse"

    def dispatch(self, request, *args, **kwargs):
        if not is_staff_for_funding(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return _breadcrumbs()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        chosen = {
            "status": self.request.GET.get("status", "open"),
            "program": self.request.GET.get("program", ""),
            "tilldelad": self.request.GET.get("tilldelad", ""),
            "q": self.request.GET.get("q", "").strip()[:100],
        }
        programme_id = int(chosen["program"]) if chosen["program"].isdigit() else None
        cases = selectors.case_queue(
            self.request.user,
            status=chosen["status"],
            programme_id=programme_id,
            assigned=chosen["tilldelad"],
            search=chosen["q"],
        )
        context["page"] = Paginator(cases, 25).get_page(self.request.GET.get("sida"))
        context["chosen"] = chosen
        context["statuses"] = [("open", _("Att göra")), ("", _("Alla")), *list(Status.choices)]
        context["programmes"] = Programme.objects.all()
        return context


class CaseView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "funding/admin/case.html"
    header_icon = "folder-open-inverse"

    def dispatch(self, request, pk: int, *args, **kwargs):
        if not is_staff_for_funding(request.user):
            raise PermissionDenied
        self.application = get_object_or_404(
            Application.objects.select_related("call__programme", "organisation__municipality"),
            pk=pk,
        )
        # A declared conflict hides the case, as if it did not exist.
        if not can_see_case(request.user, self.application):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.application.reference or ""

    def get_page_subtitle(self):
        return self.application.title

    def get_breadcrumbs_items(self):
        return _breadcrumbs({"url": "", "label": str(self.application.reference)})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        application, user = self.application, self.request.user
        declaration = declaration_of(user, application)
        posted: CaseStepForm | None = kwargs.get("posted")

        def form(action: str, **extra) -> CaseStepForm:
            """The step's form: as it was posted when that step went wrong, else empty."""
            if posted is not None and posted.action == action and posted.is_for(**extra):
                return posted
            return CASE_STEPS[action].form(application=application, user=user, **extra)

        roles = roles_of(user, application)
        steps = available(application.status, roles)
        payments = application.payments.all()
        context.update(
            problems=kwargs.get("problems", []),
            application=application,
            declaration=declaration,
            declare_form=form("declare"),
            step_forms=[
                (step, form(step.action))
                for step in steps
                # Payments are registered in the payments table; an applicant's steps are not
                # taken here.
                if step.action in CASE_STEPS and step.action != "register_payment"
            ],
            events=application.events.select_related("actor"),
            budget_lines=application.budget_lines.all(),
            attachments=application.attachments.all(),
            completion_requests=application.completion_requests.all(),
            assessments=selectors.assessments_of(application) if declaration else [],
            decision=getattr(application, "decision", None),
            payments=[
                (
                    payment,
                    form("register_payment", payment=payment)
                    if payment.status == payment.Status.REQUESTED
                    else None,
                )
                for payment in payments
            ],
            can_assess=can_assess(user, application),
            assess_form=form("assess"),
            has_frameworks=application.call.officer_frameworks.exists(),
            scores_form=form("scores"),
            can_handle=Role.OFFICER in roles,
            assign_form=form("assign"),
            final_report=getattr(application, "final_report", None),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        action = request.POST.get("action", "")
        step = CASE_STEPS.get(action)
        if step is None:
            messages.error(request, _("Okänd åtgärd."))
            return redirect("funding_cases:detail", pk=self.application.pk)
        form = step.form(request.POST, application=self.application, user=request.user)
        result = None
        if form.is_valid():
            try:
                result = step.service(**form.arguments())
            except ValidationError as error:
                form.add_error(None, error.messages)
            except PermissionDenied as error:
                form.add_error(None, str(error) or _("Du får inte göra det här i ärendet."))
        if form.errors:
            # Shown again with what was typed, so a motivation is never lost to an error.
            self.application.refresh_from_db()
            problems = [message for errors in form.errors.values() for message in errors]
            context = self.get_context_data(posted=form, problems=problems)
            return self.render_to_response(context, status=422)
        messages.success(request, str(SUCCESS.get(action, _("Sparat."))))
        if next_url := form.next_url(result):
            return redirect(next_url)
        if not can_see_case(request.user, self.application):
            return redirect("funding_cases:index")
        return redirect("funding_cases:detail", pk=self.application.pk)
