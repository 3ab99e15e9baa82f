from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import ConsentForm
from .services import consent_record
from .state import current_policy_version, read_consent, write_consent


def _safe_next(request: HttpRequest) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return "/"


@require_http_methods(["GET", "POST"])
def consent_settings(request: HttpRequest) -> HttpResponse:
    """Cookie settings: the no-JavaScript banner posts here, and the footer link leads here."""
    state = read_consent(request)
    if request.method == "POST":
        form = ConsentForm(request.POST)
        if form.is_valid():
            action, statistics, third_party = form.decision()
            state = consent_record(
                previous=state,
                action=action,
                statistics=statistics,
                third_party=third_party,
                policy_version=current_policy_version(request),
            )
            if request.headers.get("Accept") == "application/json":
                response: HttpResponse = JsonResponse(
                    {"statistics": state.statistics, "third_party": state.third_party}
                )
            else:
                messages.success(request, _("Dina val för kakor är sparade."))
                response = HttpResponseRedirect(_safe_next(request))
            write_consent(response, state)
            return response
        status = 400
    else:
        initial = (
            {"statistics": state.statistics, "third_party": state.third_party} if state else {}
        )
        form = ConsentForm(initial=initial)
        status = 200
    return render(
        request,
        "consent/settings.html",
        {"form": form, "next": _safe_next(request), "settings_url": reverse("consent_settings")},
        status=status,
    )
