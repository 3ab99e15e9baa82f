"""Staff views for the strategy's follow-up: a status report on an initiative."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from omstallning.core.downloads import dated_filename, file_response

from . import indicator_import, revisions, services
from .forms import AdoptForm, IndicatorImportForm, StatusReportForm
from .models import Initiative, Strategy
from .permissions import (
    can_adopt,
    can_report_status,
    can_set_indicator_values,
    can_start_revision,
    can_view_in_admin,
    can_view_indicator_values,
)


def status_report_view(request, pk: int):
    if not can_report_status(request.user):
        raise PermissionDenied
    initiative = get_object_or_404(Initiative.objects.select_related("strategy"), pk=pk)
    form = StatusReportForm(
        request.POST or None,
        initial={"status": initiative.status, "progress": initiative.progress},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.initiative_status_update(
                initiative=initiative, user=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Statusrapporten är sparad."))
            return redirect("strategy_initiative:index")
    return TemplateResponse(
        request,
        "strategy/admin/status_report.html",
        {
            "initiative": initiative,
            "form": form,
            "history": initiative.updates.select_related("author"),
        },
        status=400 if form.errors else 200,
    )


def _strategy_for(request, pk: int, may: Callable[..., bool]) -> Strategy:
    if not may(request.user):
        raise PermissionDenied
    return get_object_or_404(Strategy, pk=pk)


def adopt_view(request, pk: int):
    strategy = _strategy_for(request, pk, can_adopt)
    form = AdoptForm(request.POST or None, initial={"adopted_by": strategy.adopted_by})
    if request.method == "POST" and form.is_valid():
        try:
            services.strategy_adopt(strategy=strategy, user=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(strategy)s är antagen och publicerad.") % {"strategy": strategy}
            )
        return redirect("strategy_strategy:index")
    return TemplateResponse(
        request, "strategy/admin/adopt.html", {"strategy": strategy, "form": form}
    )


def new_version_view(request, pk: int):
    strategy = _strategy_for(request, pk, can_start_revision)
    if request.method == "POST":
        try:
            copy = services.strategy_revision_start(strategy=strategy, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("strategy_strategy:index")
        messages.success(
            request, _("Version %(version)s är skapad som utkast.") % {"version": copy.version}
        )
        return redirect("strategy_strategy:edit", copy.pk)
    return TemplateResponse(request, "strategy/admin/new_version.html", {"strategy": strategy})


def compare_view(request, pk: int):
    newer = _strategy_for(request, pk, can_view_in_admin)
    older = newer.previous_version
    if older is None:
        messages.info(request, _("Det finns ingen tidigare version att jämföra med."))
        return redirect("strategy_strategy:index")
    return TemplateResponse(
        request,
        "strategy/admin/compare.html",
        {"comparison": revisions.versions_compare(older, newer)},
    )


def indicator_import_view(request):
    if not can_set_indicator_values(request.user):
        raise PermissionDenied
    form = IndicatorImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        result = services.indicator_values_import(
            strategy=form.cleaned_data["strategy"],
            user=request.user,
            data=form.cleaned_data["file"].read(),
        )
        if not result.errors:
            messages.success(request, _("%(count)s värden är sparade.") % {"count": result.saved})
            return redirect("strategy_indicatorvalue:index")
    failed = bool(form.errors or (result and result.errors))
    return TemplateResponse(
        request,
        "strategy/admin/indicator_import.html",
        {"form": form, "result": result, "strategies": Strategy.objects.all()},
        status=400 if failed else 200,
    )


def indicator_template_view(request, pk: int, for_excel: bool = False):
    strategy = _strategy_for(request, pk, can_view_indicator_values)
    stem = f"indikatorer-{strategy.slug}-v{strategy.version}" + ("-excel" if for_excel else "")
    return file_response(
        indicator_import.template_csv(strategy, for_excel=for_excel),
        filename=dated_filename(stem, "csv"),
        content_type="text/csv; charset=utf-8",
    )
