"""Background work for the knowledge bank."""

from django_tasks import task

from .federation.importer import subscription_refresh


@task()
def import_feed(subscription_id: int) -> str:
    return subscription_refresh(subscription_id)
