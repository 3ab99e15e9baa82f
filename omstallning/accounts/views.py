from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_otp import user_has_device

from .selectors import roles_of


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "accounts/profile.html",
        {
            "roles": roles_of(user),
            "has_two_factor": user_has_device(user),
            "can_use_admin": user.has_perm("wagtailadmin.access_admin"),
        },
    )
