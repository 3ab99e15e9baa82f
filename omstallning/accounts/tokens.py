"""Signed links in e-mails: confirming a new account, a new e-mail address, an invitation to
an organisation. Each is bound to what it confirms, so it stops working once that changed."""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

SIGN_UP = "accounts.sign-up"
EMAIL_CHANGE = "accounts.email-change"
MEMBERSHIP = "accounts.membership-invitation"


@dataclass(frozen=True)
class Signed:
    salt: str
    hours: int

    def make(self, **values) -> str:
        return signing.dumps(values, salt=self.salt, compress=True)

    def read(self, token: str) -> dict | None:
        """The values, or None for a link that is forged, broken or too old."""
        try:
            return signing.loads(token, salt=self.salt, max_age=self.hours * 60 * 60)
        except signing.BadSignature:
            return None


def sign_up() -> Signed:
    return Signed(SIGN_UP, settings.ACCOUNT_CONFIRMATION_HOURS)


def email_change() -> Signed:
    return Signed(EMAIL_CHANGE, settings.ACCOUNT_CONFIRMATION_HOURS)


def membership_invitation() -> Signed:
    return Signed(MEMBERSHIP, settings.MEMBERSHIP_INVITATION_DAYS * 24)
