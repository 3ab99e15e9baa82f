"""The contact form and the subscription form, for any page that shows them."""

from django import template
from django.conf import settings

from omstallning.core.models import PlatformSettings

from ..forms import SubscriptionForm, contact_form_for

register = template.Library()


@register.inclusion_tag("contact/includes/contact_form.html", takes_context=True)
def contact_form(context, recipient=None):
    """The contact form, addressed to `recipient` (a contact card) unless ?till= says."""
    request = context["request"]
    platform = PlatformSettings.for_request(request)
    form = contact_form_for(
        request, platform, recipient=str(recipient.pk) if recipient is not None else ""
    )
    return {
        **context.flatten(),
        "form": form,
        "platform": platform,
        "retention_days": settings.CONTACT_MESSAGE_RETENTION_DAYS,
    }


@register.inclusion_tag("contact/includes/subscribe_form.html", takes_context=True)
def subscribe_form(context, topic="traffar", heading=""):
    """The form for e-mail about new meetings ("traffar") or news ("nyheter")."""
    form = SubscriptionForm(initial={"meetings": topic == "traffar", "news": topic == "nyheter"})
    return {
        **context.flatten(),
        "subscribe_form": form,
        "subscribe_heading": heading,
        "unconfirmed_days": settings.SUBSCRIPTION_UNCONFIRMED_DAYS,
    }
