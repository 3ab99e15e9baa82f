"""Factories for the strategy app: a strategy version with focus areas, goals with indicators
and their yearly values, initiatives with status reports, their Agenda 2030 assessments, and
the page that shows the strategy in public.

    goal = StrategyGoalFactory(focus_area__strategy__adopted=True, impacts={13: "positive"})
    InitiativeFactory(strategy=goal.strategy, goals=[goal], impacts={15: "negative"})
    StrategyPageFactory(strategy=goal.strategy, slug="affarsplan")
"""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone
from django.utils.text import slugify

from omstallning.assessment.impact import Relevance
from omstallning.assessment.models import Answer, Assessment, Framework
from omstallning.assessment.services import assessment_start, store_results
from omstallning.core.tests.factories import PublishedPageFactory
from omstallning.strategy.models import (
    FocusArea,
    Indicator,
    IndicatorValue,
    Initiative,
    InitiativeStatus,
    InitiativeUpdate,
    Strategy,
    StrategyGoal,
    StrategyPage,
)


def assess(subject, impacts: dict[int, str]) -> Assessment:
    """A submitted Agenda 2030 assessment of a goal or an initiative: the SDGs in `impacts`
    ({13: "positive", 15: "negative"}) have that impact, every other SDG is not relevant."""
    framework = Framework.objects.get(key="agenda-2030")  # shipped: installed after migrate
    assessment = assessment_start(subject=subject, framework=framework, assessor=AnonymousUser())
    for criterion in assessment.version.criteria.prefetch_related("sdg_goals", "options"):
        number = next((goal.number for goal in criterion.sdg_goals.all()), None)
        impact = impacts.get(number)
        option = next((o for o in criterion.options.all() if o.impact == impact), None)
        if impact is not None and option is None:
            raise ValueError(f"The framework has no option with the impact {impact!r}")
        Answer.objects.create(
            assessment=assessment,
            criterion=criterion,
            option=option,
            relevance=Relevance.DIRECT if option else Relevance.NOT_RELEVANT,
            motivation="Bedömt i testet." if option else "Inte relevant.",
        )
    store_results(assessment)
    assessment.status = Assessment.Status.SUBMITTED
    assessment.submitted_at = timezone.now()
    assessment.save(update_fields=["status", "submitted_at"])
    return assessment


def _assessed(obj, create, impacts, **kwargs):
    """Post-generation `impacts={sdg: impact}`: the object gets a submitted assessment."""
    if create and impacts:
        assess(obj, impacts)


class StrategyFactory(factory.django.DjangoModelFactory):
    """A draft version of a strategy; StrategyFactory(adopted=True) as the committee adopts it."""

    class Meta:
        model = Strategy

    class Params:
        adopted = factory.Trait(
            status=Strategy.Status.ADOPTED,
            adopted_on=datetime.date(2023, 3, 14),
            adopted_by="regionala utvecklingsnämnden",
        )

    name = factory.Sequence(lambda n: f"Teststrategi {n}")
    slug = factory.LazyAttribute(lambda strategy: slugify(strategy.name))
    period_start = 2023
    period_end = 2030
    summary = "Länets näringslivsstrategi i testet."


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    strategy = factory.SubFactory(StrategyFactory)
    name = factory.Sequence(lambda n: f"Fokusområde {n}")
    description = ""
    sort_order = factory.Sequence(lambda n: n)


class StrategyGoalFactory(factory.django.DjangoModelFactory):
    """A goal; impacts={sdg: impact} gives it a submitted Agenda 2030 assessment."""

    class Meta:
        model = StrategyGoal
        skip_postgeneration_save = True

    focus_area = factory.SubFactory(FocusAreaFactory)
    code = factory.Sequence(lambda n: f"{n + 1}.1")
    title = factory.Sequence(lambda n: f"Mål {n} i strategin")
    impacts = factory.PostGeneration(_assessed)


class IndicatorFactory(factory.django.DjangoModelFactory):
    """An indicator; values={year: value} gives it measured values."""

    class Meta:
        model = Indicator
        skip_postgeneration_save = True

    goal = factory.SubFactory(StrategyGoalFactory)
    name = factory.Sequence(lambda n: f"Indikator {n}")
    unit = "%"
    baseline_value = Decimal(20)
    baseline_year = 2022
    target_value = Decimal(40)
    target_year = factory.SelfAttribute("goal.focus_area.strategy.period_end")
    source = "SCB"
    direction = Indicator.Direction.INCREASE

    @factory.post_generation
    def values(self, create, extracted, **kwargs):
        if create and extracted:
            for year, value in extracted.items():
                IndicatorValueFactory(indicator=self, year=year, value=Decimal(value))


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = factory.Sequence(lambda n: 2023 + n % 8)
    value = Decimal(25)


class InitiativeFactory(factory.django.DjangoModelFactory):
    """An initiative; goals=[…] are the goals it serves (of its strategy), impacts={sdg:
    impact} gives it a submitted Agenda 2030 assessment."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    strategy = factory.SubFactory(StrategyFactory)
    code = factory.Sequence(lambda n: f"T{n}")
    title = factory.Sequence(lambda n: f"Insats {n}")
    responsible = "Region Testlän"
    start_year = 2024
    end_year = 2027
    budget = Decimal(1_000_000)
    status = InitiativeStatus.ONGOING
    progress = 50

    @factory.post_generation
    def goals(self, create, extracted, **kwargs):
        if create and extracted:
            self.goals.set(extracted)
            self.save()  # a ParentalManyToManyField is written on save

    impacts = factory.PostGeneration(_assessed)


class InitiativeUpdateFactory(factory.django.DjangoModelFactory):
    """A status report as it is stored; it leaves the initiative's current state alone (the
    service initiative_status_update sets that)."""

    class Meta:
        model = InitiativeUpdate

    initiative = factory.SubFactory(InitiativeFactory)
    reported_on = factory.LazyFunction(timezone.localdate)
    status = factory.SelfAttribute("initiative.status")
    progress = factory.SelfAttribute("initiative.progress")
    comment = "Enligt plan."


class StrategyPageFactory(PublishedPageFactory):
    """The public page of a strategy, published under the Swedish home page. Without
    `strategy` it shows a new adopted one."""

    class Meta:
        model = StrategyPage

    strategy = factory.SubFactory(StrategyFactory, adopted=True)
    title = factory.SelfAttribute("strategy.name")
    slug = factory.Sequence(lambda n: f"strategi-{n}")
    intro = "Näringslivsstrategin som data."
