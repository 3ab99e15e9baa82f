"""A staff session counts only once a second factor (TOTP) is verified in it.

Checked for every view, not only the admin: case pages, files, decision letters and the
statistics live outside /admin/. Until then a staff member may only log in with the code,
enrol through an invitation, reset a password or leave.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from . import second_factor

# Views a signed-in staff member may use before the second factor.
OPEN_VIEWS = frozenset(
    {
        "two_factor:login",
        "two_factor:setup",
        "two_factor:qr",
        "accounts:two_factor_required",
        "accounts:two_factor_invitation",
        "accounts:logout",
        "accounts:password_reset",
        "accounts:password_reset_done",
        "accounts:password_reset_confirm",
        "accounts:password_reset_complete",
        "wagtailadmin_logout",
        "wagtail_password_reset",
        "wagtail_front_end_login",
        "healthz",
        "robots_txt",
        "csp_report",
    }
)


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        view_name = request.resolver_match.view_name
        if view_name == "wagtailadmin_login":
            return redirect(_with_next(reverse("two_factor:login"), request))
        user = request.user
        if (
            view_name in OPEN_VIEWS
            or not second_factor.needs_second_factor(user)
            or second_factor.is_verified(user)
        ):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": _("Logga in med tvåstegsverifiering för att använda ditt konto här.")},
                status=403,
            )
        return redirect(_with_next(_next_step(request), request))


def _next_step(request: HttpRequest) -> str:
    if second_factor.has_device(request.user):
        return reverse("two_factor:login")
    if second_factor.enrolment_invitation(request) is not None:
        return reverse("two_factor:setup")
    return reverse("accounts:two_factor_required")


def _with_next(url: str, request: HttpRequest) -> str:
    next_url = request.GET.get("next") or request.get_full_path()
    if next_url == reverse("wagtailadmin_login"):
        next_url = reverse("wagtailadmin_home")
    return f"{url}?{urlencode({'next': next_url})}"
