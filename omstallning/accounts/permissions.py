"""Who may do what with other people's accounts."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

MANAGE_SECOND_FACTOR = "accounts.manage_second_factor"


def can_manage_second_factor(user: AbstractBaseUser | AnonymousUser) -> bool:
    return user.is_authenticated and user.has_perm(MANAGE_SECOND_FACTOR)
