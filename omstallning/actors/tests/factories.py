"""Factories for the support finder: actors, offers and the finder's page at /hitta-stod/.

Stages, target groups and languages come from the migrations, as do the knowledge bank's
sizes, sectors and themes; the helpers look them up by the codes an address uses and fail on
a code that names nothing (knowledge.tests.factories.rows_named).
"""

import datetime

import factory
from django.utils import timezone

from omstallning.actors.models import (
    Actor,
    CompanyStage,
    Offer,
    OfferLanguage,
    Referral,
    ReferralStep,
    SupportFinderPage,
    SupportType,
    TargetGroup,
)
from omstallning.core.tests.factories import PublishedPageFactory, site_skeleton
from omstallning.knowledge.tests.factories import rows_named

SLUG = "hitta-stod"


class SupportFinderPageFactory(PublishedPageFactory):
    class Meta:
        model = SupportFinderPage

    title = "Hitta stöd"
    slug = SLUG
    intro = "Svara på några frågor om ditt företag, så visar vi stödet som passar."
    show_in_menus = True


def support_finder() -> SupportFinderPage:
    """The site's Hitta stöd at /hitta-stod/, made the first time it is asked for."""
    home = site_skeleton().home
    existing = SupportFinderPage.objects.child_of(home).filter(slug=SLUG).first()
    return existing or SupportFinderPageFactory(parent=home)


class ActorFactory(factory.django.DjangoModelFactory):
    """An approved actor; status=Actor.Status.PENDING for one that waits for the region."""

    class Meta:
        model = Actor
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Testaktör {n}")
    slug = factory.Sequence(lambda n: f"testaktor-{n}")
    kind = Actor.Kind.REGIONAL
    description_sv = "En aktör som hjälper företag i länet."
    status = Actor.Status.APPROVED

    @factory.post_generation
    def editors(self, create, extracted, **kwargs):
        if create and extracted:
            self.editors.add(*extracted)


class OfferFactory(factory.django.DjangoModelFactory):
    """An active offer, open to every company unless told otherwise:
    OfferFactory(stages=stages("nystartat"), company_sizes=sizes("mikro"), …)."""

    class Meta:
        model = Offer
        skip_postgeneration_save = True

    actor = factory.SubFactory(ActorFactory)
    name_sv = factory.Sequence(lambda n: f"Erbjudande {n}")
    slug = factory.Sequence(lambda n: f"erbjudande-{n}")
    summary_sv = "Stöd till företag som vill ställa om."
    support_type = SupportType.ADVICE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        many = {
            name: kwargs.pop(name)
            for name in [
                "stages",
                "company_sizes",
                "sectors",
                "municipalities",
                "target_groups",
                "themes",
                "sdg_goals",
                "dimensions",
                "languages",
            ]
            if name in kwargs
        }
        offer = super()._create(model_class, *args, **kwargs)
        for name, rows in many.items():
            getattr(offer, name).set(rows)
        return offer


def stages(*slugs: str) -> list[CompanyStage]:
    return rows_named(CompanyStage, "slug", slugs)


def target_groups(*slugs: str) -> list[TargetGroup]:
    return rows_named(TargetGroup, "slug", slugs)


def languages(*codes: str) -> list[OfferLanguage]:
    return rows_named(OfferLanguage, "slug", codes)


class ReferralFactory(factory.django.DjangoModelFactory):
    """A referral just sent, with its first step: ReferralFactory(offer=…, status=…)."""

    class Meta:
        model = Referral
        skip_postgeneration_save = True

    offer = factory.SubFactory(OfferFactory)
    offer_name = factory.LazyAttribute(lambda referral: referral.offer.name_sv)
    actor = factory.LazyAttribute(lambda referral: referral.offer.actor)
    need = "Vi vill minska vår energianvändning och behöver råd om var vi ska börja."
    company_name = factory.Sequence(lambda n: f"Testföretaget {n} AB")
    contact_name = "Kim Företagare"
    email = factory.Sequence(lambda n: f"foretag{n}@example.se")
    consented_at = factory.LazyFunction(timezone.now)
    consent_text = "Jag samtycker till att uppgifterna skickas till aktören."
    answer_by = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))

    @factory.post_generation
    def first_step(self, create, extracted, **kwargs):
        if create:
            ReferralStep.objects.create(
                referral=self, kind=ReferralStep.Kind.SENT, actor=self.actor, at=self.consented_at
            )
