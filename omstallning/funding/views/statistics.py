"""The public statistics on who gets the money, with CSV and Excel of the same figures.
Staff with a funding role see every figure; everyone else sees small cells suppressed."""

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from omstallning.core.downloads import dated_filename, file_response
from omstallning.core.models import Municipality
from omstallning.core.sni import SECTIONS

from ..models import Programme
from ..permissions import is_staff_for_funding
from ..selectors import funding_page
from ..statistics import MIN_DECISIONS, UNDERREPRESENTED, StatisticsFilter, funding_statistics
from ..statistics_export import statistics_csv, statistics_csv_for_excel, statistics_excel
from ..trend_chart import trend_chart


class StatisticsFilterForm(forms.Form):
    year_from = forms.IntegerField(
        label=gettext_lazy("Från år"), required=False, min_value=1990, max_value=2100
    )
    year_to = forms.IntegerField(
        label=gettext_lazy("Till år"), required=False, min_value=1990, max_value=2100
    )
    programme = forms.ChoiceField(label=gettext_lazy("Program"), required=False)
    municipality = forms.ChoiceField(label=gettext_lazy("Kommun"), required=False)
    sector = forms.ChoiceField(label=gettext_lazy("Bransch"), required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        everything = [("", _("Alla"))]
        self.fields["programme"].choices = everything + list(
            Programme.objects.values_list("code", "name")
        )
        self.fields["municipality"].choices = everything + list(
            Municipality.objects.values_list("code", "name")
        )
        self.fields["sector"].choices = everything + [
            (code, f"{code} {name}") for code, name in SECTIONS.items()
        ]

    def clean(self):
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start and end and end < start:
            raise forms.ValidationError(_("Till år kan inte vara före från år."))
        return data

    def filters(self) -> StatisticsFilter:
        if not self.is_valid():
            return StatisticsFilter()
        data = self.cleaned_data
        return StatisticsFilter(
            year_from=data.get("year_from"),
            year_to=data.get("year_to"),
            programme=data.get("programme") or "",
            municipality=data.get("municipality") or "",
            sector=data.get("sector") or "",
        )


def _statistics(request: HttpRequest):
    """The form, and the figures for its filters; no figures while a filter is wrong (never
    the unfiltered ones in their place)."""
    form = StatisticsFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return form, None
    suppress = not is_staff_for_funding(request.user)
    return form, funding_statistics(
        form.filters() if form.is_bound else StatisticsFilter(), suppress=suppress
    )


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


def _bad_filter(form) -> HttpResponse:
    errors = [error for errors in form.errors.values() for error in errors]
    return HttpResponse(
        _("Filtret går inte att använda: %(errors)s") % {"errors": " ".join(errors)},
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
