"""Request counts for rate limits, when there is no Redis to count them in."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RateLimitWindow(models.Model):
    # A scope and a hash of what is counted (a client address, an e-mail address), never the
    # address itself.
    key = models.CharField(_("nyckel"), max_length=100, unique=True)
    ends_at = models.DateTimeField(_("slutar"), db_index=True)
    count = models.PositiveIntegerField(_("antal"), default=0)

    class Meta:
        # The same word in Swedish, not in English: a context each.
        verbose_name = pgettext_lazy("singular", "räknare för begränsning av anrop")
        verbose_name_plural = pgettext_lazy("plural", "räknare för begränsning av anrop")

    def __str__(self) -> str:
        return self.key
