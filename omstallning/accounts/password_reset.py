"""Password reset by e-mail, throttled and with the same answer in the same time for every
address: the view only queues the request, and the task looks up the account and mails it."""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.views import PasswordResetView
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _

from omstallning.core.rate_limits import client_address, within_limit

from .tasks import EMAIL_TEMPLATE, SUBJECT_TEMPLATE, send_password_reset


class ThrottledPasswordResetView(PasswordResetView):
    success_url = reverse_lazy("accounts:password_reset_done")
    email_template_name = EMAIL_TEMPLATE
    subject_template_name = SUBJECT_TEMPLATE

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        request: HttpRequest = self.request
        limits = settings.PASSWORD_RESET_LIMITS
        if not within_limit("reset-client", client_address(request), **limits["per_client"]):
            form.add_error(
                None,
                _("För många försök från din adress. Vänta en stund och försök sedan igen."),
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        # Over the limit for one address, nothing more is sent, but the answer is the same.
        if within_limit("reset-email", form.cleaned_data["email"].lower(), **limits["per_email"]):
            send_password_reset.enqueue(
                email=form.cleaned_data["email"],
                domain=request.get_host(),
                use_https=request.is_secure(),
                language=translation.get_language(),
            )
        return HttpResponseRedirect(self.get_success_url())
