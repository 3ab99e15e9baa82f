"""The links in subscription mails: confirming a request, and ending a subscription."""

import hashlib
from urllib.parse import urljoin

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .models import Subscription

UNSUBSCRIBE_SALT = "omstallning.contact.unsubscribe"


def _fingerprint(email: str) -> str:
    # A hash, so that the address itself never appears in a URL or a log.
    return hashlib.sha256(email.lower().encode()).hexdigest()[:16]


def unsubscribe_token(subscription: Subscription) -> str:
    # The same in every mail, and valid for as long as the subscription exists.
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(
        [subscription.pk, _fingerprint(subscription.email)]
    )


def subscription_from_unsubscribe_token(token: str) -> Subscription | None:
    try:
        pk, fingerprint = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscription = Subscription.objects.filter(pk=pk).first()
    if subscription is None or _fingerprint(subscription.email) != fingerprint:
        return None
    return subscription


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
