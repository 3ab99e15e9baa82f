"""Staff views of accounts: staff accounts' second factor (send an invitation, reset a device),
and requests to join organisations that no member can answer."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors, services
from .models import Membership
from .permissions import CHANGE_ORGANISATION, can_manage_second_factor


class SecondFactorAdminView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "accounts/admin/second_factor.html"
    page_title = gettext_lazy("Tvåstegsverifiering för personal")
    header_icon = "key"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_manage_second_factor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["states"] = selectors.second_factor_states(selectors.staff_accounts())
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        person = get_object_or_404(get_user_model(), pk=request.POST.get("user"))
        action = request.POST.get("action")
        try:
            if action == "invite":
                sent = services.invitation_send(user=person, actor=request.user)
                if sent.mailed:
                    messages.success(
                        request,
                        _("Inbjudan är skickad till %(email)s.") % {"email": person.email},
                    )
                else:
                    messages.warning(
                        request,
                        _("%(name)s har ingen e-postadress. Lägg till en och skicka igen.")
                        % {"name": person.get_username()},
                    )
            elif action == "reset":
                services.second_factor_reset(user=person, actor=request.user)
                messages.success(
                    request,
                    _(
                        "Tvåstegsverifieringen för %(name)s är återställd. Skicka en ny "
                        "inbjudan när personen är redo."
                    )
                    % {"name": person.get_username()},
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("accounts_admin:second_factor")


class MembershipRequestsAdminView(WagtailAdminTemplateMixin, TemplateView):
    """Requests to join an organisation, for staff who keep the region's organisations: above
    all those of organisations that have no member yet to let people in."""

    template_name = "accounts/admin/membership_requests.html"
    page_title = gettext_lazy("Förfrågningar om medlemskap")
    header_icon = "group"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(CHANGE_ORGANISATION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["requests"] = selectors.open_membership_requests()
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        membership = get_object_or_404(Membership, pk=request.POST.get("membership"))
        try:
            if request.POST.get("decision") == "confirm":
                services.membership_confirm(membership=membership, actor=request.user)
                messages.success(request, _("Personen är nu med i organisationen."))
            else:
                services.membership_decline(membership=membership, actor=request.user)
                messages.success(request, _("Förfrågan är avböjd."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("accounts_admin:membership_requests")
