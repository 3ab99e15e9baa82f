"""What reviewers do in Wagtail's admin reaches the proposer through these receivers."""

from wagtail.models import Page
from wagtail.signals import page_published, workflow_cancelled, workflow_rejected

from . import services
from .models import KnowledgeItemPage


def _is_page(workflow_state) -> bool:
    return isinstance(workflow_state.content_object, Page)


def _changes_requested(sender, instance, user=None, **kwargs) -> None:
    if _is_page(instance):
        services.proposal_changes_requested(instance)


def _review_stopped(sender, instance, user=None, **kwargs) -> None:
    if _is_page(instance):
        services.proposal_review_stopped(instance)


def _published(sender, instance, **kwargs) -> None:
    if isinstance(instance, KnowledgeItemPage):
        services.proposal_published(instance)


def connect() -> None:
    workflow_rejected.connect(_changes_requested, dispatch_uid="knowledge_changes_requested")
    workflow_cancelled.connect(_review_stopped, dispatch_uid="knowledge_review_stopped")
    page_published.connect(_published, dispatch_uid="knowledge_proposal_published")
