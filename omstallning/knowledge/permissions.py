"""Who may propose items to the bank and follow proposals. The page and the services ask here."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from omstallning.accounts.roles import ACTOR, BUSINESS_OWNER

User = AbstractBaseUser | AnonymousUser

PROPOSER_ROLES = (ACTOR, BUSINESS_OWNER)


def can_propose(user: User) -> bool:
    """Aktörer and Företagare propose items; staff who work in the admin may too."""
    if not user.is_authenticated:
        return False
    return user.groups.filter(name__in=PROPOSER_ROLES).exists() or user.has_perm(
        "wagtailadmin.access_admin"
    )


def can_revise(user: User, proposal) -> bool:
    """Only the proposer, and only when the reviewers have asked for changes."""
    return proposal.proposer_id == user.pk and proposal.can_be_revised
