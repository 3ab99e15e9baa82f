"""The public face of the strategy: a page that shows its adopted version and follow-up, with
the same figures as a workbook and as the committee's report."""

from collections.abc import Callable
from functools import partial

from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
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

    def _published(self):
        from .. import selectors

        return selectors.published_version(self.strategy)

    @path("")
    def overview(self, request: HttpRequest) -> HttpResponse:
        from omstallning.core.selectors import dimension_names, sdg_names

        from .. import selectors
        from ..heatmap import heatmap

        strategy = self._published()
        if strategy is None:
            return self.render(request)
        overview = selectors.overview(strategy, timezone.localdate())
        sdg_names = sdg_names()
        thread = overview.red_thread
        return self.render(
            request,
            context_overrides={
                "overview": overview,
                "heatmap": heatmap(thread, sdg_names),
                "sdg_names": sdg_names,
                "dimension_names": dimension_names(),
                "budget_shares": {
                    code: 100 * thread.share(code) for code in thread.budget_per_dimension
                },
            },
        )

    @path("mal/<str:code>/", name="goal")
    def goal(self, request: HttpRequest, code: str) -> HttpResponse:
        from .. import selectors

        strategy = self._published()
        goal = selectors.goal_with_follow_up(strategy, code) if strategy else None
        if goal is None:
            raise Http404
        row = next(
            r
            for _area, rows in selectors.overview(strategy, timezone.localdate()).focus_areas
            for r in rows
            if r.goal.pk == goal.pk
        )
        return self.render(
            request,
            template="strategy/goal.html",
            context_overrides={
                "strategy": strategy,
                "goal": goal,
                "row": row,
                "breadcrumb_current": str(goal),
            },
        )

    @path("insatser/<str:code>/", name="initiative")
    def initiative(self, request: HttpRequest, code: str) -> HttpResponse:
        from .. import selectors

        strategy = self._published()
        initiative = selectors.initiative_with_history(strategy, code) if strategy else None
        if initiative is None:
            raise Http404
        row = next(
            r
            for r in selectors.overview(strategy, timezone.localdate()).initiatives
            if r.initiative.pk == initiative.pk
        )
        return self.render(
            request,
            template="strategy/initiative.html",
            context_overrides={
                "strategy": strategy,
                "row": row,
                "breadcrumb_current": str(initiative),
            },
        )

    @path("excel/", name="excel")
    def excel(self, request: HttpRequest) -> HttpResponse:
        from ..exports import strategy_workbook

        return self._document(
            strategy_workbook,
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            name="data",
            extension="xlsx",
            inline=False,
        )

    @path("rapport/", name="report")
    def report(self, request: HttpRequest) -> HttpResponse:
        from ..report_pdf import committee_report

        return self._document(
            partial(committee_report, language=getattr(request, "LANGUAGE_CODE", None)),
            content_type="application/pdf",
            name="rapport",
            extension="pdf",
            inline=True,
        )

    def _document(
        self,
        build: Callable,
        *,
        content_type: str,
        name: str,
        extension: str,
        inline: bool,
    ) -> HttpResponse:
        """A file made from the published version's overview, named after the strategy and
        day: affarsplan-vastmanland-v1-data-2026-12-01.xlsx."""
        from omstallning.core.downloads import dated_filename, file_response

        from .. import selectors

        strategy = self._published()
        if strategy is None:
            raise Http404
        today = timezone.localdate()
        return file_response(
            build(selectors.overview(strategy, today), today),
            filename=dated_filename(
                f"{strategy.slug}-v{strategy.version}-{name}", extension, today
            ),
            content_type=content_type,
            as_attachment=not inline,
        )
