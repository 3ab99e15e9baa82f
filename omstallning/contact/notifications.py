"""The contact app's e-mail, sent through the task queue after the change commits.

A message goes to the person or function it was written to (an address the region set up),
with the sender's address as Reply-To, so that an answer reaches them directly. The sender gets
no mail: their address is not confirmed, and the platform never mails anything to an address
nobody confirmed but the confirmation link of a subscription, which carries only the
platform's own text (security finding L4).
"""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from omstallning.core.mail import send_templated

from . import selectors
from .links import absolute, confirm_url, unsubscribe_headers, unsubscribe_url
from .models import Announcement, ContactMessage, Subscription


def send_message(message: ContactMessage) -> None:
    """The message to its recipient. Their mail is in the site's first language."""
    send_templated(
        to=message.delivered_to,
        subject=_("Meddelande till %(recipient)s via webbplatsen: %(topic)s"),
        subject_values=lambda: {
            "recipient": message.recipient_name,
            "topic": message.get_topic_display(),
        },
        template="contact/email/message.txt",
        context=lambda: {
            "message": message,
            "platform_name": selectors.platform_name(),
            "retention_days": settings.CONTACT_MESSAGE_RETENTION_DAYS,
            "admin_url": absolute(reverse("contact_messages:inspect", args=[message.pk])),
        },
        language=settings.LANGUAGE_CODE,
        reply_to=message.email,
    )


def _to_subscriber(
    subscription: Subscription, *, subject, subject_values: dict, template: str, context
) -> None:
    # Nothing the requester typed but the address itself reaches these templates.
    send_templated(
        to=subscription.email,
        subject=subject,
        subject_values=subject_values,
        template=template,
        context=lambda: {
            **context(),
            "platform_name": selectors.platform_name(),
            "unsubscribe_url": unsubscribe_url(subscription),
        },
        language=subscription.language,
        headers=lambda: unsubscribe_headers(subscription),
    )


def send_confirmation(subscription: Subscription, token: str) -> None:
    _to_subscriber(
        subscription,
        subject=_("Bekräfta att du vill ha e-post från %(platform)s"),
        subject_values={"platform": selectors.platform_name()},
        template="contact/email/confirm.txt",
        context=lambda: {
            "confirm_url": confirm_url(subscription, token),
            "expires_at": timezone.localtime(subscription.confirm_expires_at),
            "meetings": subscription.wants_meetings,
            "news": subscription.wants_news,
            "unconfirmed_days": settings.SUBSCRIPTION_UNCONFIRMED_DAYS,
        },
    )


def send_announcement(subscription: Subscription, page: Page, topic: str) -> None:
    page = selectors.in_language(page, subscription.language)
    starts_at = getattr(page, "starts_at", None)
    _to_subscriber(
        subscription,
        subject=(
            _("Ny träff: %(title)s")
            if topic == Announcement.Topic.MEETINGS
            else _("Nyhet: %(title)s")
        ),
        subject_values={"title": page.title},
        template="contact/email/announcement.txt",
        context=lambda: {
            "page": page,
            "page_url": absolute(page.get_url() or "/"),
            "topic": topic,
            "starts_at": timezone.localtime(starts_at) if starts_at else None,
        },
    )
