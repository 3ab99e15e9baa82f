"""The public face of the strategy: a page that shows its adopted version and follow-up."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from omstallning.core.models.pages import BasePage


class StrategyPage(RoutablePageMixin, BasePage):
    strategy = models.ForeignKey(
        "strategy.Strategy",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("strategi"),
        help_text=_("Sidan visar den senast antagna versionen av strategin."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("strategy")]
    subpage_types: list[str] = []
    template = "strategy/strategy_page.html"

    class Meta:
        verbose_name = _("strategisida")
        verbose_name_plural = _("strategisidor")

    @path("")
    def overview(self, request):
        from ..views import strategy_overview

        return strategy_overview(request, self)

    @path("excel/", name="excel")
    def excel(self, request):
        from ..views import strategy_excel

        return strategy_excel(request, self)

    @path("rapport/", name="report")
    def report(self, request):
        from ..views import strategy_report

        return strategy_report(request, self)

    @path("mal/<str:code>/", name="goal")
    def goal(self, request, code):
        from ..views import strategy_goal

        return strategy_goal(request, self, code)

    @path("insatser/<str:code>/", name="initiative")
    def initiative(self, request, code):
        from ..views import strategy_initiative

        return strategy_initiative(request, self, code)
