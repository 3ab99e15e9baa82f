"""A term of a vocabulary that editors keep: a Swedish and an English name and a stable slug,
which addresses and other platforms' feeds use. The knowledge bank's themes and sizes and the
support finder's stages and target groups are terms."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from ..translation import in_active_language


class Term(models.Model):
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
