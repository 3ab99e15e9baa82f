"""Staff views in the Wagtail admin: list, start, answer, submit, lock, compare."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
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
from ..forms import AssessmentAnswersForm
from ..models import Assessment, Framework
from ..permissions import can_answer, can_lock, can_reopen, can_see_subject, can_view_assessment
from ..registry import is_assessable
from ..summary import profile_summary

BREADCRUMB_INDEX = {"url": "assessment_admin:index", "label": gettext_lazy("Bedömningar")}


def _breadcrumbs(*items: dict) -> list[dict]:
    return [{"url": reverse(BREADCRUMB_INDEX["url"]), "label": BREADCRUMB_INDEX["label"]}, *items]


class AssessmentIndexView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "assessment/admin/index.html"
    page_title = gettext_lazy("Hållbarhetsbedömningar")
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("assessment.view_assessment"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessments = selectors.assessment_list(
            framework_key=self.request.GET.get("ramverk", ""),
            status=self.request.GET.get("status", ""),
            user=self.request.user,
        )
        context["page"] = Paginator(assessments, 25).get_page(self.request.GET.get("sida"))
        context["frameworks"] = Framework.objects.all()
        context["statuses"] = Assessment.Status.choices
        context["chosen"] = {
            "ramverk": self.request.GET.get("ramverk", ""),
            "status": self.request.GET.get("status", ""),
        }
        return context


class AssessmentStartView(WagtailAdminTemplateMixin, TemplateView):
    """Choose a framework and start assessing an object of an assessable model."""

    template_name = "assessment/admin/start.html"
    page_title = gettext_lazy("Ny hållbarhetsbedömning")
    header_icon = "tasks"

    def dispatch(self, request, content_type_id: int, object_id: int, *args, **kwargs):
        if not request.user.has_perm("assessment.add_assessment"):
            raise PermissionDenied
        content_type = get_object_or_404(ContentType, pk=content_type_id)
        model = content_type.model_class()
        if model is None or not is_assessable(model):
            raise Http404
        self.subject = get_object_or_404(model, pk=object_id)
        # Not even the title of a draft or of a case the person may not see.
        if not can_see_subject(request.user, self.subject):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.subject)

    def get_breadcrumbs_items(self):
        return _breadcrumbs({"url": "", "label": self.page_title})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["subject"] = self.subject
        context["frameworks"] = selectors.frameworks_in_use()
        context["perspectives"] = Assessment.Perspective.choices
        context["earlier"] = selectors.assessments_of(self.subject, user=self.request.user)
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        framework = Framework.objects.filter(pk=request.POST.get("framework")).first()
        perspective = request.POST.get("perspective", Assessment.Perspective.STAFF)
        if framework is None or perspective not in Assessment.Perspective.values:
            messages.error(request, _("Välj ett ramverk och ett perspektiv."))
            return self.get(request, *args, **kwargs)
        try:
            assessment = services.assessment_start(
                subject=self.subject,
                framework=framework,
                assessor=request.user,
                perspective=perspective,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.get(request, *args, **kwargs)
        return redirect("assessment_admin:edit", pk=assessment.pk)


class AssessmentEditView(WagtailAdminTemplateMixin, TemplateView):
    """Answer the criteria, see the profile beside them, submit, lock or reopen."""

    template_name = "assessment/admin/edit.html"
    header_icon = "tasks"

    def dispatch(self, request, pk: int, *args, **kwargs):
        self.assessment = get_object_or_404(
            Assessment.objects.select_related("version__framework", "assessor"), pk=pk
        )
        if not can_view_assessment(request.user, self.assessment):
            raise PermissionDenied
        self.criteria = list(selectors.criteria_of(self.assessment.version))
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return str(self.assessment.version.framework)

    def get_page_subtitle(self):
        return str(self.assessment.subject)

    def get_breadcrumbs_items(self):
        return _breadcrumbs({"url": "", "label": self.get_page_title()})

    def get_form(self, data=None) -> AssessmentAnswersForm:
        return AssessmentAnswersForm(data, assessment=self.assessment, criteria=self.criteria)

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        profile = selectors.profile_of(self.assessment)
        questions = {criterion.key: criterion.question for criterion in self.criteria}
        editable = can_answer(self.request.user, self.assessment)
        answers = {answer.criterion_id: answer for answer in selectors.answers_of(self.assessment)}
        context.update(
            answered=[(criterion, answers.get(criterion.pk)) for criterion in self.criteria],
            assessment=self.assessment,
            form=form or self.get_form(),
            editable=editable,
            can_lock=self.assessment.status == Assessment.Status.SUBMITTED
            and can_lock(self.request.user, self.assessment),
            can_reopen=can_reopen(self.request.user, self.assessment),
            profile=profile,
            summary=profile_summary(profile, questions),
            events=self.assessment.events.select_related("actor"),
            others=selectors.assessments_of(
                self.assessment.subject, user=self.request.user
            ).exclude(pk=self.assessment.pk),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        action = request.POST.get("action", "save")
        try:
            if action == "lock":
                services.assessment_lock(assessment=self.assessment, user=request.user)
                messages.success(request, _("Bedömningen är låst."))
            elif action == "reopen":
                services.assessment_reopen(
                    assessment=self.assessment,
                    user=request.user,
                    reason=request.POST.get("reason", ""),
                )
                messages.success(request, _("Bedömningen är öppnad igen."))
            else:
                return self._save(request, submit=action == "submit")
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, _error_text(error))
        return redirect("assessment_admin:edit", pk=self.assessment.pk)

    def _save(self, request: HttpRequest, *, submit: bool) -> HttpResponse:
        form = self.get_form(request.POST)
        if not form.is_valid():
            messages.error(request, _("Något behöver rättas. Se markeringarna nedan."))
            return self.render_to_response(self.get_context_data(form=form))
        services.answers_save(assessment=self.assessment, user=request.user, entries=form.entries())
        if not submit:
            messages.success(request, _("Svaren är sparade."))
            return redirect("assessment_admin:edit", pk=self.assessment.pk)
        try:
            services.assessment_submit(assessment=self.assessment, user=request.user)
        except ValidationError as error:
            # The answers are saved; only the submission waits for what is missing.
            messages.error(request, _("Svaren är sparade men bedömningen kunde inte lämnas in."))
            for problem in error.messages:
                messages.warning(request, problem)
        else:
            messages.success(request, _("Bedömningen är inlämnad."))
        return redirect("assessment_admin:edit", pk=self.assessment.pk)


def _error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or _("Du har inte behörighet till det här.")


class AssessmentCompareView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "assessment/admin/compare.html"
    page_title = gettext_lazy("Jämför bedömningar")
    header_icon = "tasks"

    def dispatch(self, request, pk: int, other_pk: int, *args, **kwargs):
        self.first = get_object_or_404(Assessment, pk=pk)
        self.second = get_object_or_404(Assessment, pk=other_pk)
        for assessment in (self.first, self.second):
            if not can_view_assessment(request.user, assessment):
                raise PermissionDenied
        try:
            self.rows = selectors.comparison(self.first, self.second)
        except ValueError as error:
            raise Http404 from error
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return str(self.first.subject)

    def get_breadcrumbs_items(self):
        return _breadcrumbs({"url": "", "label": self.page_title})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(first=self.first, second=self.second, rows=self.rows)
        return context
