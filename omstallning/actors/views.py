"""The company's own referral behind the signed link: follow the case, rate the help, take
back the consent. The finder's pages answer in `models/pages.py`, as a routable page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .links import referral_from_token
from .referral_forms import RatingForm


@never_cache
@require_http_methods(["GET", "POST"])
def referral(request: HttpRequest, token: str) -> HttpResponse:
    referral = referral_from_token(token)
    if referral is None:
        raise Http404
    form = RatingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_rate(
                referral=referral,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Tack för ditt betyg!"))
        return redirect(request.path)
    return TemplateResponse(
        request,
        "actors/referral.html",
        {
            "token": token,
            "referral": referral,
            "steps": selectors.company_steps(referral),
            "rating_form": form,
            "finder": selectors.finder_page(),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def referral_withdraw(request: HttpRequest, token: str) -> HttpResponse:
    """Asks first; the consent is taken back, and the details erased, only on the POST."""
    referral = referral_from_token(token)
    if referral is None:
        raise Http404
    if request.method == "GET":
        return TemplateResponse(
            request, "actors/referral_withdraw.html", {"token": token, "referral": referral}
        )
    services.referral_withdraw(referral=referral)
    return redirect("actors:referral_withdrawn")


def referral_withdrawn(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request, "actors/referral_withdrawn.html", {"finder": selectors.finder_page()}
    )
