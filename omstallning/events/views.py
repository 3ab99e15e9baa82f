"""A person's own registration behind the signed link: change, cancel, feedback, calendar.
The meeting pages themselves answer in `models/pages.py`, as routable pages."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .calendar import calendar_bytes, calendar_response
from .forms import FeedbackForm, RegistrationChangeForm
from .links import registration_from_token


@never_cache
@require_http_methods(["GET", "POST"])
def registration(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_from_token(token)
    if registration is None:
        raise Http404
    form = RegistrationChangeForm(
        request.POST if request.POST.get("action") == "save" else None,
        initial={
            "name": registration.name,
            "organisation": registration.organisation,
            "municipality": registration.municipality,
            "food_needs": registration.food_needs,
            "accessibility_needs": registration.accessibility_needs,
        },
    )
    feedback_form = FeedbackForm(request.POST if request.POST.get("action") == "feedback" else None)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "feedback":
                if feedback_form.is_valid():
                    services.feedback_submit(
                        registration=registration, **feedback_form.cleaned_data
                    )
                    messages.success(request, _("Tack för dina synpunkter!"))
                    return redirect(request.path)
            elif request.POST.get("action") == "cancel":
                # Never at once: the person confirms on a page of its own.
                return redirect("events:registration_cancel", token)
            elif form.is_valid():
                services.registration_update(registration=registration, details=form.details())
                messages.success(request, _("Dina uppgifter är sparade."))
                return redirect(request.path)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
    registration.refresh_from_db()
    return TemplateResponse(
        request,
        "events/registration.html",
        {
            "token": token,
            "registration": registration,
            "event": registration.event.specific,
            "form": form,
            "waiting_position": selectors.waiting_position(registration),
            "feedback_form": feedback_form,
            "may_give_feedback": selectors.may_give_feedback(registration),
        },
        status=400 if form.errors or feedback_form.errors else 200,
    )


@never_cache
@require_http_methods(["GET", "POST"])
def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """Asks before a registration is removed (or the person leaves the waiting list); the
    removal happens only when the question is answered with a POST."""
    registration = registration_from_token(token)
    if registration is None:
        raise Http404
    event = registration.event.specific
    if not registration.is_active or event.is_past:
        return redirect("events:registration", token)
    if request.method == "POST":
        waiting = registration.status == registration.Status.WAITLISTED
        try:
            services.registration_cancel(registration=registration)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Du har lämnat väntelistan.") if waiting else _("Din anmälan är borttagen."),
            )
        return redirect("events:registration", token)
    return TemplateResponse(
        request,
        "events/registration_cancel.html",
        {"token": token, "registration": registration, "event": event},
    )


@never_cache
@require_http_methods(["GET"])
def registration_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The meeting for the person's own calendar, with the link to an online meeting, as in
    the confirmation mail."""
    registration = registration_from_token(token)
    if registration is None or registration.status != registration.Status.CONFIRMED:
        raise Http404
    event = registration.event.specific
    content = calendar_bytes(
        [event], settings.WAGTAILADMIN_BASE_URL, name=event.title, with_online_link=True
    )
    return calendar_response(content, event.slug)
