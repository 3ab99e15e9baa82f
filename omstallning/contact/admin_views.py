"""The staff side in the Wagtail admin: the messages (list, inspect with the status change and
its log), the subscriber list with its export, and a person's data on request."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import ModelLogEntry

from . import selectors, services
from .forms import PersonDataForm, StatusForm
from .models import ContactMessage
from .permissions import (
    can_change_status,
    can_handle_person_data,
    can_see_subscribers,
    can_view_message,
    visible_messages,
)


class MessageIndexView(generic.IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset() & visible_messages(self.request.user)


class MessageInspectView(generic.InspectView):
    template_name = "contact/admin/message.html"

    def get_object(self, queryset=None):
        message = super().get_object(queryset)
        if not can_view_message(self.request.user, message):
            raise PermissionDenied
        return message

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        message = self.object
        context.update(
            message=message,
            can_change=can_change_status(self.request.user, message),
            status_form=StatusForm(initial={"status": message.status}),
            log_entries=ModelLogEntry.objects.for_instance(message)
            .select_related("user")
            .order_by("timestamp"),
        )
        return context


class SubscriberIndexView(generic.IndexView):
    """Confirmed subscribers only: a request nobody confirmed is nobody's subscription."""

    def get_base_queryset(self):
        return super().get_base_queryset().filter(confirmed_at__isnull=False)

    @property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Ladda ner som CSV"),
                url=reverse("contact_admin:subscribers_export"),
                icon_name="download",
            )
        ]


@require_POST
def message_status(request: HttpRequest, pk: int) -> HttpResponse:
    message = get_object_or_404(ContactMessage, pk=pk)
    if not can_view_message(request.user, message):
        raise PermissionDenied
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("status", [])))
    else:
        try:
            message = services.message_status_change(
                message=message, status=form.cleaned_data["status"], user=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Status ändrad till %(status)s.") % {"status": message.get_status_display()},
            )
    return redirect("contact_messages:inspect", message.pk)


def subscribers_export(request: HttpRequest) -> HttpResponse:
    if not can_see_subscribers(request.user):
        raise PermissionDenied
    csv = services.subscribers_export(user=request.user)
    response = HttpResponse(csv, content_type="text/csv; charset=utf-8")
    filename = f"prenumeranter-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class PersonDataView(WagtailAdminTemplateMixin, TemplateView):
    """Find what the contact form and the subscriptions hold about an e-mail address, to hand
    it out or erase it on request."""

    template_name = "contact/admin/person_data.html"
    page_title = gettext_lazy("Personuppgifter i meddelanden och prenumerationer")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not can_handle_person_data(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = PersonDataForm(self.request.GET or None)
        email = form.cleaned_data["epost"] if form.is_valid() else ""
        context.update(
            form=form,
            email=email,
            messages_found=selectors.person_messages(email) if email else None,
            subscription=selectors.person_subscription(email) if email else None,
        )
        return context

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = PersonDataForm(request.GET or None)
        if form.is_valid() and request.GET.get("export") == "json":
            data = services.person_data_export(email=form.cleaned_data["epost"], user=request.user)
            response = HttpResponse(
                json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="kontaktuppgifter.json"'
            return response
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        form = PersonDataForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Ange en giltig e-postadress."))
            return redirect(request.path)
        message_count, subscription_count = services.person_data_erase(
            email=form.cleaned_data["epost"], user=request.user
        )
        messages.success(
            request,
            _("%(messages)s meddelanden och %(subscriptions)s prenumerationer är raderade.")
            % {"messages": message_count, "subscriptions": subscription_count},
        )
        return redirect(request.path)
