"""Who may propose items to the bank and follow proposals, and who looks after the
subscriptions to other platforms' feeds. The pages, the admin and the services ask here."""

from omstallning.accounts.roles import ACTOR, BUSINESS_OWNER
from omstallning.core.typing import Visitor

PROPOSER_ROLES = (ACTOR, BUSINESS_OWNER)


def can_propose(user: Visitor) -> bool:
    """Aktörer and Företagare propose items; staff who work in the admin may too."""
    if not user.is_authenticated:
        return False
    return user.groups.filter(name__in=PROPOSER_ROLES).exists() or user.has_perm(
        "wagtailadmin.access_admin"
    )


def can_revise(user: Visitor, proposal) -> bool:
    """Only the proposer, and only when the reviewers have asked for changes."""
    return proposal.proposer_id == user.pk and proposal.can_be_revised


def can_manage_subscriptions(user: Visitor) -> bool:
    """Fetching a feed now is a change to the subscription (its copies and its status)."""
    return user.is_authenticated and user.has_perm("knowledge.change_feedsubscription")


def can_end_subscription(user: Visitor) -> bool:
    return user.is_authenticated and user.has_perm("knowledge.delete_feedsubscription")
