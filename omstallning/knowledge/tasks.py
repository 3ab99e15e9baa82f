"""Background work for the knowledge bank."""

from django_tasks import task

# Its own queue and worker: an import may take minutes, and mail must never wait behind it.
FEED_QUEUE = "knowledge_feeds"


@task(queue_name=FEED_QUEUE)
def import_feed(subscription_id: int) -> str:
    from .services import subscription_refresh  # the service enqueues this task

    return subscription_refresh(subscription_id)
