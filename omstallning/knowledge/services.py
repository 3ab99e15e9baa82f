"""Writes for the knowledge bank: proposals from Aktörer and Företagare and their review,
and the subscriptions to other platforms' feeds. One transaction each; e-mails go out after
the commit; what staff do is written in Wagtail's log."""

import logging
from functools import partial

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import TaskState, Workflow, WorkflowState, WorkflowTask
from wagtail.users.models import UserProfile

from omstallning.accounts.roles import BUSINESS_DEVELOPER, EDITOR
from omstallning.core.typing import Account

from . import notifications, permissions
from .federation.fetch import FeedError, fetch_feed
from .federation.importer import feed_apply
from .models import (
    FeedSubscription,
    KnowledgeIndexPage,
    KnowledgeItemPage,
    KnowledgeProposal,
    KnowledgeReviewTask,
)

logger = logging.getLogger(__name__)

Status = KnowledgeProposal.Status
REVIEW_WORKFLOW_NAME = "Förslag till kunskapsbanken"
REVIEW_TASK_NAME = "Granskning av förslag"
REVIEWER_ROLES = (EDITOR, BUSINESS_DEVELOPER)
# Wagtail log actions, labelled in wagtail_hooks.
FEED_FETCH_REQUESTED = "knowledge.feed_fetch_requested"
FEED_IMPORTED = "knowledge.feed_imported"
SUBSCRIPTION_ENDED = "knowledge.subscription_ended"


def review_workflow() -> Workflow:
    """The workflow every proposal goes through; made on first use, editable in the admin."""
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW_NAME)
    if not workflow.workflow_tasks.exists():
        task = KnowledgeReviewTask.objects.create(name=REVIEW_TASK_NAME)
        task.groups.set(Group.objects.filter(name__in=REVIEWER_ROLES))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def _apply(page: KnowledgeItemPage, fields: dict, relations: dict) -> None:
    for name, value in fields.items():
        setattr(page, name, value)
    for name, values in relations.items():
        getattr(page, name).set(values)


def _leave_the_telling_to_us(user) -> None:
    # Wagtail would mail the proposer admin links they cannot open; notifications.py sends
    # them their own messages instead. Staff keep Wagtail's, which they use for other pages.
    if user.has_perm("wagtailadmin.access_admin"):
        return
    profile = UserProfile.get_for_user(user)
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.save(update_fields=["approved_notifications", "rejected_notifications"])


def _notify(proposal: KnowledgeProposal, kind: str) -> None:
    transaction.on_commit(partial(notifications.send_proposal_update, proposal.pk, kind))


@transaction.atomic
def proposal_submit(
    *,
    index_page: KnowledgeIndexPage,
    proposer,
    page_class: type[KnowledgeItemPage],
    fields: dict,
    relations: dict,
) -> KnowledgeProposal:
    """A draft item under the bank, owned by the proposer, started on the review workflow."""
    if not permissions.can_propose(proposer):
        raise PermissionDenied
    page = page_class(
        slug=find_available_slug(index_page, slugify(fields["title"]) or "forslag"),
        live=False,
        owner=proposer,
        last_reviewed=timezone.localdate(),
    )
    _apply(page, fields, relations)
    index_page.add_child(instance=page)
    page.save_revision(user=proposer)
    proposal = KnowledgeProposal.objects.create(page=page, proposer=proposer)
    _leave_the_telling_to_us(proposer)
    review_workflow().start(page, proposer)
    _notify(proposal, "received")
    return proposal


@transaction.atomic
def proposal_revise(
    *, proposal: KnowledgeProposal, user, fields: dict, relations: dict
) -> KnowledgeProposal:
    """The proposer's answer to a request for changes: a new revision, back to the reviewers."""
    proposal = KnowledgeProposal.objects.select_for_update().get(pk=proposal.pk)
    if not permissions.can_revise(user, proposal):
        raise PermissionDenied
    page = proposal.page.specific.get_latest_revision_as_object()
    _apply(page, fields, relations)
    page.save_revision(user=user)
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        raise PermissionDenied
    workflow_state.resume(user=user)
    proposal.status = Status.IN_REVIEW
    proposal.reviewer_comment = ""
    proposal.save(update_fields=["status", "reviewer_comment", "updated_at"])
    _notify(proposal, "resubmitted")
    return proposal


@transaction.atomic
def proposal_decline(task_state: TaskState, user, *, comment: str = "") -> None:
    """The reviewer's "no": the review ends, the draft stays unpublished, the proposer is told."""
    task_state.reject(user=user, update=False, comment=comment)
    proposal = _proposal_of(task_state.workflow_state)
    if proposal is not None:
        proposal.status = Status.DECLINED
        proposal.reviewer_comment = comment
        proposal.save(update_fields=["status", "reviewer_comment", "updated_at"])
        _notify(proposal, "declined")
    task_state.workflow_state.cancel(user=user)


def _proposal_of(workflow_state: WorkflowState) -> KnowledgeProposal | None:
    return KnowledgeProposal.objects.filter(page_id=workflow_state.object_id).first()


# Followers of Wagtail's workflow signals: what reviewers do in the admin reaches the proposer.


@transaction.atomic
def proposal_changes_requested(workflow_state: WorkflowState) -> None:
    proposal = _proposal_of(workflow_state)
    if proposal is None:
        return
    proposal.status = Status.CHANGES_REQUESTED
    proposal.reviewer_comment = workflow_state.current_task_state.comment
    proposal.save(update_fields=["status", "reviewer_comment", "updated_at"])
    _notify(proposal, "changes_requested")


@transaction.atomic
def proposal_published(page: KnowledgeItemPage) -> None:
    proposal = KnowledgeProposal.objects.filter(page_id=page.pk).first()
    if proposal is None or proposal.status == Status.PUBLISHED:
        return
    proposal.status = Status.PUBLISHED
    proposal.save(update_fields=["status", "updated_at"])
    _notify(proposal, "published")


def proposal_review_stopped(workflow_state: WorkflowState) -> None:
    """A review cancelled in the admin. Publishing directly cancels it too, so decide after
    the commit, when it is known whether the page went live."""
    transaction.on_commit(partial(_decline_if_not_published, workflow_state.object_id))


@transaction.atomic
def _decline_if_not_published(page_id: str) -> None:
    # Wagtail keeps a workflow's object id as text; the page's key is a number.
    proposal = KnowledgeProposal.objects.filter(page_id=int(page_id)).select_related("page").first()
    if (
        proposal is None
        or proposal.page.live
        or proposal.status
        in (
            Status.DECLINED,
            Status.PUBLISHED,
        )
    ):
        return
    proposal.status = Status.DECLINED
    proposal.save(update_fields=["status", "updated_at"])
    _notify(proposal, "declined")


def subscription_fetch_request(*, user: Account, subscription: FeedSubscription) -> None:
    """Someone in the admin asks for a fetch now; the import runs on the feeds' own queue."""
    from .tasks import import_feed  # the task calls back into this module

    if not permissions.can_manage_subscriptions(user):
        raise PermissionDenied
    log(instance=subscription, action=FEED_FETCH_REQUESTED, user=user)
    import_feed.enqueue(subscription.pk)


def subscription_refresh(subscription_id: int) -> str:
    """Fetch and import one subscription (the nightly import or a requested fetch); record
    the outcome on it for the admin's list and in the subscription's history."""
    subscription = FeedSubscription.objects.select_related("index_page").get(pk=subscription_id)
    now = timezone.now()
    try:
        platform, items = fetch_feed(subscription.feed_url)
        summary = feed_apply(subscription, items)
    except FeedError as error:
        FeedSubscription.objects.filter(pk=subscription_id).update(
            last_attempt_at=now, last_error=str(error)
        )
        return str(error)
    except Exception:
        logger.exception("Import of knowledge feed %s failed", subscription.feed_url)
        FeedSubscription.objects.filter(pk=subscription_id).update(
            last_attempt_at=now,
            last_error=_("Importen misslyckades av ett oväntat skäl. Inget ändrades."),
        )
        raise
    FeedSubscription.objects.filter(pk=subscription_id).update(
        last_attempt_at=now,
        last_success_at=now,
        last_error="",
        last_summary=str(summary),
        source_platform=platform.name if platform else "",
    )
    log(instance=subscription, action=FEED_IMPORTED, user=None, data=vars(summary))
    return str(summary)


@transaction.atomic
def subscription_end(*, user: Account, subscription: FeedSubscription) -> int:
    """Ending a subscription removes its copies too: they would otherwise never be updated.
    Returns how many copies went."""
    if not permissions.can_end_subscription(user):
        raise PermissionDenied
    copies = list(KnowledgeItemPage.objects.filter(imported_from=subscription))
    for page in copies:
        page.delete()
    log(
        instance=subscription,
        action=SUBSCRIPTION_ENDED,
        user=user,
        data={"name": subscription.name, "copies_removed": len(copies)},
    )
    subscription.delete()
    return len(copies)
