"""The organisers' side in the Wagtail admin: participants, check-in, exports, messages,
cancelling a meeting, and a person's data on request."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import selectors, services
from .models import EventPage, Registration
from .permissions import can_handle_person_data, can_manage_participants, can_view_participants

Status = Registration.Status


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


class ParticipantsView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/participants.html"
    page_title = gettext_lazy("Deltagare")
    header_icon = "group"

    def dispatch(self, request, page_id: int, *args, **kwargs):
        _require(can_view_participants(request.user))
        self.event = get_object_or_404(EventPage, pk=page_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": f"{self.page_title}: {self.event.title}"}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        active = self.event.registrations.filter(anonymised_at__isnull=True)
        context.update(
            event=self.event,
            confirmed=active.filter(status=Status.CONFIRMED).select_related("municipality"),
            waiting=active.filter(status=Status.WAITLISTED).order_by("created_at", "pk"),
            places_left=selectors.places_left(self.event),
            attended=active.filter(attended_at__isnull=False).count(),
            can_change=can_manage_participants(self.request.user),
            feedback=selectors.feedback_summary(self.event),
        )
        return context

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        _require(can_manage_participants(request.user))
        action = request.POST.get("action")
        try:
            if action in ("check_in", "undo_check_in"):
                registration = get_object_or_404(
                    Registration, pk=request.POST.get("registration"), event=self.event
                )
                services.registration_check_in(
                    registration=registration, user=request.user, attended=action == "check_in"
                )
                return redirect(f"{request.path}#deltagare-{registration.pk}")
            if action == "message":
                count = services.event_message_send(
                    event=self.event,
                    user=request.user,
                    subject=request.POST.get("subject", ""),
                    body=request.POST.get("body", ""),
                    include_waiting=request.POST.get("include_waiting") == "on",
                )
                messages.success(
                    request, _("Meddelandet skickas till %(count)s personer.") % {"count": count}
                )
            elif action == "cancel_event":
                count = services.event_cancel(
                    event=self.event, user=request.user, reason=request.POST.get("reason", "")
                )
                messages.success(
                    request,
                    _("Träffen är inställd och %(count)s personer får besked.") % {"count": count},
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(request.path)


def participants_export(request: HttpRequest, page_id: int, file_format: str) -> HttpResponse:
    _require(can_view_participants(request.user))
    event = get_object_or_404(EventPage, pk=page_id)
    name = f"deltagare-{slugify(event.title) or event.pk}"
    content = services.participants_export(event=event, user=request.user, file_format=file_format)
    if file_format == "xlsx":
        response = HttpResponse(
            content,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    else:
        response = HttpResponse(content, content_type="text/csv")
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    return response


class PersonDataView(WagtailAdminTemplateMixin, TemplateView):
    """Find a person's registrations by e-mail address, to export or erase them on request."""

    template_name = "events/admin/person_data.html"
    page_title = gettext_lazy("Personuppgifter i anmälningar")
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        _require(can_handle_person_data(request.user))
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        email = self.request.GET.get("epost", "").strip()
        context["email"] = email
        context["registrations"] = selectors.person_registrations(email) if email else None
        return context

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        email = request.GET.get("epost", "").strip()
        if email and request.GET.get("export") == "json":
            data = services.person_data_export(email=email, user=request.user)
            response = HttpResponse(
                json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="anmalningar.json"'
            return response
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            count = services.person_data_erase(
                email=request.POST.get("epost", ""), user=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(count)s anmälningar är raderade (anonymiserade).") % {"count": count}
            )
        return redirect(request.path)
