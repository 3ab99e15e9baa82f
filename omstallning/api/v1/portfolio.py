"""Sums over many assessments: counts (and amounts where the assessed model has one)."""

from typing import Literal

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from omstallning.assessment.impact import GoalImpact
from omstallning.assessment.models import Assessment, Framework
from omstallning.assessment.registry import assessable_by_label
from omstallning.assessment.selectors import (
    DIMENSION_KINDS,
    assessments_in_portfolio,
    portfolio_sums,
)

from ..schemas import INVALID, NOT_FOUND, PortfolioOut

router = Router(tags=[gettext_lazy("Portföljsummor")])

# Drafts are work in progress; by default only what someone has stood behind is summed.
DEFAULT_STATUSES = [Assessment.Status.SUBMITTED, Assessment.Status.LOCKED]


class PortfolioFilter(Schema):
    framework: str | None = Field(
        None, pattern=r"^[-a-zA-Z0-9_]{1,60}$", description=gettext_lazy("Ramverkets kortnamn")
    )
    status: list[Literal["draft", "submitted", "locked"]] = Field(
        [], description=gettext_lazy("Standard: submitted och locked")
    )
    subject_type: str | None = Field(
        None,
        pattern=r"^[A-Za-z_]{1,40}\.[A-Za-z_]{1,60}$",
        description=gettext_lazy("Till exempel core.organisation"),
    )


def _tally(tally) -> dict:
    return {"count": tally.count, "amount": tally.amount}


@router.get(
    "/portfolio-sums",
    response={200: PortfolioOut, **NOT_FOUND, **INVALID},
    summary=gettext_lazy("Summor per globalt mål och dimension"),
    description=gettext_lazy(
        "Antal bedömningar (och belopp, när det bedömda har ett) med positiv och negativ "
        "påverkan, kunskapsluckor och stoppande svar. Filtrera på ramverk (kortnamn), status "
        "(draft, submitted, locked; standard: submitted och locked) och typ av bedömt "
        "(till exempel core.organisation). 404 när ramverket eller typen inte finns. "
        "Innehåller inga personuppgifter."
    ),
)
def get_portfolio_sums(request, filters: Query[PortfolioFilter]):
    statuses = filters.status or DEFAULT_STATUSES
    if filters.framework and not Framework.objects.filter(key=filters.framework).exists():
        raise HttpError(404, _("Det finns inget ramverk med det kortnamnet."))
    subject_type, amount = None, None
    if filters.subject_type:
        assessable = assessable_by_label(filters.subject_type)
        if assessable is None:
            raise HttpError(404, _("Den typen kan inte bedömas."))
        subject_type = ContentType.objects.get_for_model(assessable.model)
        amount = assessable.amount() if assessable.amount else None
    assessments = assessments_in_portfolio(
        framework_key=filters.framework or "", statuses=statuses, subject_type=subject_type
    )
    sums = portfolio_sums(assessments, weight=amount)
    return {
        "assessments": _tally(sums.assessments),
        "knockouts": _tally(sums.knockouts),
        "goals": [
            {"goal": number, **{impact: _tally(sums.goal(number, impact)) for impact in GoalImpact}}
            for number in range(1, 18)
        ],
        "dimensions": [
            {
                "dimension": code,
                **{kind: _tally(sums.dimension(code, kind)) for kind in DIMENSION_KINDS},
            }
            for code in ("ecological", "social", "economic")
        ],
    }
