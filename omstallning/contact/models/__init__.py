from .messages import ContactMessage, RecipientKind, Topic
from .pages import ContactPage
from .subscriptions import Announcement, AnnouncementDelivery, Subscription

__all__ = [
    "Announcement",
    "AnnouncementDelivery",
    "ContactMessage",
    "ContactPage",
    "RecipientKind",
    "Subscription",
    "Topic",
]
