"""The region's view of the support system: which offers reach which stage, municipality and
type of support (white spots where none does, overlaps where many do), how each actor answers
its referrals, and whom the offers for particular groups reach.

Offers are public facts and are counted as they are. Referral figures can point at a company,
so wherever they are shown publicly a count under SUPPRESS_BELOW is shown as "< 5" only.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, QuerySet

from .eligibility_bits import positions
from .models import Actor, CompanyStage, Referral, ReferralStep, SupportType, TargetGroup
from .models.offers import Offer

SUPPRESS_BELOW = 5
# As many offers as this for one cell, or more, is an overlap worth a look.
OVERLAP_FROM = 5


def suppressed(count: int, *, public: bool) -> int | str:
    return f"< {SUPPRESS_BELOW}" if public and 0 < count < SUPPRESS_BELOW else count


@dataclass(frozen=True)
class Cell:
    count: int

    @property
    def is_white_spot(self) -> bool:
        return self.count == 0

    @property
    def is_overlap(self) -> bool:
        return self.count >= OVERLAP_FROM


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class OfferMap:
    columns: list[str]
    rows: list[Row]
    total: int


def _reaches(bits: int, bit: int | None) -> bool:
    # An offer that names none reaches all; a term beyond the bits reaches nobody here.
    return bits == 0 or (bit is not None and bool(bits & (1 << bit)))


def offer_map(offers: QuerySet, by: str) -> OfferMap:
    """Public offers by `by` ("stages" or "municipalities") × type of support."""
    from omstallning.core.models import Municipality

    model, column = {
        "stages": (CompanyStage, "stage_bits"),
        "municipalities": (Municipality, "municipality_bits"),
    }[by]
    bit_of = positions(by) or {}
    rows_in = list(model.objects.all())
    facts = list(offers.values_list("support_type", column))
    types = list(SupportType)
    rows = []
    for term in rows_in:
        counts = Counter(
            support_type for support_type, bits in facts if _reaches(bits, bit_of.get(term.pk))
        )
        rows.append(Row(str(term.name), [Cell(counts[kind.value]) for kind in types]))
    return OfferMap([str(kind.label) for kind in types], rows, len(facts))


@dataclass
class ActorFigures:
    actor: Actor
    received: int = 0
    answered: int = 0
    answer_hours: list[float] = field(default_factory=list)
    outcomes: Counter = field(default_factory=Counter)
    declined: int = 0
    ratings: int = 0
    rating_mean: float | None = None

    @property
    def outcome_counts(self) -> list[tuple[str, int]]:
        # A list, not the Counter: a template asking a Counter for "items" gets 0.
        return self.outcomes.most_common()

    @property
    def median_answer_hours(self) -> float | None:
        return statistics.median(self.answer_hours) if self.answer_hours else None


def actor_figures() -> list[ActorFigures]:
    """Per actor: cases received (sent or passed to it), answered, the median time to answer,
    how the cases it closed ended, and the companies' ratings."""
    figures: dict[int, ActorFigures] = {}

    def of(actor: Actor) -> ActorFigures:
        return figures.setdefault(actor.pk, ActorFigures(actor))

    waiting: dict[tuple[int, int], object] = {}  # (referral, actor) → when it arrived
    steps = ReferralStep.objects.select_related("actor", "to_actor").order_by("referral", "at")
    for step in steps:
        if step.kind in ReferralStep.ANSWERS:
            arrived = waiting.pop((step.referral_id, step.actor_id), None)
            if arrived is not None:
                of(step.actor).answered += 1
                of(step.actor).answer_hours.append((step.at - arrived).total_seconds() / 3600)
        arrival = step.to_actor if step.kind == ReferralStep.Kind.PASSED_ON else None
        if step.kind == ReferralStep.Kind.SENT:
            arrival = step.actor
        if arrival is not None:
            of(arrival).received += 1
            waiting[(step.referral_id, arrival.pk)] = step.at
    finished = Referral.objects.filter(status__in=Referral.FINISHED).select_related("actor")
    for referral in finished:
        if referral.status == Referral.Status.DECLINED:
            of(referral.actor).declined += 1
        else:
            of(referral.actor).outcomes[referral.get_outcome_display()] += 1
    rated = (
        Referral.objects.filter(rating__isnull=False)
        .values("actor")
        .annotate(n=Count("pk"), mean=Avg("rating"))
    )
    actors = {actor.pk: actor for actor in Actor.objects.filter(pk__in=[r["actor"] for r in rated])}
    for row in rated:
        figures_of = of(actors[row["actor"]])
        figures_of.ratings = row["n"]
        figures_of.rating_mean = row["mean"]
    return sorted(figures.values(), key=lambda f: f.actor.name)


@dataclass(frozen=True)
class Reach:
    group: TargetGroup
    offers: int
    referrals: int
    helped: int  # closed with an outcome other than no contact or not eligible


NOT_HELPED = {Referral.Outcome.NO_CONTACT, Referral.Outcome.NOT_ELIGIBLE, ""}


def target_group_reach(offers: QuerySet) -> list[Reach]:
    """Per target group: the public offers meant for it, and the referrals those offers got."""
    offer_groups = defaultdict(set)
    through = Offer.target_groups.through
    public = set(offers.values_list("pk", flat=True))
    for offer_id, group_id in through.objects.values_list("offer_id", "targetgroup_id"):
        offer_groups[group_id].add(offer_id)
    referrals = list(
        Referral.objects.exclude(offer=None).values_list("offer_id", "status", "outcome")
    )
    reach = []
    for group in TargetGroup.objects.all():
        theirs = offer_groups[group.pk]
        to_them = [
            (status, outcome) for offer_id, status, outcome in referrals if offer_id in theirs
        ]
        reach.append(
            Reach(
                group,
                offers=len(theirs & public),
                referrals=len(to_them),
                helped=sum(
                    status == Referral.Status.CLOSED and outcome not in NOT_HELPED
                    for status, outcome in to_them
                ),
            )
        )
    return reach
