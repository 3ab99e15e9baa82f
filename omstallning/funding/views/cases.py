"""Case officers', assessors' and decision makers' views in the Wagtail admin: the queue and
one case with its declaration, assessments and the steps the person may take."""

from decimal import Decimal, InvalidOperation

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

from .. import selectors, services
from ..models import Application, Programme, Status
from ..permissions import (
    ASSESS,
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


def _amount(text: str) -> Decimal | None:
    text = (text or "").replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            {"amount": _("Skriv beloppet i kronor, till exempel 150000.")}
        ) from None


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
        context.update(
            posted=kwargs.get("posted", {}),
            problems=kwargs.get("problems", []),
            application=application,
            declaration=declaration,
            steps=available(application.status, roles_of(user, application)),
            events=application.events.select_related("actor"),
            budget_lines=application.budget_lines.all(),
            attachments=application.attachments.all(),
            completion_requests=application.completion_requests.all(),
            assessments=selectors.assessments_of(application) if declaration else [],
            decision=getattr(application, "decision", None),
            payments=application.payments.all(),
            can_assess=bool(declaration)
            and not declaration.has_conflict
            and user.has_perm(ASSESS)
            and application.status in (Status.IN_REVIEW, Status.COMPLETION_REQUESTED),
            officer_frameworks=application.call.officer_frameworks.all(),
            criteria=self._criteria_rows(),
            can_handle=Role.OFFICER in roles_of(user, application),
            officers=selectors.officers_for(application),
            final_report=getattr(application, "final_report", None),
        )
        return context

    def _criteria_rows(self) -> list[dict]:
        """Each selection criterion with this person's score and everyone's average."""
        scores = list(self.application.criterion_scores.select_related("assessor"))
        rows = []
        for criterion in self.application.call.criteria.all():
            mine = next(
                (
                    s
                    for s in scores
                    if s.criterion_id == criterion.pk and s.assessor_id == self.request.user.pk
                ),
                None,
            )
            given = [s.score for s in scores if s.criterion_id == criterion.pk]
            rows.append(
                {
                    "criterion": criterion,
                    "mine": mine,
                    "average": sum(given) / len(given) if given else None,
                    "count": len(given),
                }
            )
        return rows

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        action = request.POST.get("action", "")
        handler = getattr(self, f"_do_{action}", None)
        if handler is None:
            messages.error(request, _("Okänd åtgärd."))
            return redirect("funding_cases:detail", pk=self.application.pk)
        try:
            handler(request.POST)
        except (ValidationError, PermissionDenied) as error:
            # Shown again with what was typed, so a motivation is never lost to an error.
            problems = (
                error.messages
                if isinstance(error, ValidationError)
                else [str(error) or _("Du får inte göra det här i ärendet.")]
            )
            self.application.refresh_from_db()
            context = self.get_context_data(posted=request.POST, problems=problems)
            return self.render_to_response(context, status=422)
        messages.success(request, str(SUCCESS.get(action, _("Sparat."))))
        if getattr(self, "redirect_to", None):
            return redirect(self.redirect_to)
        if not can_see_case(request.user, self.application):
            return redirect("funding_cases:index")
        return redirect("funding_cases:detail", pk=self.application.pk)

    def _common(self) -> dict:
        return {"application": self.application, "user": self.request.user}

    def _do_declare(self, data) -> None:
        if data.get("has_conflict") not in ("yes", "no"):
            raise ValidationError(_("Svara på om du är jävig."))
        services.conflict_declare(
            **self._common(),
            has_conflict=data["has_conflict"] == "yes",
            comment=data.get("comment", ""),
        )

    def _do_assign_me(self, data) -> None:
        services.case_assign(**self._common(), officer=self.request.user)

    def _do_assign(self, data) -> None:
        officer = selectors.officers_for(self.application).filter(pk=data.get("officer") or 0)
        if not officer.exists():
            raise ValidationError(_("Välj en handläggare."))
        services.case_assign(**self._common(), officer=officer.get())

    def _do_start_review(self, data) -> None:
        services.review_start(**self._common())

    def _do_request_completion(self, data) -> None:
        services.completion_request(**self._common(), message=data.get("reason", ""))

    def _do_recommend(self, data) -> None:
        services.case_recommend(
            **self._common(),
            outcome=data.get("outcome", ""),
            amount=_amount(data.get("amount", "")),
            motivation=data.get("reason", ""),
        )

    def _do_return_for_review(self, data) -> None:
        services.case_return_for_review(**self._common(), reason=data.get("reason", ""))

    def _confirmed(self, data) -> None:
        if data.get("confirm") != "yes":
            raise ValidationError(_("Kryssa i att du har granskat ärendet och fattar beslutet."))

    def _do_grant(self, data) -> None:
        self._confirmed(data)
        services.case_decide(
            **self._common(),
            outcome="granted",
            amount=_amount(data.get("amount", "")),
            conditions=data.get("conditions", ""),
            motivation=data.get("reason", ""),
        )

    def _do_scores(self, data) -> None:
        scores = {}
        for criterion in self.application.call.criteria.all():
            raw = data.get(f"score-{criterion.pk}", "")
            if raw == "":
                continue
            if not raw.isdigit():
                raise ValidationError(_("Poängen ska vara ett heltal 0–5."))
            scores[criterion.pk] = (int(raw), data.get(f"motivation-{criterion.pk}", ""))
        services.criterion_scores_save(**self._common(), scores=scores)

    def _do_assess(self, data) -> None:
        framework = self.application.call.officer_frameworks.filter(
            pk=data.get("framework") or 0
        ).first()
        if framework is None:
            raise ValidationError(_("Välj ett ramverk."))
        assessment = services.officer_assessment_start(**self._common(), framework=framework)
        self.redirect_to = reverse("assessment_admin:edit", args=[assessment.pk])

    def _do_register_payment(self, data) -> None:
        payment = get_object_or_404(
            self.application.payments,
            pk=data.get("payment") if data.get("payment", "").isdigit() else 0,
        )
        services.payment_register(
            payment=payment,
            user=self.request.user,
            paid=data.get("paid") == "yes",
            amount=_amount(data.get("amount", "")),
            comment=data.get("reason", ""),
        )

    def _do_close(self, data) -> None:
        services.case_close(**self._common(), comment=data.get("reason", ""))

    def _do_reject(self, data) -> None:
        self._confirmed(data)
        services.case_decide(
            **self._common(), outcome="rejected", motivation=data.get("reason", "")
        )
