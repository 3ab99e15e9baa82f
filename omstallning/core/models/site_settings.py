from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .region import Region, phone_validator


@register_setting(icon="site")
class PlatformSettings(BaseSiteSetting):
    """What makes a site one region's platform: its region, name, contact details and key pages."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("region")
    )
    platform_name = models.CharField(
        _("plattformens namn"), max_length=100, default="Omställningsplattformen"
    )
    tagline = models.CharField(_("undertitel"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-post för kontakt"), blank=True)
    contact_phone = models.CharField(
        _("telefon för kontakt"), max_length=25, blank=True, validators=[phone_validator]
    )
    postal_address = models.TextField(_("postadress"), blank=True)
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tillgänglighetsredogörelse"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sida om personuppgifter"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontaktsida"),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("region"), FieldPanel("platform_name"), FieldPanel("tagline")],
            heading=_("Plattform"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("privacy_page"),
            ],
            heading=_("Sidor i sidfoten"),
        ),
    ]

    class Meta:
        verbose_name = _("plattformsinställningar")
