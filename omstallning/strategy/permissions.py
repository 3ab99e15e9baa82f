"""Who may adopt the strategy and report on it. The admin views and the services ask here."""

from omstallning.core.typing import Visitor


def can_adopt(user: Visitor) -> bool:
    return user.has_perm("strategy.change_strategy")


def can_report_status(user: Visitor) -> bool:
    return user.has_perm("strategy.change_initiative")


def can_set_indicator_values(user: Visitor) -> bool:
    """Set one value, or import a file of them."""
    return user.has_perm("strategy.change_indicatorvalue")


def can_start_revision(user: Visitor) -> bool:
    return user.has_perm("strategy.add_strategy")


def can_view_in_admin(user: Visitor) -> bool:
    return user.has_perm("strategy.view_strategy")


def can_view_indicator_values(user: Visitor) -> bool:
    return user.has_perm("strategy.view_indicatorvalue")
