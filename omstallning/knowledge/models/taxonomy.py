"""What knowledge items are tagged with, besides the SDGs, dimensions and municipalities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from omstallning.core.models import Term
from omstallning.core.translation import in_active_language


class KnowledgeTheme(Term):
    """Editable themes, e.g. cirkulär ekonomi, energi och klimat."""

    class Meta(Term.Meta):
        verbose_name = _("tema i kunskapsbanken")
        verbose_name_plural = _("teman i kunskapsbanken")


class Audience(Term):
    class Meta(Term.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")


class CompanySize(Term):
    class Meta(Term.Meta):
        verbose_name = _("företagsstorlek")
        verbose_name_plural = _("företagsstorlekar")


class SniSection(models.Model):
    """A section (A–U) of the Swedish Standard Industrial Classification, SNI 2007."""

    code = models.CharField(_("avdelning"), max_length=1, unique=True)
    name_sv = models.CharField(_("namn på svenska"), max_length=200)
    name_en = models.CharField(_("namn på engelska"), max_length=200, blank=True)

    panels = [FieldPanel("name_sv"), FieldPanel("name_en")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("bransch (SNI-avdelning)")
        verbose_name_plural = _("branscher (SNI-avdelningar)")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def name(self) -> str:
        return in_active_language(self.name_sv, self.name_en)
