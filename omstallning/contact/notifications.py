"""The contact app's e-mail, sent through the task queue after the change commits.

A message goes to the person or function it was written to (an address the region set up),
with the sender's address as Reply-To, so that an answer reaches them directly. The sender gets
no mail: their address is not confirmed, and the platform never mails anything to an address
nobody confirmed but the confirmation link of a subscription, which carries only the
platform's own text (security finding L4).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import selectors
from .links import absolute, confirm_url, unsubscribe_headers, unsubscribe_url
from .models import Announcement, ContactMessage, Subscription


def send_message(message: ContactMessage) -> None:
    """The message to its recipient. Their mail is in the site's first language."""
    if not message.delivered_to:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "message": message,
            "platform_name": selectors.platform_name(),
            "retention_days": settings.CONTACT_MESSAGE_RETENTION_DAYS,
            "admin_url": absolute(reverse("contact_messages:inspect", args=[message.pk])),
        }
        mail = EmailMessage(
            subject=_("Meddelande till %(recipient)s via webbplatsen: %(topic)s")
            % {"recipient": message.recipient_name, "topic": message.get_topic_display()},
            body=render_to_string("contact/email/message.txt", context),
            to=[message.delivered_to],
            reply_to=[message.email],
        )
    mail.send()


def _subscription_mail(
    subscription: Subscription, subject: str, template: str, context: dict
) -> EmailMessage:
    # Nothing the requester typed but the address itself reaches these templates.
    context = {
        **context,
        "platform_name": selectors.platform_name(),
        "unsubscribe_url": unsubscribe_url(subscription),
    }
    return EmailMessage(
        subject=subject,
        body=render_to_string(template, context),
        to=[subscription.email],
        headers=unsubscribe_headers(subscription),
    )


def send_confirmation(subscription: Subscription, token: str) -> None:
    with translation.override(subscription.language):
        mail = _subscription_mail(
            subscription,
            _("Bekräfta att du vill ha e-post från %(platform)s")
            % {"platform": selectors.platform_name()},
            "contact/email/confirm.txt",
            {
                "confirm_url": confirm_url(subscription, token),
                "expires_at": timezone.localtime(subscription.confirm_expires_at),
                "meetings": subscription.wants_meetings,
                "news": subscription.wants_news,
                "unconfirmed_days": settings.SUBSCRIPTION_UNCONFIRMED_DAYS,
            },
        )
    mail.send()


def send_announcement(subscription: Subscription, page: Page, topic: str) -> None:
    page = selectors.in_language(page, subscription.language)
    with translation.override(subscription.language):
        if topic == Announcement.Topic.MEETINGS:
            subject = _("Ny träff: %(title)s") % {"title": page.title}
        else:
            subject = _("Nyhet: %(title)s") % {"title": page.title}
        mail = _subscription_mail(
            subscription,
            subject,
            "contact/email/announcement.txt",
            {
                "page": page,
                "page_url": absolute(page.get_url() or "/"),
                "topic": topic,
                "starts_at": timezone.localtime(page.starts_at)
                if getattr(page, "starts_at", None)
                else None,
            },
        )
    mail.send()
