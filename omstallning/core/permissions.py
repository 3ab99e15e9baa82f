"""Who may act on the core's shared machinery. Every view and service goes through here."""

from omstallning.core.typing import Visitor

# Resending or discarding undelivered mail changes the task queue's results, and shows
# messages that may hold personal data and password-reset links: administrators only
# (superusers, and the Administratör role, which has every permission).
HANDLE_UNDELIVERED_EMAIL = "django_tasks_database.change_dbtaskresult"  # django-tasks-db's label


def can_handle_undelivered_email(user: Visitor) -> bool:
    return user.is_active and user.has_perm(HANDLE_UNDELIVERED_EMAIL)
