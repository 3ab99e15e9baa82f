"""The second factor for staff: waiting for an invitation, and following its link."""

from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from .. import second_factor, services


@never_cache
@login_required
def two_factor_required(request: HttpRequest) -> HttpResponse:
    """Where a staff member without a device waits for their invitation."""
    if second_factor.is_verified(request.user) or not second_factor.needs_second_factor(
        request.user
    ):
        return redirect("accounts:profile")
    if second_factor.has_device(request.user):
        return redirect_to_login(request.GET.get("next", ""), "two_factor:login")
    return render(request, "accounts/two_factor_required.html")


@never_cache
def two_factor_invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation: with the password given just now, it opens the setup."""
    invitation = services.invitation_for_token(token)
    if invitation is None or not invitation.is_valid:
        return render(request, "accounts/two_factor_invitation_invalid.html", status=410)
    if not request.user.is_authenticated or not second_factor.login_is_fresh(request):
        return redirect_to_login(request.get_full_path(), "two_factor:login")
    if request.user.pk != invitation.user_id:
        return render(request, "accounts/two_factor_invitation_other_account.html", status=403)
    request.session[second_factor.ENROLMENT_INVITATION] = invitation.pk
    return redirect("two_factor:setup")
