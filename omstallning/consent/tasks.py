from django.conf import settings
from django_tasks import task

from .services import consent_records_purge


@task()
def purge_expired_consent_records() -> int:
    return consent_records_purge(retention_days=settings.CONSENT_RECORD_RETENTION_DAYS)
