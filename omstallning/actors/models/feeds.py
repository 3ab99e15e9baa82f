"""Subscriptions to other platforms' offers: their `GET /api/v1/offers` (HSDS 3, paged), read
every night, as the knowledge bank subscribes to other platforms' knowledge feeds."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class OfferFeedSubscription(models.Model):
    name = models.CharField(
        _("källa"), max_length=200, help_text=_("Till exempel Region Örebro län.")
    )
    feed_url = models.URLField(
        _("flödets adress"),
        max_length=2000,
        unique=True,
        help_text=_(
            "Den andra plattformens erbjudanden, till exempel https://exempel.se/api/v1/offers"
        ),
    )
    active = models.BooleanField(
        _("hämta automatiskt"),
        default=True,
        help_text=_("Flödet hämtas varje natt. Stäng av för att pausa utan att ta bort något."),
    )
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("senast hämtad"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("senast lyckad"), null=True, blank=True)
    last_error = models.TextField(_("senaste fel"), blank=True)
    last_summary = models.CharField(_("senaste resultat"), max_length=300, blank=True)

    panels = [FieldPanel("name"), FieldPanel("feed_url"), FieldPanel("active")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("prenumeration på erbjudanden")
        verbose_name_plural = _("prenumerationer på erbjudanden")

    def __str__(self) -> str:
        return self.name
