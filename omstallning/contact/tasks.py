from django_tasks import task

from . import services
from .models import Announcement


@task()
def send_announcement(announcement_id: int) -> int:
    """A new meeting or news item to every confirmed subscriber of its topic, once each."""
    announcement = Announcement.objects.filter(pk=announcement_id).select_related("page").first()
    if announcement is None:
        return 0
    return services.announcement_send(announcement=announcement)


@task()
def delete_expired_messages() -> int:
    """Daily: delete contact messages CONTACT_MESSAGE_RETENTION_DAYS after their last change."""
    return services.messages_delete_expired()


@task()
def purge_subscriptions() -> int:
    """Daily: remove subscription requests never confirmed within SUBSCRIPTION_UNCONFIRMED_DAYS."""
    return services.subscriptions_purge()
