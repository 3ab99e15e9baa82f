"""The applicant's own sustainability assessment of a draft, against one of the call's
frameworks: started from the draft, answered and saved on its own page, then submitted."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from omstallning.assessment.forms import AssessmentAnswersForm
from omstallning.assessment.models import Assessment
from omstallning.assessment.selectors import criteria_of, profile_of
from omstallning.assessment.services import answers_save, assessment_submit

from ... import services
from ...services.applicant import self_assessments
from ...workflow import APPLICANT_EDITABLE
from .shared import error_text, login_required_here, own_application, render_page


@login_required_here
def self_assessment(request: HttpRequest, pk: int, framework_id: int) -> HttpResponse:
    application = own_application(request, pk)
    framework = get_object_or_404(
        application.call.self_assessment_frameworks.all(), pk=framework_id
    )
    assessment = self_assessments(application).filter(version__framework=framework).first()
    if assessment is None:
        return _not_started(request, application, framework)
    form = AssessmentAnswersForm(
        request.POST if request.method == "POST" and "answers" in request.POST else None,
        assessment=assessment,
        criteria=criteria_of(assessment.version),
    )
    if request.method == "POST" and form.is_bound and form.is_valid():
        try:
            return _save_answers(request, assessment, form, pk, framework_id)
        except ValidationError as error:
            for problem in error.messages:
                form.add_error(None, problem)
        except PermissionDenied as error:
            form.add_error(None, str(error))
    return render_page(
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


def _not_started(request: HttpRequest, application, framework) -> HttpResponse:
    """The page that starts the assessment; posted (while the draft can change), it starts."""
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
        messages.error(request, " ".join(error_text(error)))
    return redirect("funding:self_assessment", pk=application.pk, framework_id=framework.pk)


def _save_answers(request: HttpRequest, assessment, form, pk: int, framework_id: int):
    """Saves the answers; with the submit button, submits the assessment too."""
    answers_save(assessment=assessment, user=request.user, entries=form.entries())
    if request.POST.get("action") == "submit":
        assessment_submit(assessment=assessment, user=request.user)
        messages.success(request, _("Hållbarhetsbedömningen är klar."))
        return redirect("funding:application", pk=pk)
    messages.success(request, _("Svaren är sparade."))
    return redirect("funding:self_assessment", pk=pk, framework_id=framework_id)
