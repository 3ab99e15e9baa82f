"""The applicant's organisations: adding one, and changing its facts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from ... import services
from ...forms import ErrorSummary, OrganisationForm
from ...models import ApplicantOrganisation
from .shared import login_required_here, render_page


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
            return redirect(_next_or_applications(request))
    return render_page(
        request,
        "funding/organisation_form.html",
        {
            "form": form,
            "error_summary": ErrorSummary(form),
            "organisation": organisation,
            "breadcrumb_current": organisation.name if organisation else _("Ny organisation"),
        },
    )


def _next_or_applications(request: HttpRequest) -> str:
    """Back where the person came from (starting an application), if that is on this site."""
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("funding:applications")
    return target
