"""django-two-factor-auth's wizard, guarded: its setup view refuses a user who already has a
device only on GET, so a password-only session could POST its way to a second device of its
own. Here every request is checked, whatever the method or step."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from two_factor.forms import AuthenticationTokenForm, BackupTokenForm
from two_factor.views import DisableView, LoginView, SetupView

from . import second_factor, services
from .forms import EmailOrUsernameAuthenticationForm


class AccountLoginView(LoginView):
    """django-two-factor-auth's login, with the e-mail address as the name to log in with."""

    form_list = (
        (LoginView.AUTH_STEP, EmailOrUsernameAuthenticationForm),
        (LoginView.TOKEN_STEP, AuthenticationTokenForm),
        (LoginView.BACKUP_STEP, BackupTokenForm),
    )

    @classmethod
    def get_prefix(cls, request, *args, **kwargs) -> str:
        return "login_view"


class GuardedSetupView(SetupView):
    @classmethod
    def get_prefix(cls, request, *args, **kwargs) -> str:
        # The wizard's own form prefix, as in django-two-factor-auth's templates and docs.
        return "setup_view"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not second_factor.is_verified(user):
            if second_factor.has_device(user):
                # Another device only from a session verified with an existing one.
                return redirect_to_login(request.get_full_path(), "two_factor:login")
            if not second_factor.may_add_first_device(request):
                return self._refuse_first_device(request)
        return super().dispatch(request, *args, **kwargs)

    def _refuse_first_device(self, request: HttpRequest) -> HttpResponse:
        if second_factor.needs_second_factor(request.user) and second_factor.login_is_fresh(
            request
        ):
            return redirect("accounts:two_factor_required")
        messages.info(
            request, _("Logga in igen med ditt lösenord för att aktivera tvåstegsverifiering.")
        )
        return redirect_to_login(request.get_full_path(), "two_factor:login")

    def done(self, form_list, **kwargs) -> HttpResponse:
        invitation = second_factor.enrolment_invitation(self.request)
        response = super().done(form_list, **kwargs)
        if invitation is not None:
            services.invitation_use(invitation=invitation, user=self.request.user)
            self.request.session.pop(second_factor.ENROLMENT_INVITATION, None)
        return response


class GuardedDisableView(DisableView):
    """Staff cannot turn their second factor off: the admin would be closed to them."""

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if second_factor.needs_second_factor(request.user):
            messages.error(
                request,
                _(
                    "Med din roll måste tvåstegsverifiering vara på. Har du bytt eller tappat "
                    "bort telefonen, be en administratör att återställa den."
                ),
            )
            return redirect("two_factor:profile")
        return super().dispatch(request, *args, **kwargs)
