"""Reference data for sustainability: the three dimensions and the UN's 17 goals (SDGs).

Texts are kept in Swedish and English side by side: the English ones come with the data,
Swedish ones are added in the admin where the source has none, and English is the fallback.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from ..translation import in_active_language


class SustainabilityDimension(models.Model):
    """Ekologisk, social or ekonomisk hållbarhet."""

    class Code(models.TextChoices):
        ECOLOGICAL = "ecological", _("Ekologisk hållbarhet")
        SOCIAL = "social", _("Social hållbarhet")
        ECONOMIC = "economic", _("Ekonomisk hållbarhet")

    code = models.CharField(_("kod"), max_length=20, choices=Code.choices, unique=True)
    name_sv = models.CharField(_("namn på svenska"), max_length=100)
    name_en = models.CharField(_("namn på engelska"), max_length=100)
    description_sv = models.TextField(_("beskrivning på svenska"), blank=True)
    description_en = models.TextField(_("beskrivning på engelska"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordning"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("name_sv"), FieldPanel("name_en")]),
        FieldPanel("description_sv"),
        FieldPanel("description_en"),
    ]

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("hållbarhetsdimension")
        verbose_name_plural = _("hållbarhetsdimensioner")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return in_active_language(self.name_sv, self.name_en)


class SdgGoal(index.Indexed, models.Model):
    number = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    title_sv = models.CharField(_("namn på svenska"), max_length=200)
    title_en = models.CharField(_("mål på engelska"), max_length=300)
    short_en = models.CharField(_("namn på engelska"), max_length=100)
    # The UN's official colour for the goal, used with a text label, never alone.
    colour = models.CharField(_("färg"), max_length=7)
    # Which dimension the goal mainly belongs to (the "wedding cake" model); 17 has none.
    dimension = models.ForeignKey(
        SustainabilityDimension,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sdg_goals",
        verbose_name=_("dimension"),
    )

    panels = [
        FieldPanel("title_sv"),
        FieldPanel("short_en", read_only=True),
        FieldPanel("title_en", read_only=True),
        FieldPanel("dimension"),
    ]
    search_fields = [
        index.SearchField("title_sv"),
        index.SearchField("short_en"),
        index.FilterField("number"),
    ]

    class Meta:
        ordering = ["number"]
        verbose_name = _("globalt mål (Agenda 2030)")
        verbose_name_plural = _("globala mål (Agenda 2030)")

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    @property
    def title(self) -> str:
        return in_active_language(self.title_sv, self.short_en)


class SdgTarget(index.Indexed, models.Model):
    goal = models.ForeignKey(
        SdgGoal, on_delete=models.CASCADE, related_name="targets", verbose_name=_("mål")
    )
    code = models.CharField(_("nummer"), max_length=10, unique=True)
    sort_key = models.PositiveIntegerField(editable=False, db_index=True)
    title_sv = models.TextField(_("text på svenska"), blank=True)
    title_en = models.TextField(_("text på engelska"))

    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("title_en", read_only=True),
        FieldPanel("title_sv"),
    ]
    search_fields = [
        index.SearchField("code"),
        index.SearchField("title_sv"),
        index.SearchField("title_en"),
        index.FilterField("goal"),
    ]

    class Meta:
        ordering = ["sort_key"]
        verbose_name = _("delmål (Agenda 2030)")
        verbose_name_plural = _("delmål (Agenda 2030)")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return in_active_language(self.title_sv, self.title_en)


class SdgIndicator(models.Model):
    code = models.CharField(_("nummer"), max_length=12, unique=True)
    targets = models.ManyToManyField(SdgTarget, related_name="indicators", verbose_name=_("delmål"))
    title_sv = models.TextField(_("text på svenska"), blank=True)
    title_en = models.TextField(_("text på engelska"))

    panels = [
        FieldPanel("code", read_only=True),
        FieldPanel("title_en", read_only=True),
        FieldPanel("title_sv"),
    ]

    class Meta:
        ordering = ["code"]
        verbose_name = _("indikator (Agenda 2030)")
        verbose_name_plural = _("indikatorer (Agenda 2030)")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def title(self) -> str:
        return in_active_language(self.title_sv, self.title_en)
