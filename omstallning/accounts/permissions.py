"""Who may do what with other people's accounts."""

from omstallning.core.typing import Visitor

MANAGE_SECOND_FACTOR = "accounts.manage_second_factor"


def can_manage_second_factor(user: Visitor) -> bool:
    return user.is_authenticated and user.has_perm(MANAGE_SECOND_FACTOR)


CHANGE_ORGANISATION = "core.change_organisation"


def is_member(user: Visitor, organisation) -> bool:
    return user.is_authenticated and (
        organisation.memberships.filter(user=user, status="active").exists()
    )


def can_decide_membership(user: Visitor, organisation) -> bool:
    """A member of the organisation; or staff who keep the region's organisations."""
    return is_member(user, organisation) or (
        user.is_authenticated and user.has_perm(CHANGE_ORGANISATION)
    )
