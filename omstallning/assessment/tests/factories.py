"""Factories for frameworks and assessments. Assessments are of organisations here: the engine
takes any model, and organisations are the simplest one at hand."""

from decimal import Decimal

import factory
from django.utils import timezone

from omstallning.assessment.impact import Impact
from omstallning.assessment.models import AnswerOption, Criterion, Framework, FrameworkVersion
from omstallning.core.tests.factories import OrganisationFactory

__all__ = ["CriterionFactory", "FrameworkFactory", "OrganisationFactory", "VersionFactory"]


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    key = factory.Sequence(lambda n: f"testramverk-{n}")
    name_sv = factory.Sequence(lambda n: f"Testramverk {n}")


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FrameworkVersion

    framework = factory.SubFactory(FrameworkFactory)
    number = factory.Sequence(lambda n: n + 1)
    published_at = factory.LazyFunction(timezone.now)


class CriterionFactory(factory.django.DjangoModelFactory):
    """A criterion with a three-step scale: bra (positive), neutral (none), dåligt (negative)."""

    class Meta:
        model = Criterion
        skip_postgeneration_save = True

    version = factory.SubFactory(VersionFactory)
    key = factory.Sequence(lambda n: f"kriterium-{n}")
    question_sv = factory.Sequence(lambda n: f"Fråga {n}?")

    @factory.post_generation
    def options(self, create, extracted, **kwargs):
        if not create:
            return
        for position, (label, value, impact) in enumerate(
            extracted
            or [
                ("Bra", 2, Impact.POSITIVE),
                ("Neutral", 1, Impact.NONE),
                ("Dåligt", 0, Impact.NEGATIVE),
            ]
        ):
            AnswerOption.objects.create(
                criterion=self,
                sort_order=position,
                label_sv=label,
                value=Decimal(value),
                impact=impact,
            )
