"""Mitt konto: one's name, address, password, organisations, a copy of one's data, and
closing the account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import user_has_device

from omstallning.core.models import Organisation
from omstallning.core.rate_limits import within_limit

from .. import selectors, services
from ..forms import CloseAccountForm, EmailChangeForm, InviteForm, OrganisationForm, ProfileForm
from ..models import Membership
from ..personal_data import kept_on_closing, personal_data_export
from ..second_factor import needs_second_factor
from ..services.sign_up import ORGANISATION_KIND_OF

INVITATIONS_PER_DAY = 30


def _error_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or _("Du har inte behörighet till det här.")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    return render(
        request,
        "accounts/profile.html",
        {
            "roles": selectors.roles_of(user),
            "has_two_factor": user_has_device(user),
            "can_use_admin": user.has_perm("wagtailadmin.access_admin"),
            "memberships": selectors.memberships_of(user),
            "requests_to_decide": selectors.requests_to_decide(user),
            "invite_form": InviteForm(),
            "organisation_form": OrganisationForm(),
            "is_staff_role": needs_second_factor(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ProfileForm(
        request.POST or None, initial={"first_name": user.first_name, "last_name": user.last_name}
    )
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=user, **form.cleaned_data)
        messages.success(request, _("Ditt namn är sparat."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile_edit.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def email_change(request: HttpRequest) -> HttpResponse:
    form = EmailChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.email_change_request(
                user=request.user,
                new_email=form.cleaned_data["email"],
                password=form.cleaned_data["password"],
            )
        except (PermissionDenied, ValidationError) as error:
            form.add_error(
                "password" if isinstance(error, PermissionDenied) else "email", _error_text(error)
            )
        else:
            return render(
                request, "accounts/email_change_sent.html", {"email": form.cleaned_data["email"]}
            )
    return render(request, "accounts/email_change.html", {"form": form})


@never_cache
@login_required
def email_confirm(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.email_change_confirm(token=token, user=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Din nya e-postadress är bekräftad."))
    return redirect("accounts:profile")


@login_required
@require_POST
def organisation_add(request: HttpRequest) -> HttpResponse:
    """Join an organisation by its number; one that is not here yet is founded."""
    form = OrganisationForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(f"{reverse('accounts:profile')}#organisationer")
    own = getattr(request.user, "self_service", None)
    membership = services.organisation_join_or_found(
        user=request.user,
        name=form.cleaned_data["organisation_name"],
        number=form.cleaned_data["organisation_number"],
        kind=ORGANISATION_KIND_OF[own.kind] if own else Organisation.Kind.OTHER,
    )
    if membership.status == Membership.Status.ACTIVE:
        messages.success(request, _("Du är med i %(name)s.") % {"name": membership.organisation})
    else:
        messages.success(
            request,
            _("Du har bett att få gå med i %(name)s. En medlem bekräftar att du hör dit.")
            % {"name": membership.organisation.name},
        )
    return redirect("accounts:profile")


@login_required
@require_POST
def membership_invite(request: HttpRequest, organisation_id: int) -> HttpResponse:
    organisation = get_object_or_404(Organisation, pk=organisation_id)
    form = InviteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv en giltig e-postadress för den du vill bjuda in."))
    elif not within_limit(
        "membership-invite", str(request.user.pk), limit=INVITATIONS_PER_DAY, seconds=86400
    ):
        messages.error(request, _("Du har bjudit in många i dag. Försök igen i morgon."))
    else:
        try:
            services.membership_invite(
                organisation=organisation, email=form.cleaned_data["email"], invited_by=request.user
            )
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, _error_text(error))
        else:
            messages.success(
                request,
                _("Inbjudan är skickad till %(email)s.") % {"email": form.cleaned_data["email"]},
            )
    return redirect("accounts:profile")


@login_required
@require_POST
def membership_decide(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=membership_id)
    try:
        if request.POST.get("decision") == "confirm":
            services.membership_confirm(membership=membership, actor=request.user)
            messages.success(request, _("Personen är nu med i organisationen."))
        else:
            services.membership_decline(membership=membership, actor=request.user)
            messages.success(request, _("Förfrågan är avböjd."))
    except PermissionDenied:
        # Someone else's organisation: nothing is said about it.
        raise Http404 from None
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("accounts:profile")


@login_required
@require_POST
def membership_leave(request: HttpRequest, membership_id: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=membership_id)
    try:
        services.membership_leave(membership=membership, user=request.user)
    except PermissionDenied:
        raise Http404 from None
    messages.success(request, _("Medlemskapet är borttaget."))
    return redirect("accounts:profile")


@never_cache
@login_required
def membership_accept(request: HttpRequest, token: str) -> HttpResponse:
    try:
        membership = services.membership_accept(token=token, user=request.user)
    except (PermissionDenied, ValidationError) as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request, _("Du är nu med i %(name)s.") % {"name": membership.organisation.name}
        )
    return redirect("accounts:profile")


@never_cache
@login_required
def data_export(request: HttpRequest) -> HttpResponse:
    """Everything the platform holds about the person, as JSON (GDPR art. 15 and 20)."""
    data = {
        "exported_at": timezone.now().isoformat(),
        "platform": request.get_host(),
        **personal_data_export(request.user),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    name = f"mina-uppgifter-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def account_close(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = CloseAccountForm(request.POST or None)
    kept = kept_on_closing(user)
    if request.method == "POST" and form.is_valid():
        try:
            kept = services.account_close(user=user, password=form.cleaned_data["password"])
        except PermissionDenied as error:
            form.add_error("password", _error_text(error))
        except ValidationError as error:
            form.add_error(None, _error_text(error))
        else:
            logout(request)
            return render(request, "accounts/closed.html", {"kept": kept})
    return render(
        request,
        "accounts/close.html",
        {"form": form, "kept": kept, "is_staff_role": needs_second_factor(user)},
    )
