"""Thin views for the public strategy pages."""

from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from omstallning.core.downloads import dated_filename, file_response
from omstallning.core.models import SdgGoal, SustainabilityDimension

from . import selectors
from .exports import strategy_workbook
from .heatmap import heatmap
from .models import StrategyPage
from .report_pdf import committee_report


def _published(page: StrategyPage):
    return selectors.published_version(page.strategy)


def strategy_overview(request: HttpRequest, page: StrategyPage) -> HttpResponse:
    context = page.get_context(request)
    strategy = _published(page)
    if strategy is not None:
        overview = selectors.overview(strategy, timezone.localdate())
        sdg_names = {goal.number: goal.title for goal in SdgGoal.objects.all()}
        thread = overview.red_thread
        context.update(
            overview=overview,
            heatmap=heatmap(thread, sdg_names),
            sdg_names=sdg_names,
            dimension_names={d.code: d.name for d in SustainabilityDimension.objects.all()},
            budget_shares={code: 100 * thread.share(code) for code in thread.budget_per_dimension},
        )
    return TemplateResponse(request, page.get_template(request), context)


def strategy_goal(request: HttpRequest, page: StrategyPage, code: str) -> HttpResponse:
    strategy = _published(page)
    goal = selectors.goal_with_follow_up(strategy, code) if strategy else None
    if goal is None:
        raise Http404
    row = next(
        r
        for _area, rows in selectors.overview(strategy, timezone.localdate()).focus_areas
        for r in rows
        if r.goal.pk == goal.pk
    )
    context = {
        **page.get_context(request),
        "strategy": strategy,
        "goal": goal,
        "row": row,
        "breadcrumb_current": str(goal),
    }
    return TemplateResponse(request, "strategy/goal.html", context)


def strategy_initiative(request: HttpRequest, page: StrategyPage, code: str) -> HttpResponse:
    strategy = _published(page)
    initiative = selectors.initiative_with_history(strategy, code) if strategy else None
    if initiative is None:
        raise Http404
    row = next(
        r
        for r in selectors.overview(strategy, timezone.localdate()).initiatives
        if r.initiative.pk == initiative.pk
    )
    context = {
        **page.get_context(request),
        "strategy": strategy,
        "row": row,
        "breadcrumb_current": str(initiative),
    }
    return TemplateResponse(request, "strategy/initiative.html", context)


def _document(page: StrategyPage, build, content_type: str, name: str, extension: str, inline):
    """A file made from the published version's overview, named after the strategy and day:
    affarsplan-vastmanland-v1-data-2026-12-01.xlsx."""
    strategy = _published(page)
    if strategy is None:
        raise Http404
    today = timezone.localdate()
    return file_response(
        build(selectors.overview(strategy, today), today),
        filename=dated_filename(f"{strategy.slug}-v{strategy.version}-{name}", extension, today),
        content_type=content_type,
        as_attachment=not inline,
    )


def strategy_excel(request: HttpRequest, page: StrategyPage) -> HttpResponse:
    return _document(
        page,
        strategy_workbook,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "data",
        "xlsx",
        inline=False,
    )


def strategy_report(request: HttpRequest, page: StrategyPage) -> HttpResponse:
    return _document(page, committee_report, "application/pdf", "rapport", "pdf", inline=True)
