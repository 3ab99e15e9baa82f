"""The public statistics on who gets the money, with CSV and Excel of the same figures.
Staff with a funding role see every figure; everyone else sees small cells suppressed."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from omstallning.core.downloads import dated_filename, file_response

from ..forms.statistics import StatisticsFilterForm
from ..permissions import is_staff_for_funding
from ..selectors import funding_page
from ..statistics import MIN_DECISIONS, UNDERREPRESENTED, funding_statistics
from ..statistics_export import statistics_csv, statistics_csv_for_excel, statistics_excel
from ..trend_chart import trend_chart


def _statistics(request: HttpRequest):
    """The form, and the figures for its filters; no figures while a filter is wrong (never
    the unfiltered ones in their place)."""
    form = StatisticsFilterForm.from_query(request.GET)
    if form.is_bound and not form.is_valid():
        return form, None
    return form, funding_statistics(form.filters(), suppress=not is_staff_for_funding(request.user))


def statistics_page(request: HttpRequest) -> HttpResponse:
    form, statistics = _statistics(request)
    response = render(
        request,
        "funding/statistics.html",
        {
            "form": form,
            "statistics": statistics,
            "chart": trend_chart(statistics.trend) if statistics else None,
            "groups": [(key, label) for key, label, _c in UNDERREPRESENTED],
            "min_decisions": MIN_DECISIONS,
            "export_query": request.GET.urlencode(),
            "page": funding_page(),
            "translate_path": True,
            "breadcrumb_current": _("Statistik om stöd"),
        },
        status=200 if statistics else 400,
    )
    response["Vary"] = "Cookie"
    return response


def _bad_filter(form: StatisticsFilterForm) -> HttpResponse:
    return HttpResponse(
        form.refusal(),
        status=400,
        content_type="text/plain; charset=utf-8",
    )


def _download(content, content_type: str, extension: str, stem: str = "stod-statistik"):
    return file_response(
        content,
        filename=dated_filename(stem, extension, timezone.localdate()),
        content_type=content_type,
    )


def statistics_csv_view(request: HttpRequest) -> HttpResponse:
    form, statistics = _statistics(request)
    if statistics is None:
        return _bad_filter(form)
    return _download(statistics_csv(statistics), "text/csv; charset=utf-8", "csv")


def statistics_excel_csv_view(request: HttpRequest) -> HttpResponse:
    """The CSV for Excel with Swedish settings: semicolons and decimal commas."""
    form, statistics = _statistics(request)
    if statistics is None:
        return _bad_filter(form)
    return _download(
        statistics_csv_for_excel(statistics),
        "text/csv; charset=utf-8",
        "csv",
        stem="stod-statistik-excel",
    )


def statistics_excel_view(request: HttpRequest) -> HttpResponse:
    form, statistics = _statistics(request)
    if statistics is None:
        return _bad_filter(form)
    return _download(
        statistics_excel(statistics),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
    )
