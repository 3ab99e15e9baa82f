"""Staff reach the admin only after a second factor (TOTP) in this session."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp import user_has_device

# Admin pages a signed-in person may see before the second factor: leaving, and
# getting a new password.
_OPEN_ADMIN_PATHS = ("/admin/logout/", "/admin/password_reset/")


class StaffTwoFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        admin_root = reverse("wagtailadmin_home")
        path = request.path
        if path.startswith(admin_root) and not path.startswith(_OPEN_ADMIN_PATHS):
            if path == reverse("wagtailadmin_login"):
                return redirect(_with_next(reverse("two_factor:login"), request))
            user = request.user
            if user.is_authenticated and not user.is_verified():
                if user_has_device(user):
                    return redirect(_with_next(reverse("two_factor:login"), request))
                return redirect(_with_next(reverse("two_factor:setup"), request))
        return self.get_response(request)


def _with_next(url: str, request: HttpRequest) -> str:
    next_url = request.GET.get("next") or request.get_full_path()
    if next_url == reverse("wagtailadmin_login"):
        next_url = reverse("wagtailadmin_home")
    return f"{url}?{urlencode({'next': next_url})}"
