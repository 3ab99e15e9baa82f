"""The links in subscription mails: confirming a request, and ending a subscription."""

from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from omstallning.core.signed_links import record_from_token, record_token

from .models import Subscription

UNSUBSCRIBE_SALT = "omstallning.contact.unsubscribe"


def unsubscribe_token(subscription: Subscription) -> str:
    # The same in every mail, and valid for as long as the subscription exists.
    return record_token(UNSUBSCRIBE_SALT, subscription.pk, subscription.email)


def subscription_from_unsubscribe_token(token: str) -> Subscription | None:
    return record_from_token(UNSUBSCRIBE_SALT, token, Subscription.objects.all())


def absolute(path: str) -> str:
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


def unsubscribe_url(subscription: Subscription) -> str:
    with translation.override(subscription.language):
        return absolute(reverse("contact:unsubscribe", args=[unsubscribe_token(subscription)]))


def confirm_url(subscription: Subscription, token: str) -> str:
    with translation.override(subscription.language):
        return absolute(reverse("contact:confirm", args=[token]))


def unsubscribe_headers(subscription: Subscription) -> dict[str, str]:
    """RFC 2369 and RFC 8058: mail programs offer their own one-click unsubscribe button."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscription)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
