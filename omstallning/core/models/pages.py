"""The site's content pages. Editors get drafts, revisions, scheduling and translations."""

from django.db import models
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import BodyBlock


class BasePage(Page):
    """A page with an introduction and a flexible body; every content page builds on it."""

    intro = models.TextField(_("ingress"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("innehåll"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def get_sitemap_urls(self, request: HttpRequest | None = None) -> list[dict]:
        urls = super().get_sitemap_urls(request)
        if request is not None:
            # The site's configured host can differ from the one the sitemap was fetched on
            # (a development server, a proxy); crawlers expect the one they asked.
            for url in urls:
                url["location"] = request.build_absolute_uri(self.get_url(request))
        return urls


class HomePage(BasePage):
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("toppbild"),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("hero_image")]
    parent_page_types = ["wagtailcore.Page"]
    template = "core/home_page.html"

    class Meta:
        verbose_name = _("startsida")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import live_children

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [p for p in live_children(self) if p.show_in_menus]
        context["latest_news"] = (
            NewsPage.objects.live().public().descendant_of(self).order_by("-date")[:3]
        )
        return context


class StandardPage(BasePage):
    template = "core/standard_page.html"

    class Meta:
        verbose_name = _("standardsida")


class AccessibilityStatementPage(BasePage):
    """The tillgänglighetsredogörelse, with the compliance status in the words of DIGG's model
    and the date of the latest review; the page links to the contact form for reporting."""

    class Compliance(models.TextChoices):
        FULL = "fullt", _("Fullt förenlig")
        PARTIAL = "delvis", _("Delvis förenlig")
        NONE = "inte", _("Inte förenlig")

    compliance_status = models.CharField(
        _("förenlighet med lagen"),
        max_length=10,
        choices=Compliance.choices,
        default=Compliance.PARTIAL,
        help_text=_(
            "Hur webbplatsen uppfyller lagen om tillgänglighet till digital offentlig service. "
            "Delvis förenlig om någon brist finns kvar."
        ),
    )
    last_reviewed = models.DateField(
        _("senast granskad"),
        default=timezone.localdate,
        help_text=_("När redogörelsen senast granskades och stämdes av mot webbplatsen."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("compliance_status"),
        FieldPanel("last_reviewed"),
        FieldPanel("body"),
    ]
    subpage_types: list[str] = []
    template = "core/accessibility_statement_page.html"

    class Meta:
        verbose_name = _("tillgänglighetsredogörelse")

    @property
    def compliance_sentence(self) -> str:
        return {
            self.Compliance.FULL: _(
                "Den här webbplatsen är fullt förenlig med lagen om tillgänglighet till digital "
                "offentlig service."
            ),
            self.Compliance.PARTIAL: _(
                "Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
                "offentlig service, på grund av de brister som beskrivs nedan."
            ),
            self.Compliance.NONE: _(
                "Den här webbplatsen är inte förenlig med lagen om tillgänglighet till digital "
                "offentlig service. Bristerna beskrivs nedan."
            ),
        }[self.compliance_status]


class AboutProjectPage(BasePage):
    """'Om projektet': lists the focus areas below it."""

    subpage_types = ["core.FocusAreaPage", "core.StandardPage", "contact.ContactPage"]
    template = "core/about_project_page.html"

    class Meta:
        verbose_name = _("om projektet")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["focus_areas"] = (
            FocusAreaPage.objects.live().public().child_of(self).order_by("number")
        )
        return context


class FocusAreaPage(BasePage):
    """One insatsområde of the project."""

    number = models.PositiveSmallIntegerField(_("nummer"))
    short_title = models.CharField(
        _("kort namn"), max_length=100, help_text=_("Till exempel Hållbarhetssäkrad styrning.")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("number"),
        FieldPanel("short_title"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("contacts", label=_("Kontaktpersoner")),
    ]
    parent_page_types = ["core.AboutProjectPage"]
    subpage_types: list[str] = []
    template = "core/focus_area_page.html"
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("search_eyebrow"),
        index.RelatedFields(
            "contacts", [index.RelatedFields("person", [index.SearchField("name")])]
        ),
    ]
    search_label = _("Insatsområde")

    class Meta:
        verbose_name = _("insatsområde")
        verbose_name_plural = _("insatsområden")

    def search_eyebrow(self) -> str:
        """What the page shows above its title, "Insatsområde 3", for the site search."""
        with translation.override(self.locale.language_code):
            return translation.gettext("Insatsområde %(number)s") % {"number": self.number}


class FocusAreaContact(Orderable):
    page = ParentalKey(FocusAreaPage, on_delete=models.CASCADE, related_name="contacts")
    person = models.ForeignKey(
        "core.ContactPerson",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("kontaktperson"),
    )

    panels = [FieldPanel("person")]


class NewsIndexPage(BasePage):
    subpage_types = ["core.NewsPage"]
    template = "core/news_index_page.html"

    class Meta:
        verbose_name = _("nyhetslista")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        news = NewsPage.objects.live().public().child_of(self).order_by("-date")
        context["news"] = Paginator(news, 10).get_page(request.GET.get("sida"))
        return context


class NewsPage(BasePage):
    date = models.DateField(_("datum"), default=timezone.localdate)

    content_panels = [
        *BasePage.content_panels[:1],
        FieldPanel("date"),
        *BasePage.content_panels[1:],
    ]
    parent_page_types = ["core.NewsIndexPage"]
    subpage_types: list[str] = []
    template = "core/news_page.html"
    search_label = _("Nyhet")

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")
