"""Who may read the messages written through the contact form, change their status, see the
subscribers, and hand out or erase a person's data. Every admin view and service asks here.

Administratör and Näringslivsutvecklare read every message (messages to the data protection
officer only with their own permission, which Administratör has); anyone else with admin
access reads the messages written to a contact card that is linked to their account. All of it
needs a verified second factor.
"""

from django.db.models import Q

from omstallning.accounts.second_factor import is_verified
from omstallning.core.models import ContactPerson
from omstallning.core.typing import Account, Visitor

from .models import ContactMessage, RecipientKind

VIEW = "contact.view_contactmessage"
CHANGE = "contact.change_contactmessage"
VIEW_DPO = "contact.view_dpo_messages"
ERASE = "contact.delete_contactmessage"
VIEW_SUBSCRIBERS = "contact.view_subscription"


def _addressed_to(user: Account) -> Q:
    """Messages to a contact card linked to the account, in whichever language it was written."""
    keys = ContactPerson.objects.filter(user=user).values("translation_key")
    return Q(person__translation_key__in=keys)


def has_inbox(user: Visitor) -> bool:
    return user.is_authenticated and ContactPerson.objects.filter(user=user).exists()


def visible_messages(user: Visitor):
    if not is_verified(user):
        return ContactMessage.objects.none()
    if user.has_perm(VIEW) and user.has_perm(VIEW_DPO):
        return ContactMessage.objects.all()
    if user.has_perm(VIEW):
        return ContactMessage.objects.filter(
            ~Q(recipient_kind=RecipientKind.DATA_PROTECTION_OFFICER) | _addressed_to(user)
        )
    return ContactMessage.objects.filter(_addressed_to(user))


def can_see_messages(user: Visitor) -> bool:
    return is_verified(user) and (user.has_perm(VIEW) or has_inbox(user))


def can_view_message(user: Visitor, message: ContactMessage) -> bool:
    return visible_messages(user).filter(pk=message.pk).exists()


def is_addressed(user: Visitor, message: ContactMessage) -> bool:
    return (
        is_verified(user)
        and ContactMessage.objects.filter(_addressed_to(user), pk=message.pk).exists()
    )


def can_change_status(user: Visitor, message: ContactMessage) -> bool:
    """Whoever the message was written to, and those who handle messages and may read it."""
    return is_addressed(user, message) or (
        user.has_perm(CHANGE) and can_view_message(user, message)
    )


def can_handle_person_data(user: Visitor) -> bool:
    """Hand out and erase everything the contact form and the subscriptions hold about an
    address (GDPR articles 15 and 17): administrators."""
    return is_verified(user) and user.has_perm(ERASE)


def can_see_subscribers(user: Visitor) -> bool:
    return is_verified(user) and user.has_perm(VIEW_SUBSCRIBERS)
