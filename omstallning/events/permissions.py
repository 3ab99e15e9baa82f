"""Who may work with a meeting's participants and with a person's registrations. The admin
views and the services both ask here."""

from omstallning.core.typing import Visitor

VIEW_REGISTRATIONS = "events.view_registration"
CHANGE_REGISTRATIONS = "events.change_registration"
ERASE_REGISTRATIONS = "events.delete_registration"


def can_view_participants(user: Visitor) -> bool:
    return user.has_perm(VIEW_REGISTRATIONS)


def can_manage_participants(user: Visitor) -> bool:
    """Check people in, write to everyone registered, cancel the meeting."""
    return user.has_perm(CHANGE_REGISTRATIONS)


def can_handle_person_data(user: Visitor) -> bool:
    """Find, export and erase a person's registrations on request (GDPR articles 15 and 17)."""
    return user.has_perm(ERASE_REGISTRATIONS)
