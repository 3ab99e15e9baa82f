"""The core's pages in the Wagtail admin: e-mail that could not be delivered."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .forms import UndeliveredEmailActionForm
from .permissions import can_handle_undelivered_email
from .undelivered_email import (
    undelivered_email_discard,
    undelivered_email_resend,
    undelivered_email_results,
    undelivered_emails,
)

SHOWN = 200


class UndeliveredEmailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/undelivered_email.html"
    page_title = gettext_lazy("Ej levererad e-post")
    header_icon = "mail"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not can_handle_undelivered_email(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self) -> list[dict]:
        return [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context.update(
            emails=undelivered_emails(limit=SHOWN),
            total=undelivered_email_results().count(),
            shown=SHOWN,
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = UndeliveredEmailActionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Det gick inte att utföra: välj ett meddelande."))
            return redirect(request.path)
        action, message = form.cleaned_data["action"], form.cleaned_data["message"]
        if action == form.DISCARD:
            count = undelivered_email_discard(user=request.user, ids=[str(message)])
            text = ngettext(
                "%(count)s meddelande borttaget.", "%(count)s meddelanden borttagna.", count
            )
            messages.success(request, text % {"count": count})
            return redirect(request.path)
        ids = None if action == form.RESEND_ALL else [str(message)]
        count = len(undelivered_email_resend(user=request.user, ids=ids))
        text = ngettext(
            "%(count)s meddelande skickas igen.", "%(count)s meddelanden skickas igen.", count
        )
        messages.success(request, text % {"count": count})
        return redirect(request.path)
