"""Writes for the strategy: adoption and follow-up. One transaction each, permission checked,
and an entry in Wagtail's log (labels in wagtail_hooks.register_strategy_log_actions)."""

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import revisions
from .indicator_import import ImportResult, parse
from .models import (
    Indicator,
    IndicatorValue,
    Initiative,
    InitiativeStatus,
    InitiativeUpdate,
    Strategy,
)
from .permissions import can_adopt, can_report_status, can_set_indicator_values, can_start_revision

STATUS_REPORTED = "strategy.status_reported"
INDICATOR_VALUE_SET = "strategy.indicator_value_set"
INDICATOR_VALUES_IMPORTED = "strategy.indicator_values_imported"
STRATEGY_ADOPTED = "strategy.adopted"
REVISION_STARTED = "strategy.revision_started"


def _require(user, may: Callable[..., bool]) -> None:
    if not may(user):
        raise PermissionDenied


@transaction.atomic
def initiative_status_update(
    *,
    initiative: Initiative,
    user,
    status: str,
    progress: int,
    comment: str,
    reported_on: date,
) -> InitiativeUpdate:
    """A status report: the initiative takes the new status and progress, the report stays."""
    _require(user, can_report_status)
    if status not in InitiativeStatus.values:
        raise ValidationError({"status": _("Välj en status i listan.")})
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Ange hur stor del som är genomförd, 0–100 %.")})
    if not comment.strip():
        raise ValidationError({"comment": _("Skriv en kort kommentar om läget.")})
    if reported_on > timezone.localdate():
        raise ValidationError(
            {
                "reported_on": _(
                    "Datumet kan inte vara i framtiden: en statusrapport gäller det som redan "
                    "har hänt. Ange dagens datum eller ett tidigare."
                )
            }
        )
    initiative = Initiative.objects.select_for_update().get(pk=initiative.pk)
    update = InitiativeUpdate.objects.create(
        initiative=initiative,
        reported_on=reported_on,
        status=status,
        progress=progress,
        comment=comment.strip(),
        author=user,
    )
    latest = initiative.updates.order_by("-reported_on", "-created_at").first()
    # A report about an earlier date is history; the latest one sets the current state.
    initiative.status, initiative.progress = latest.status, latest.progress
    initiative.save(update_fields=["status", "progress"])
    log(
        instance=initiative,
        action=STATUS_REPORTED,
        user=user,
        data={"status": status, "progress": progress, "reported_on": reported_on.isoformat()},
    )
    return update


@transaction.atomic
def indicator_value_set(
    *, indicator: Indicator, user, year: int, value: Decimal, note: str = ""
) -> IndicatorValue:
    _require(user, can_set_indicator_values)
    row, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator, year=year, defaults={"value": value, "note": note}
    )
    log(
        instance=row,
        action=INDICATOR_VALUE_SET,
        user=user,
        data={"indicator": indicator.name, "year": year, "value": str(value)},
    )
    return row


@transaction.atomic
def indicator_values_import(*, strategy: Strategy, user, data: bytes) -> ImportResult:
    """Save every row of the file (a value for the same indicator and year is replaced), or
    none, with every bad row reported."""
    _require(user, can_set_indicator_values)
    rows, errors = parse(strategy, data)
    if errors:
        return ImportResult(saved=0, errors=errors)
    for row in rows:
        IndicatorValue.objects.update_or_create(
            indicator=row.indicator, year=row.year, defaults={"value": row.value, "note": row.note}
        )
    log(instance=strategy, action=INDICATOR_VALUES_IMPORTED, user=user, data={"rows": len(rows)})
    return ImportResult(saved=len(rows), errors=[])


@transaction.atomic
def strategy_adopt(*, strategy: Strategy, user, adopted_on: date, adopted_by: str) -> Strategy:
    """Adopting makes the version the published one; an earlier adopted version is replaced."""
    _require(user, can_adopt)
    strategy = Strategy.objects.select_for_update().get(pk=strategy.pk)
    if strategy.status != Strategy.Status.DRAFT:
        raise ValidationError(_("Den här versionen är redan antagen."))
    Strategy.objects.filter(slug=strategy.slug, status=Strategy.Status.ADOPTED).update(
        status=Strategy.Status.REPLACED
    )
    strategy.status = Strategy.Status.ADOPTED
    strategy.adopted_on = adopted_on
    strategy.adopted_by = adopted_by
    strategy.save(update_fields=["status", "adopted_on", "adopted_by"])
    log(
        instance=strategy,
        action=STRATEGY_ADOPTED,
        user=user,
        data={"adopted_on": adopted_on.isoformat(), "adopted_by": adopted_by},
    )
    return strategy


@transaction.atomic
def strategy_revision_start(*, strategy: Strategy, user) -> Strategy:
    """The next version of the strategy, as a draft copy of this one (revisions.revision_copy)."""
    _require(user, can_start_revision)
    copy = revisions.revision_copy(strategy=strategy)
    log(instance=copy, action=REVISION_STARTED, user=user, data={"from_version": strategy.version})
    return copy
