"""What knowledge items are tagged with, besides the SDGs, dimensions and municipalities."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from omstallning.core.translation import in_active_language


class _Named(models.Model):
    name_sv = models.CharField(_("namn på svenska"), max_length=150)
    name_en = models.CharField(_("namn på engelska"), max_length=150, blank=True)
    slug = models.SlugField(_("kortnamn"), max_length=60, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [FieldPanel("name_sv"), FieldPanel("name_en"), FieldPanel("slug")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_sv"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_active_language(self.name_sv, self.name_en)


class KnowledgeTheme(_Named):
    """Editable themes, e.g. cirkulär ekonomi, energi och klimat."""

    class Meta(_Named.Meta):
        verbose_name = _("tema i kunskapsbanken")
        verbose_name_plural = _("teman i kunskapsbanken")


class Audience(_Named):
    class Meta(_Named.Meta):
        verbose_name = _("målgrupp")
        verbose_name_plural = _("målgrupper")


class CompanySize(_Named):
    class Meta(_Named.Meta):
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
