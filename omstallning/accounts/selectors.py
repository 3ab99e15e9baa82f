from django.contrib.auth.models import AbstractBaseUser

from .roles import ROLE_DESCRIPTIONS


def roles_of(user: AbstractBaseUser) -> list[dict]:
    names = user.groups.order_by("name").values_list("name", flat=True)
    return [{"name": name, "description": ROLE_DESCRIPTIONS.get(name, "")} for name in names]
