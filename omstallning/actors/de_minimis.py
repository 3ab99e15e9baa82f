"""De minimis aid (stöd av mindre betydelse), Commission Regulation (EU) 2023/2831: a company
may receive at most EUR 300 000 over any period of three years. A company notes the aid it has
received; an offer that is de minimis aid says how much room is left, and warns when taking
it in full would pass the ceiling. A guide for the company, not the grantor's own check."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum
from django.utils import formats
from django.utils.translation import gettext as _

CEILING_EUR = Decimal(300_000)
YEARS = 3


def period_start(today: datetime.date) -> datetime.date:
    """The first day of the three years that end today."""
    try:
        start = today.replace(year=today.year - YEARS)
    except ValueError:  # 29 February
        start = today.replace(year=today.year - YEARS, day=28)
    return start + datetime.timedelta(days=1)


def received_in_period(aid, today: datetime.date) -> Decimal:
    """The sum of `aid` (a queryset of DeMinimisAid) granted within the three years."""
    total = aid.filter(granted_on__gte=period_start(today), granted_on__lte=today).aggregate(
        total=Sum("amount_eur")
    )["total"]
    return total or Decimal(0)


def euros(amount: Decimal | int) -> str:
    return formats.number_format(Decimal(amount).quantize(Decimal(1)), force_grouping=True)


@dataclass(frozen=True)
class Notice:
    is_warning: bool
    text: str


def notice(offer, received: Decimal | None) -> Notice | None:
    """What a de minimis offer says to a company that has noted `received` euros."""
    if not offer.is_de_minimis or received is None:
        return None
    left = max(CEILING_EUR - received, Decimal(0))
    values = {"received": euros(received), "left": euros(left), "ceiling": euros(CEILING_EUR)}
    if left == 0:
        return Notice(
            True,
            _(
                "Ni har fått %(received)s euro i stöd av mindre betydelse de senaste tre åren "
                "och har nått taket på %(ceiling)s euro. Det här stödet kan ni troligen inte "
                "få förrän äldre stöd har fallit ur treårsperioden."
            )
            % values,
        )
    if offer.max_amount_eur and offer.max_amount_eur > left:
        return Notice(
            True,
            _(
                "Ni har %(left)s euro kvar under taket på %(ceiling)s euro för stöd av mindre "
                "betydelse. Det här stödet är på upp till %(most)s euro: hela beloppet skulle "
                "passera taket."
            )
            % {**values, "most": euros(offer.max_amount_eur)},
        )
    return Notice(
        False,
        _(
            "Ni har %(left)s euro kvar under taket på %(ceiling)s euro för stöd av mindre "
            "betydelse. Det här stödet räknas mot taket."
        )
        % values,
    )


# What the visitor has told the finder, for this visit: the sum it received, or the
# organisation whose register to count (set on the register page by one of its members).
SUM_KEY = "de_minimis_received_eur"
ORGANISATION_KEY = "de_minimis_organisation"


def received_by_visitor(user, session, today: datetime.date) -> Decimal | None:
    from .models import DeMinimisAid

    organisation_id = session.get(ORGANISATION_KEY)
    if user.is_authenticated and organisation_id:
        aid = DeMinimisAid.objects.filter(
            organisation_id=organisation_id,
            organisation__memberships__user=user,
            organisation__memberships__status="active",
        )
        return received_in_period(aid, today)
    value = session.get(SUM_KEY)
    return Decimal(value) if value is not None else None
