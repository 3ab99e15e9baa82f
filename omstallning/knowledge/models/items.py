"""The knowledge bank: good examples, tools, methods and reports, all tagged the same way."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from omstallning.core.models.pages import BasePage

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class KnowledgeItemPage(BasePage):
    """What every item in the bank has: the taxonomy, a licence and a last-reviewed date."""

    class Licence(models.TextChoices):
        CC_BY = "CC-BY-4.0", "CC BY 4.0"
        CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
        CC0 = "CC0-1.0", "CC0 1.0"
        RESERVED = "reserved", _("Alla rättigheter förbehållna")

    sdg_goals = ParentalManyToManyField(
        "core.SdgGoal", blank=True, related_name="+", verbose_name=_("globala mål")
    )
    sdg_targets = ParentalManyToManyField(
        "core.SdgTarget", blank=True, related_name="+", verbose_name=_("delmål")
    )
    dimensions = ParentalManyToManyField(
        "core.SustainabilityDimension", blank=True, related_name="+", verbose_name=_("dimensioner")
    )
    themes = ParentalManyToManyField(
        "knowledge.KnowledgeTheme", blank=True, related_name="items", verbose_name=_("teman")
    )
    sectors = ParentalManyToManyField(
        "knowledge.SniSection", blank=True, related_name="items", verbose_name=_("branscher")
    )
    municipalities = ParentalManyToManyField(
        "core.Municipality", blank=True, related_name="+", verbose_name=_("kommuner")
    )
    audiences = ParentalManyToManyField(
        "knowledge.Audience", blank=True, related_name="items", verbose_name=_("målgrupper")
    )
    company_sizes = ParentalManyToManyField(
        "knowledge.CompanySize",
        blank=True,
        related_name="items",
        verbose_name=_("företagsstorlekar"),
    )
    licence = models.CharField(
        _("licens"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    last_reviewed = models.DateField(_("senast granskad"), default=timezone.localdate)
    is_example_data = models.BooleanField(
        _("exempeldata"), default=False, help_text=_("Visas med en tydlig märkning.")
    )
    # Set on read-only copies imported from another platform's feed.
    imported_from = models.ForeignKey(
        "knowledge.FeedSubscription",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="items",
        verbose_name=_("importerad från"),
    )
    source_key = models.CharField(_("id hos källan"), max_length=60, blank=True, editable=False)
    source_url = models.URLField(_("originalet"), max_length=2000, blank=True, editable=False)
    source_updated_at = models.DateTimeField(null=True, blank=True, editable=False)

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("sdg_goals"),
                FieldPanel("sdg_targets"),
                FieldPanel("dimensions"),
                FieldPanel("sectors"),
                FieldPanel("municipalities"),
                FieldPanel("audiences"),
                FieldPanel("company_sizes"),
            ],
            heading=_("Kategorier"),
        ),
        FieldRowPanel(
            [FieldPanel("licence"), FieldPanel("last_reviewed"), FieldPanel("is_example_data")]
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.AutocompleteField("title"),
        index.AutocompleteField("intro"),
        index.RelatedFields("themes", [index.SearchField("name_sv"), index.SearchField("name_en")]),
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []
    kind_label = _("Kunskap")

    class Meta:
        verbose_name = _("kunskapsobjekt")
        verbose_name_plural = _("kunskapsobjekt")
        constraints = [
            models.UniqueConstraint(
                fields=["imported_from", "source_key"],
                condition=models.Q(imported_from__isnull=False),
                name="knowledge_item_one_copy_per_source_id",
            )
        ]

    @property
    def is_imported(self) -> bool:
        return self.imported_from_id is not None

    @property
    def search_label(self) -> str:
        """The kind of item, as the site search labels its hits."""
        return self.kind_label

    def get_context(self, request, *args, **kwargs):
        from ..selectors import related_items

        context = super().get_context(request, *args, **kwargs)
        context["related"] = related_items(self)
        return context


class GoodExamplePage(KnowledgeItemPage):
    organisation_name = models.CharField(_("företag eller organisation"), max_length=200)
    sector_note = models.CharField(_("verksamhet"), max_length=200, blank=True)
    municipality = models.ForeignKey(
        "core.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kommun"),
    )
    challenge = RichTextField(_("utmaningen"), features=TEXT_FEATURES, blank=True)
    what_they_did = RichTextField(_("det här gjorde de"), features=TEXT_FEATURES, blank=True)
    results = RichTextField(_("resultat, gärna med siffror"), features=TEXT_FEATURES, blank=True)
    lessons = RichTextField(_("lärdomar"), features=TEXT_FEATURES, blank=True)
    contact_actor = models.ForeignKey(
        "core.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kontakt (aktör)"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("organisation_name"), FieldPanel("sector_note")]),
        FieldRowPanel([FieldPanel("municipality"), FieldPanel("contact_actor")]),
        FieldPanel("challenge"),
        FieldPanel("what_they_did"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        *KnowledgeItemPage.taxonomy_panels,
    ]
    search_fields = [
        *KnowledgeItemPage.search_fields,
        index.SearchField("organisation_name", boost=2),
        index.SearchField("challenge"),
        index.SearchField("what_they_did"),
        index.SearchField("results"),
        index.SearchField("lessons"),
    ]
    template = "knowledge/good_example_page.html"
    kind_label = _("Gott exempel")

    class Meta:
        verbose_name = _("gott exempel")
        verbose_name_plural = _("goda exempel")


class ToolPage(KnowledgeItemPage):
    what_it_does = RichTextField(_("det här gör verktyget"), features=TEXT_FEATURES, blank=True)
    for_whom = models.CharField(_("för vem"), max_length=300, blank=True)
    time_to_use = models.CharField(_("tid att använda"), max_length=100, blank=True)
    cost = models.CharField(_("kostnad"), max_length=100, blank=True)
    link = models.URLField(_("länk"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("fil"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("what_it_does"),
        FieldPanel("for_whom"),
        FieldRowPanel([FieldPanel("time_to_use"), FieldPanel("cost")]),
        FieldRowPanel([FieldPanel("link"), FieldPanel("document")]),
        *KnowledgeItemPage.taxonomy_panels,
    ]
    search_fields = [
        *KnowledgeItemPage.search_fields,
        index.SearchField("what_it_does"),
        index.SearchField("for_whom"),
    ]
    template = "knowledge/tool_page.html"
    kind_label = _("Verktyg")

    class Meta:
        verbose_name = _("verktyg")
        verbose_name_plural = _("verktyg")


class MethodPage(KnowledgeItemPage):
    content_panels = [*BasePage.content_panels, *KnowledgeItemPage.taxonomy_panels]
    template = "knowledge/item_page.html"
    kind_label = _("Metod eller guide")

    class Meta:
        verbose_name = _("metod eller guide")
        verbose_name_plural = _("metoder och guider")


class ReportPage(KnowledgeItemPage):
    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("från träffen"),
        help_text=_("Dokumentation från en träff i Träffpunkt hållbarhet."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rapport"),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("event"), FieldPanel("document")]),
        *KnowledgeItemPage.taxonomy_panels,
    ]
    template = "knowledge/item_page.html"
    kind_label = _("Rapport eller dokumentation")

    class Meta:
        verbose_name = _("rapport eller dokumentation")
        verbose_name_plural = _("rapporter och dokumentation")
