"""Writes: messages through the contact form and their status, subscriptions with double
opt-in, announcements of new pages to the subscribers, retention and erasure.

The public writes (a message, a subscription request, its confirmation, ending it) have no
acting user. Staff writes check the permission and leave an entry in Wagtail's log.
"""

from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from omstallning.accounts.models import new_token, token_hash
from omstallning.core.rate_limits import within_limit
from omstallning.core.typing import Account

from . import exports, notifications, selectors
from .models import Announcement, AnnouncementDelivery, ContactMessage, Subscription, Topic
from .permissions import can_change_status, can_handle_person_data, can_see_subscribers
from .selectors import Recipient

RECEIVED = "contact.message_received"
STATUS_CHANGED = "contact.message_status_changed"
MESSAGE_ERASED = "contact.message_erased"
SUBSCRIPTION_ERASED = "contact.subscription_erased"
MESSAGE_HANDED_OUT = "contact.message_handed_out"
SUBSCRIPTION_HANDED_OUT = "contact.subscription_handed_out"

Status = ContactMessage.Status

# Pages announced to subscribers when first published, by model label.
ANNOUNCED_PAGE_TYPES = {
    "events.eventpage": Announcement.Topic.MEETINGS,
    "core.newspage": Announcement.Topic.NEWS,
}
# A delivery record only guards against a task that runs twice; then it can go.
DELIVERY_RECORD_DAYS = 30


@dataclass(frozen=True)
class Sender:
    name: str
    email: str
    organisation: str = ""


# --- Messages -------------------------------------------------------------------------------


@transaction.atomic
def message_send(
    *, recipient: Recipient, topic: str, sender: Sender, body: str, language: str
) -> ContactMessage:
    """Keep the message and mail it to its recipient once it is saved."""
    if topic not in Topic.values:
        raise ValidationError(_("Välj vad ditt meddelande gäller."), code="topic")
    if not body.strip() or not sender.name.strip() or not sender.email.strip():
        raise ValidationError(
            _("Skriv ditt namn, din e-postadress och ett meddelande."), code="empty"
        )
    message = ContactMessage.objects.create(
        recipient_kind=recipient.kind,
        person=recipient.person,
        recipient_name=recipient.name,
        delivered_to=recipient.address,
        topic=topic,
        name=sender.name.strip(),
        email=sender.email.strip(),
        organisation=sender.organisation.strip(),
        body=body.strip(),
        language=language,
    )
    log(instance=message, action=RECEIVED, user=None)
    transaction.on_commit(partial(notifications.send_message, message))
    return message


@transaction.atomic
def message_status_change(*, message: ContactMessage, status: str, user: Account) -> ContactMessage:
    message = ContactMessage.objects.select_for_update().get(pk=message.pk)
    if not can_change_status(user, message):
        raise PermissionDenied(_("Du får inte ändra status på det här meddelandet."))
    if status not in Status.values:
        raise ValidationError(_("Välj en status i listan."), code="status")
    if status == message.status:
        raise ValidationError(_("Meddelandet har redan den statusen."), code="same")
    previous = message.status
    message.status = status
    message.changed_at = timezone.now()
    message.save(update_fields=["status", "changed_at"])
    log(
        instance=message,
        action=STATUS_CHANGED,
        user=user,
        data={"from": previous, "to": status},
    )
    return message


def messages_delete_expired(*, now=None) -> int:
    """Delete messages CONTACT_MESSAGE_RETENTION_DAYS after their last change."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.CONTACT_MESSAGE_RETENTION_DAYS)
    deleted, _per_model = ContactMessage.objects.filter(changed_at__lt=cutoff).delete()
    return deleted


# --- A person's data --------------------------------------------------------------------


def person_data_export(*, email: str, user: Account) -> dict:
    """Everything held about an address, handed out on request (GDPR article 15); each
    message and subscription's history says who handed it out."""
    if not can_handle_person_data(user):
        raise PermissionDenied(_("Bara en administratör får lämna ut någons uppgifter."))
    messages = list(selectors.person_messages(email))
    subscription = selectors.person_subscription(email)
    for message in messages:
        log(instance=message, action=MESSAGE_HANDED_OUT, user=user)
    if subscription is not None:
        log(instance=subscription, action=SUBSCRIPTION_HANDED_OUT, user=user)
    return selectors.person_data_of(messages, subscription)


def subscribers_export(*, user: Account) -> bytes:
    """The confirmed subscribers as CSV; each subscription's history says who downloaded
    the list, so a subscriber's request for who has seen the address can be answered."""
    if not can_see_subscribers(user):
        raise PermissionDenied(_("Du får inte se prenumeranterna."))
    subscribers = list(selectors.confirmed_subscribers())
    for subscription in subscribers:
        log(instance=subscription, action=SUBSCRIPTION_HANDED_OUT, user=user)
    return exports.subscribers_csv(subscribers)


@transaction.atomic
def person_data_erase(*, email: str, user: Account) -> tuple[int, int]:
    """Delete every message from the address and its subscription (GDPR article 17).
    Returns how many messages and subscriptions went."""
    if not can_handle_person_data(user):
        raise PermissionDenied(_("Bara en administratör får radera någons uppgifter."))
    if not email.strip():
        raise ValidationError(_("Ange en e-postadress."), code="empty")
    messages = list(selectors.person_messages(email).select_for_update())
    for message in messages:
        log(instance=message, action=MESSAGE_ERASED, user=user)
        message.delete()
    subscription = selectors.person_subscription(email)
    if subscription is not None:
        log(instance=subscription, action=SUBSCRIPTION_ERASED, user=user)
        subscription.delete()
    return len(messages), int(subscription is not None)


# --- Subscriptions ----------------------------------------------------------------------


@transaction.atomic
def subscription_request(
    *, email: str, meetings: bool, news: bool, language: str, now=None
) -> Subscription | None:
    """Ask for e-mail about new meetings and/or news: a confirmation link goes to the address,
    and nothing else is sent to it before the link is followed. An address already asked for
    too often today is left as it is (None), so that nobody can flood someone's inbox."""
    if not (meetings or news):
        raise ValidationError(_("Välj vad du vill ha e-post om."), code="nothing")
    now = now or timezone.now()
    email = email.strip().lower()
    if not within_limit(
        "subscription-address",
        email,
        limit=settings.SUBSCRIPTION_CONFIRMATIONS_PER_ADDRESS_AND_DAY,
        seconds=24 * 60 * 60,
    ):
        return None
    try:
        with transaction.atomic():
            subscription, _created = Subscription.objects.get_or_create(
                email=email, defaults={"language": language, "requested_at": now}
            )
    except IntegrityError:  # the same address a moment ago
        subscription = Subscription.objects.get(email=email)
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    token = new_token()
    subscription.wants_meetings = meetings
    subscription.wants_news = news
    subscription.confirm_token_hash = token_hash(token)
    subscription.confirm_expires_at = now + timedelta(hours=settings.SUBSCRIPTION_CONFIRM_HOURS)
    subscription.requested_at = now
    if not subscription.is_confirmed:
        subscription.language = language
    subscription.save()
    transaction.on_commit(partial(notifications.send_confirmation, subscription, token))
    return subscription


def subscription_for_confirmation(token: str) -> Subscription | None:
    if not token:
        return None
    return Subscription.objects.filter(confirm_token_hash=token_hash(token)).first()


@transaction.atomic
def subscription_confirm(*, token: str, now=None) -> Subscription:
    now = now or timezone.now()
    subscription = subscription_for_confirmation(token)
    if subscription is None:
        raise ValidationError(
            _(
                "Länken gäller inte längre. Den kan redan ha använts, eller så har du bett "
                "om en ny."
            ),
            code="unknown",
        )
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    if subscription.confirm_expires_at is None or subscription.confirm_expires_at <= now:
        raise ValidationError(
            _("Länken har gått ut. Anmäl dig igen, så skickar vi en ny."), code="expired"
        )
    subscription.meetings = subscription.wants_meetings
    subscription.news = subscription.wants_news
    subscription.confirmed_at = now
    subscription.confirm_token_hash = ""
    subscription.confirm_expires_at = None
    subscription.save()
    return subscription


@transaction.atomic
def subscription_end(*, subscription: Subscription) -> None:
    """End it through the link in a mail: the address is removed at once."""
    Subscription.objects.filter(pk=subscription.pk).delete()


def subscriptions_purge(*, now=None) -> int:
    """Remove requests never confirmed SUBSCRIPTION_UNCONFIRMED_DAYS after they were made,
    and records of sent mail that no task needs any more. Returns the requests removed."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.SUBSCRIPTION_UNCONFIRMED_DAYS)
    with transaction.atomic():
        _total, per_model = Subscription.objects.filter(
            confirmed_at__isnull=True, requested_at__lt=cutoff
        ).delete()
        # A confirmed subscriber's later request that was never confirmed: the link is dead.
        Subscription.objects.filter(confirmed_at__isnull=False, confirm_expires_at__lt=now).update(
            confirm_token_hash="", confirm_expires_at=None
        )
        AnnouncementDelivery.objects.filter(
            sent_at__lt=now - timedelta(days=DELIVERY_RECORD_DAYS)
        ).delete()
    return per_model.get(Subscription._meta.label, 0)


# --- Announcing new pages -----------------------------------------------------------------


def _is_first_publication(page: Page) -> bool:
    # Wagtail sets both to the same moment when a page is published for the first time.
    return page.first_published_at is not None and page.first_published_at == page.last_published_at


@transaction.atomic
def page_announce(*, page: Page, now=None) -> Announcement | None:
    """Called when a page is published: a meeting or a news item published for the first time
    is announced to the confirmed subscribers of its topic, once for the page and all its
    translations. The mails go out from a task once the publication has committed."""
    from .tasks import send_announcement

    topic = ANNOUNCED_PAGE_TYPES.get(page._meta.label_lower)
    if topic is None or not page.live or not _is_first_publication(page):
        return None
    starts_at = getattr(page, "starts_at", None)
    if starts_at is not None and starts_at <= (now or timezone.now()):
        return None  # a meeting published afterwards, for its documentation
    if page.get_view_restrictions().exists():
        return None
    try:
        with transaction.atomic():
            announcement, created = Announcement.objects.get_or_create(
                translation_key=page.translation_key, defaults={"page": page, "topic": topic}
            )
    except IntegrityError:  # a translation published at the same moment took it
        return None
    if not created:
        return None
    if selectors.subscribers_for(topic).exists():
        transaction.on_commit(partial(send_announcement.enqueue, announcement.pk))
    return announcement


def announcement_send(*, announcement: Announcement) -> int:
    """One mail to each confirmed subscriber of the topic who has not had it. Returns how many
    were sent now; run again, it sends nobody a second one."""
    page = announcement.page
    if page is None or not page.live:
        return 0
    page = page.specific
    sent = 0
    for subscription in selectors.subscribers_for(announcement.topic).order_by("pk").iterator():
        with transaction.atomic():
            _delivery, created = AnnouncementDelivery.objects.get_or_create(
                announcement=announcement, subscription=subscription
            )
            if created:
                # Queued in the same transaction as the record that it was sent.
                notifications.send_announcement(subscription, page, announcement.topic)
                sent += 1
    return sent
