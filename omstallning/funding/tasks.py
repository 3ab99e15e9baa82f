from django_tasks import task

from .services.retention import drafts_purge_expired


@task()
def purge_expired_drafts() -> int:
    """Daily: remove drafts untouched for FUNDING_DRAFT_RETENTION_DAYS, with their files."""
    return drafts_purge_expired()
