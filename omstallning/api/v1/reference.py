"""SDG goals, targets and indicators, and the three dimensions."""

from typing import Annotated

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from ninja import Path, Router

from omstallning.core.models import SdgGoal, SdgTarget, SustainabilityDimension

from ..schemas import INVALID, NOT_FOUND, DimensionOut, GoalDetailOut, GoalOut, TargetDetailOut
from ..types import PathId

router = Router(tags=[gettext_lazy("Referensdata")])


def _goal(goal: SdgGoal) -> dict:
    return {
        "number": goal.number,
        "title_sv": goal.title_sv,
        "title_en": goal.title_en,
        "short_en": goal.short_en,
        "colour": goal.colour,
        "dimension": goal.dimension.code if goal.dimension else None,
    }


def _target(target: SdgTarget) -> dict:
    return {
        "code": target.code,
        "title_en": target.title_en,
        "title_sv": target.title_sv,
        "indicators": [
            {"code": i.code, "title_en": i.title_en, "title_sv": i.title_sv}
            for i in target.indicators.all()
        ],
    }


@router.get(
    "/dimensions", response=list[DimensionOut], summary=gettext_lazy("Hållbarhetsdimensionerna")
)
def list_dimensions(request):
    return SustainabilityDimension.objects.all()


@router.get("/sdg/goals", response=list[GoalOut], summary=gettext_lazy("De 17 globala målen"))
def list_goals(request):
    return [_goal(goal) for goal in SdgGoal.objects.select_related("dimension")]


@router.get(
    "/sdg/goals/{number}",
    response={200: GoalDetailOut, **NOT_FOUND, **INVALID},
    summary=gettext_lazy("Ett globalt mål med delmål och indikatorer"),
)
def get_goal(request, number: PathId):
    targets = SdgTarget.objects.prefetch_related("indicators")
    goal = get_object_or_404(
        SdgGoal.objects.select_related("dimension").prefetch_related(
            Prefetch("targets", queryset=targets)
        ),
        number=number,
    )
    return {**_goal(goal), "targets": [_target(target) for target in goal.targets.all()]}


@router.get(
    "/sdg/targets/{code}",
    response={200: TargetDetailOut, **NOT_FOUND, **INVALID},
    summary=gettext_lazy("Ett delmål"),
)
def get_target(request, code: Annotated[str, Path(pattern=r"^[0-9]{1,2}\.[0-9a-z]{1,2}$")]):
    target = get_object_or_404(SdgTarget.objects.prefetch_related("indicators"), code=code)
    return _target(target)
