from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .region import Region, phone_validator, tel_href


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
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logotyp"),
        help_text=_(
            "Visas i sidhuvudet, 48 pixlar hög. Utan logotyp visas plattformens eget märke."
        ),
    )
    contact_email = models.EmailField(_("e-post för kontakt"), blank=True)
    contact_phone = models.CharField(
        _("telefon för kontakt"), max_length=25, blank=True, validators=[phone_validator]
    )
    postal_address = models.TextField(_("postadress"), blank=True)
    is_example_data = models.BooleanField(
        _("kontaktuppgifterna är exempeldata"),
        default=False,
        help_text=_("Sidfoten visar då att uppgifterna bara är exempel."),
    )
    dpo_email = models.EmailField(_("e-post till dataskyddsombudet"), blank=True)
    dpo_phone = models.CharField(
        _("telefon till dataskyddsombudet"),
        max_length=25,
        blank=True,
        validators=[phone_validator],
    )
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

    # The header and footer of every page show these two: fetch them with the settings.
    select_related = ["region", "logo"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("region"),
                FieldPanel("platform_name"),
                FieldPanel("tagline"),
                FieldPanel("logo"),
            ],
            heading=_("Plattform"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
                FieldPanel("is_example_data"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [FieldPanel("dpo_email"), FieldPanel("dpo_phone")],
            heading=_("Dataskyddsombud"),
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

    @property
    def contact_phone_href(self) -> str:
        return tel_href(self.contact_phone)

    @property
    def dpo_phone_href(self) -> str:
        return tel_href(self.dpo_phone)
