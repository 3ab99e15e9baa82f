"""Retention: drafts that were never sent in are removed after a while, with their files.

Submitted applications, their attachments and decisions are public records (allmänna
handlingar) kept under the region's own archive rules; they are not removed here.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ..models import Application, Status


@transaction.atomic
def drafts_purge_expired(*, now=None) -> int:
    """Delete drafts untouched for FUNDING_DRAFT_RETENTION_DAYS. Returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.FUNDING_DRAFT_RETENTION_DAYS)
    expired = Application.objects.select_for_update().filter(
        status=Status.DRAFT, submitted_at__isnull=True, updated_at__lt=cutoff
    )
    count = 0
    for application in expired:
        draft_delete(application)
        count += 1
    return count


def draft_delete(application: Application) -> None:
    """A draft, with its attachments' files (inside the caller's transaction)."""
    for attachment in application.attachments.all():
        # The file goes only once the row is gone for good.
        file = attachment.file
        assert file.name is not None  # a stored row's file column is never NULL
        transaction.on_commit(partial(file.storage.delete, file.name))
    # A draft's steps in Wagtail's log go with it, as its CaseEvents do.
    ModelLogEntry.objects.for_instance(application).delete()
    application.delete()
