import uuid
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import ConsentRecord, PageView
from .state import ConsentState


@transaction.atomic
def consent_record(
    *,
    previous: ConsentState | None,
    action: str,
    statistics: bool,
    third_party: bool,
    policy_version: int,
) -> ConsentState:
    """Record a consent decision as proof and return the state to store in the browser."""
    consent_id = previous.consent_id if previous else uuid.uuid4()
    ConsentRecord.objects.create(
        consent_id=consent_id,
        action=action,
        statistics=statistics,
        third_party=third_party,
        policy_version=policy_version,
    )
    return ConsentState(
        consent_id=consent_id,
        statistics=statistics,
        third_party=third_party,
        policy_version=policy_version,
    )


def page_view_count(*, path: str) -> None:
    today = timezone.localdate()
    path = path[:500]
    with transaction.atomic():
        updated = PageView.objects.filter(date=today, path=path).update(views=F("views") + 1)
        if updated:
            return
        try:
            with transaction.atomic():
                PageView.objects.create(date=today, path=path, views=1)
        except IntegrityError:
            PageView.objects.filter(date=today, path=path).update(views=F("views") + 1)


@transaction.atomic
def consent_records_purge(*, retention_days: int) -> int:
    """Delete consent records and statistics older than the retention period."""
    cutoff = timezone.now() - timedelta(days=retention_days)
    deleted, _ = ConsentRecord.objects.filter(created_at__lt=cutoff).delete()
    views_deleted, _ = PageView.objects.filter(date__lt=cutoff.date()).delete()
    return deleted + views_deleted
