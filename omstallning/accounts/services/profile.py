"""A person's own name and e-mail address. A new address counts once it is confirmed from
that address; the old one is told of the change."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from omstallning.core.typing import Account

from .. import notifications, tokens
from .sign_up import email_taken

NAME_CHANGED = "accounts.name_changed"
EMAIL_CHANGED = "accounts.email_changed"


@transaction.atomic
def profile_update(*, user: Account, first_name: str, last_name: str) -> None:
    user.first_name, user.last_name = first_name.strip(), last_name.strip()
    user.save(update_fields=["first_name", "last_name"])
    log(instance=user, action=NAME_CHANGED, user=user)


def email_change_request(*, user: Account, new_email: str, password: str) -> None:
    """Mail a confirmation link to the new address; nothing changes until it is followed."""
    if not user.check_password(password):
        raise PermissionDenied(_("Lösenordet stämmer inte."))
    new_email = new_email.strip()
    if new_email.lower() == user.email.lower():
        raise ValidationError(_("Det är redan din e-postadress."), code="same")
    # Someone else's address: the same answer as a free one, and that owner hears nothing
    # until the link would be followed (which then fails).
    token = tokens.email_change().make(u=user.pk, old=user.email, new=new_email)
    notifications.send_email_change_confirmation(user, new_email, token)


@transaction.atomic
def email_change_confirm(*, token: str, user: Account) -> None:
    values = tokens.email_change().read(token)
    if values is None or values.get("u") != user.pk or values.get("old") != user.email:
        raise ValidationError(
            _("Länken gäller inte längre. Byt e-postadress på nytt under Mitt konto."),
            code="invalid",
        )
    new_email = values["new"]
    if email_taken(new_email, except_user=user):
        raise ValidationError(_("Det finns redan ett konto med den e-postadressen."), code="taken")
    old_email = user.email
    user = get_user_model().objects.select_for_update().get(pk=user.pk)
    user.email = new_email
    fields = ["email"]
    # A self-made account's user name is its address; it follows the address.
    if user.username.lower() == old_email.lower():
        user.username = new_email.lower()[:150]
        fields.append("username")
    user.save(update_fields=fields)
    notifications.send_email_changed_notice(user, old_email)
    log(instance=user, action=EMAIL_CHANGED, user=user)
