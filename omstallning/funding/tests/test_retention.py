"""Drafts never sent in are removed after the retention period, with their files."""

from datetime import timedelta

from django.utils import timezone

from omstallning.funding import services
from omstallning.funding.models import Application
from omstallning.funding.services.retention import drafts_purge_expired

from .factories import ApplicationFactory, pdf_upload, submitted_application


def _age(application: Application, days: int) -> None:
    Application.objects.filter(pk=application.pk).update(
        updated_at=timezone.now() - timedelta(days=days)
    )


def test_old_drafts_go_with_their_files_and_nothing_else_does(
    site, settings, django_capture_on_commit_callbacks
):
    settings.FUNDING_DRAFT_RETENTION_DAYS = 365
    old = ApplicationFactory()
    attachment = services.attachment_add(
        application=old, user=old.applicant, kind="budget", upload=pdf_upload()
    )
    storage, name = attachment.file.storage, attachment.file.name
    recent = ApplicationFactory()
    sent = submitted_application()
    for application in (old, recent, sent):
        _age(application, 400 if application is not recent else 300)

    with django_capture_on_commit_callbacks(execute=True):
        removed = drafts_purge_expired()

    assert removed == 1
    assert not Application.objects.filter(pk=old.pk).exists()
    assert not storage.exists(name)
    assert Application.objects.filter(pk__in=[recent.pk, sent.pk]).count() == 2
    assert sent.attachments.get().file.storage.exists(sent.attachments.get().file.name)
