"""A finder search saved for e-mail: its answers and filters, sent again with each new offer
that fits, to people who asked and confirmed (double opt-in).

Personal data: only the address and the language. A request never confirmed is removed
SUBSCRIPTION_UNCONFIRMED_DAYS after it was made; the link in every mail ends the search at once.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedSearch(models.Model):
    email = models.EmailField(_("e-post"))
    # The finder's answers and filters, as the list's query string.
    query = models.CharField(_("sökning"), max_length=1000, blank=True)
    language = models.CharField(
        _("språk"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Only the hash of the confirmation link's token is kept.
    confirm_token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    confirm_expires_at = models.DateTimeField(_("länken gäller till"), null=True, blank=True)
    requested_at = models.DateTimeField(_("begärd"))
    confirmed_at = models.DateTimeField(_("bekräftad"), null=True, blank=True)
    # Offers made after this have not been sent yet.
    notified_until = models.DateTimeField(_("skickat till och med"), null=True, blank=True)

    class Meta:
        verbose_name = _("bevakad sökning")
        verbose_name_plural = _("bevakade sökningar")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        # Log entries outlive the search: no address here.
        return _("Bevakning %(number)s") % {"number": self.pk}
