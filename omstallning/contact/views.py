"""Thin public views: the contact form and its receipt, and asking for, confirming and ending
e-mail about new meetings and news."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from omstallning.core.models import PlatformSettings
from omstallning.core.rate_limits import client_address, within_limit

from . import selectors, services
from .forms import ContactForm, SubscriptionForm, contact_form_for, offered_recipients
from .links import subscription_from_unsubscribe_token

RECEIPT = "contact_receipt"
HOUR = 60 * 60


def _within_hourly_limit(request: HttpRequest, scope: str) -> bool:
    return within_limit(
        scope, client_address(request), limit=settings.CONTACT_FORM_LIMIT_PER_HOUR, seconds=HOUR
    )


def _page_context(request: HttpRequest, platform: PlatformSettings, current: str) -> dict:
    """The Kontakt page as the parent in the breadcrumbs, when the site has one."""
    if platform.contact_page is None:
        return {}
    page = platform.contact_page.localized.specific
    return {"page": page, "translate_path": True, "breadcrumb_current": current}


@never_cache
@require_http_methods(["GET", "POST"])
def write(request: HttpRequest) -> HttpResponse:
    platform = PlatformSettings.for_request(request)
    if request.method == "GET":
        return _render_form(request, platform, contact_form_for(request, platform))
    named = request.POST.get("recipient", "")
    form = ContactForm(request.POST, recipients=offered_recipients(platform, named))
    if form.filled_by_a_bot:
        # Pretend it went well, and keep and send nothing.
        chosen = form.recipients.get(named)
        request.session[RECEIPT] = {"recipient": chosen.name if chosen else ""}
        return redirect("contact:sent")
    if form.is_valid():
        if not _within_hourly_limit(request, "contact-message"):
            form.add_error(
                None,
                _(
                    "Du har skickat många meddelanden på kort tid. Vänta en stund och skicka "
                    "igen. Det du har skrivit finns kvar."
                ),
            )
            return _render_form(request, platform, form, status=429)
        data = form.cleaned_data
        recipient = form.chosen_recipient
        services.message_send(
            recipient=recipient,
            topic=data["topic"],
            sender=services.Sender(
                name=data["name"], email=data["email"], organisation=data["organisation"]
            ),
            body=data["body"],
            language=get_language() or settings.LANGUAGE_CODE,
        )
        request.session[RECEIPT] = {"recipient": recipient.name}
        return redirect("contact:sent")
    return _render_form(request, platform, form, status=400)


def _render_form(
    request: HttpRequest, platform: PlatformSettings, form: ContactForm, status: int = 200
) -> HttpResponse:
    chosen = form.recipients.get(form["recipient"].value() or "")
    heading = (
        _("Skriv till %(name)s") % {"name": chosen.name}
        if chosen is not None and chosen.person is not None
        else _("Skriv till oss")
    )
    context = {
        "form": form,
        "heading": heading,
        "platform": platform,
        "dpo": selectors.dpo_recipient(platform),
        "retention_days": settings.CONTACT_MESSAGE_RETENTION_DAYS,
        **_page_context(request, platform, heading),
    }
    return TemplateResponse(request, "contact/write.html", context, status=status)


@never_cache
def sent(request: HttpRequest) -> HttpResponse:
    platform = PlatformSettings.for_request(request)
    receipt = request.session.get(RECEIPT)
    if receipt is None:
        return redirect("contact:write")
    context = {
        "recipient": receipt.get("recipient", ""),
        "retention_days": settings.CONTACT_MESSAGE_RETENTION_DAYS,
        **_page_context(request, platform, _("Meddelandet är skickat")),
    }
    return TemplateResponse(request, "contact/sent.html", context)


# --- Subscriptions ----------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request: HttpRequest) -> HttpResponse:
    platform = PlatformSettings.for_request(request)
    if request.method == "GET":
        wanted = request.GET.get("amne", "")
        form = SubscriptionForm(
            initial={"meetings": wanted != "nyheter", "news": wanted == "nyheter"}
        )
        return _render_subscribe(request, platform, form)
    form = SubscriptionForm(request.POST)
    if form.filled_by_a_bot:
        return redirect("contact:subscription_requested")
    if form.is_valid():
        if not _within_hourly_limit(request, "contact-subscription"):
            form.add_error(
                None,
                _(
                    "Det har kommit många anmälningar från din uppkoppling på kort tid. Vänta "
                    "en stund och försök igen."
                ),
            )
            return _render_subscribe(request, platform, form, status=429)
        try:
            services.subscription_request(
                email=form.cleaned_data["email"],
                meetings=form.cleaned_data["meetings"],
                news=form.cleaned_data["news"],
                language=get_language() or settings.LANGUAGE_CODE,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # The same answer whatever the address: nobody learns who subscribes.
            return redirect("contact:subscription_requested")
    return _render_subscribe(request, platform, form, status=400)


def _render_subscribe(request, platform, form, status: int = 200) -> HttpResponse:
    context = {
        "form": form,
        "confirm_hours": settings.SUBSCRIPTION_CONFIRM_HOURS,
        "unconfirmed_days": settings.SUBSCRIPTION_UNCONFIRMED_DAYS,
        **_page_context(request, platform, _("E-post om träffar och nyheter")),
    }
    return TemplateResponse(request, "contact/subscribe.html", context, status=status)


@never_cache
def subscription_requested(request: HttpRequest) -> HttpResponse:
    platform = PlatformSettings.for_request(request)
    context = {
        "confirm_hours": settings.SUBSCRIPTION_CONFIRM_HOURS,
        **_page_context(request, platform, _("Bekräfta din e-postadress")),
    }
    return TemplateResponse(request, "contact/subscription_requested.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """The link in the confirmation mail. It asks for a click, so that a mail program that
    opens links to check them confirms nothing."""
    platform = PlatformSettings.for_request(request)
    context = _page_context(request, platform, _("Bekräfta prenumerationen"))
    subscription = services.subscription_for_confirmation(token)
    if request.method == "POST":
        try:
            subscription = services.subscription_confirm(token=token)
        except ValidationError as error:
            context["error"] = " ".join(error.messages)
            status = 410 if error.code == "expired" else 404
            return TemplateResponse(request, "contact/confirm.html", context, status=status)
        context["confirmed"] = subscription
        return TemplateResponse(request, "contact/confirm.html", context)
    if subscription is None:
        context["error"] = _(
            "Länken gäller inte längre. Den kan redan ha använts, eller så har du bett om en ny."
        )
        return TemplateResponse(request, "contact/confirm.html", context, status=404)
    if subscription.confirm_expires_at is None or subscription.confirm_expires_at <= timezone.now():
        context["error"] = _("Länken har gått ut. Anmäl dig igen, så skickar vi en ny.")
        return TemplateResponse(request, "contact/confirm.html", context, status=410)
    context["pending"] = subscription
    return TemplateResponse(request, "contact/confirm.html", context)


@never_cache
@csrf_exempt  # RFC 8058: mail programs post here without a session; the token is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    platform = PlatformSettings.for_request(request)
    context = _page_context(request, platform, _("Avsluta prenumerationen"))
    subscription = subscription_from_unsubscribe_token(token)
    if request.method == "POST":
        if subscription is not None:
            services.subscription_end(subscription=subscription)
        context["ended"] = True
        return TemplateResponse(request, "contact/unsubscribe.html", context)
    context["subscription"] = subscription
    return TemplateResponse(request, "contact/unsubscribe.html", context)
