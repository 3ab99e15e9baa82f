"""Writes for accounts: one function per use case, each one transaction, the actor's
permission checked and an entry in Wagtail's log."""

from .closing import account_close
from .memberships import (
    membership_accept,
    membership_confirm,
    membership_decline,
    membership_invite,
    membership_leave,
    membership_request,
    organisation_join_or_found,
)
from .profile import email_change_confirm, email_change_request, profile_update
from .second_factor import (
    ENROLLED,
    INVITED,
    RESET,
    SentInvitation,
    invitation_for_token,
    invitation_send,
    invitation_use,
    second_factor_reset,
)
from .sign_up import SignUpDetails, account_confirm, account_sign_up, unused_accounts_remove

__all__ = [
    "ENROLLED",
    "INVITED",
    "RESET",
    "SentInvitation",
    "SignUpDetails",
    "account_close",
    "account_confirm",
    "account_sign_up",
    "email_change_confirm",
    "email_change_request",
    "invitation_for_token",
    "invitation_send",
    "invitation_use",
    "membership_accept",
    "membership_confirm",
    "membership_decline",
    "membership_invite",
    "membership_leave",
    "membership_request",
    "organisation_join_or_found",
    "profile_update",
    "second_factor_reset",
    "unused_accounts_remove",
]
