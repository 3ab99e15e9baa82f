"""Making an account and confirming its address."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from omstallning.core.rate_limits import client_address, within_limit

from .. import services
from ..forms import SignUpForm


@never_cache
@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limit = settings.SIGN_UP_LIMIT_PER_CLIENT
        if not within_limit("sign-up", client_address(request), limit=limit, seconds=3600):
            form.add_error(
                None, _("För många nya konton från din adress. Vänta en stund och försök igen.")
            )
            return render(request, "accounts/sign_up.html", {"form": form}, status=429)
        if not form.is_robot:
            services.account_sign_up(details=form.details())
        # The same answer for a new address, a taken one and a robot.
        return redirect("accounts:sign_up_sent")
    status = 422 if form.is_bound else 200
    return render(request, "accounts/sign_up.html", {"form": form}, status=status)


def sign_up_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/sign_up_sent.html", {"hours": settings.ACCOUNT_CONFIRMATION_HOURS}
    )


@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    user = services.account_confirm(token=token)
    if user is None:
        return render(request, "accounts/confirm_invalid.html", status=410)
    return render(request, "accounts/confirmed.html", {"confirmed_user": user})
