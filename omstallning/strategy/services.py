"""Writes for the strategy: adoption and follow-up. One transaction each, permission checked."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Indicator,
    IndicatorValue,
    Initiative,
    InitiativeStatus,
    InitiativeUpdate,
    Strategy,
)


def _require(user, permission: str) -> None:
    if not user.has_perm(permission):
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
    _require(user, "strategy.change_initiative")
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
    return update


@transaction.atomic
def indicator_value_set(
    *, indicator: Indicator, user, year: int, value: Decimal, note: str = ""
) -> IndicatorValue:
    _require(user, "strategy.change_indicatorvalue")
    row, _created = IndicatorValue.objects.update_or_create(
        indicator=indicator, year=year, defaults={"value": value, "note": note}
    )
    return row


@transaction.atomic
def strategy_adopt(*, strategy: Strategy, user, adopted_on: date, adopted_by: str) -> Strategy:
    """Adopting makes the version the published one; an earlier adopted version is replaced."""
    _require(user, "strategy.change_strategy")
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
    return strategy
