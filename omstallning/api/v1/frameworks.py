"""Assessment frameworks and their versions, criteria and answer options."""

from typing import Annotated

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from ninja import Path, Router

from omstallning.assessment.models import Framework, FrameworkVersion
from omstallning.assessment.selectors import criteria_of, frameworks_in_use

from ..schemas import INVALID, NOT_FOUND, FrameworkOut, VersionDetailOut
from ..types import PathId

router = Router(tags=[gettext_lazy("Bedömningsramverk")])

# Keys are slugs; anything else (a NUL byte, say) cannot name a framework and never reaches SQL.
FrameworkKey = Annotated[str, Path(pattern=r"^[-a-zA-Z0-9_]{1,60}$")]


def _version(version: FrameworkVersion) -> dict:
    return {
        "number": version.number,
        "published_at": version.published_at,
        "frozen": version.is_frozen,
        "change_note": version.change_note,
    }


def _framework(framework: Framework) -> dict:
    versions = [v for v in framework.versions.all() if v.is_published]
    return {
        "key": framework.key,
        "name_sv": framework.name_sv,
        "name_en": framework.name_en,
        "description_sv": framework.description_sv,
        "current_version": max((v.number for v in versions), default=None),
        "versions": [_version(v) for v in sorted(versions, key=lambda v: v.number)],
    }


@router.get(
    "/frameworks", response=list[FrameworkOut], summary=gettext_lazy("Alla publicerade ramverk")
)
def list_frameworks(request):
    return [_framework(f) for f in frameworks_in_use().prefetch_related("versions")]


@router.get(
    "/frameworks/{key}",
    response={200: FrameworkOut, **NOT_FOUND, **INVALID},
    summary=gettext_lazy("Ett ramverk med versioner"),
)
def get_framework(request, key: FrameworkKey):
    framework = get_object_or_404(
        Framework.objects.prefetch_related("versions"),
        key=key,
        versions__published_at__isnull=False,
    )
    return _framework(framework)


@router.get(
    "/frameworks/{key}/versions/{number}",
    response={200: VersionDetailOut, **NOT_FOUND, **INVALID},
    summary=gettext_lazy("En version av ett ramverk med kriterier och svarsalternativ"),
)
def get_version(request, key: FrameworkKey, number: PathId):
    version = get_object_or_404(
        FrameworkVersion, framework__key=key, number=number, published_at__isnull=False
    )
    return {
        **_version(version),
        "criteria": [
            {
                "key": c.key,
                "question_sv": c.question_sv,
                "question_en": c.question_en,
                "guidance_sv": c.guidance_sv,
                "guidance_en": c.guidance_en,
                "dimension": c.dimension.code if c.dimension else None,
                "sdg_goals": [goal.number for goal in c.sdg_goals.all()],
                "sdg_targets": [target.code for target in c.sdg_targets.all()],
                "weight": c.weight,
                "motivation_required": c.motivation_required,
                "asks_relevance": c.asks_relevance,
                "asks_action": c.asks_action,
                "rethink_when_negative_without_action": c.rethink_when_negative_without_action,
                "options": list(c.options.all()),
                "conditions": [condition.text_sv for condition in c.conditions.all()],
            }
            for c in criteria_of(version)
        ],
    }
