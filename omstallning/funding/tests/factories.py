from datetime import timedelta
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from omstallning.accounts.roles import BUSINESS_OWNER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.core.models import Municipality
from omstallning.core.organisation_numbers import with_check_digit
from omstallning.core.tests.factories import MunicipalityFactory, PublishedPageFactory
from omstallning.funding import services
from omstallning.funding.models import (
    ApplicantOrganisation,
    Application,
    AttachmentRequirement,
    Call,
    Decision,
    FundingIndexPage,
    Programme,
    SelectionCriterion,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name: str = "budget.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def a_municipality() -> Municipality:
    """A municipality of the region: the first one there is, or a new test one."""
    return Municipality.objects.order_by("code").first() or MunicipalityFactory()


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ["code"]

    name = factory.Sequence(lambda n: f"Testprogram {n}")
    code = factory.Sequence(lambda n: f"program-{n}")
    kind = Programme.Kind.BUSINESS_SUPPORT
    money_source = Programme.MoneySource.APPROPRIATION_1_1
    max_support_share = 50


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Utlysning {n}")
    summary = "Stöd till investeringar som minskar klimatpåverkan."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    max_amount = Decimal(500_000)

    @factory.post_generation
    def with_requirements(self, create, extracted, **kwargs):
        if create and extracted is not False:
            AttachmentRequirement.objects.create(call=self, kind="budget", required=True)
            SelectionCriterion.objects.create(call=self, name="Hållbarhet", weight=3)
            SelectionCriterion.objects.create(call=self, name="Genomförbarhet", weight=1)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicantOrganisation

    owner = factory.SubFactory(UserFactory, roles=[BUSINESS_OWNER])
    name = factory.Sequence(lambda n: f"Sökande {n} AB")
    organisation_number = factory.Sequence(lambda n: with_check_digit(f"556{n % 1_000_000:06d}"))
    company_size = "small"
    sni_code = "25110"
    municipality = factory.LazyFunction(a_municipality)
    women_owner_share = 70
    ceo_gender = "woman"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    call = factory.SubFactory(CallFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    applicant = factory.LazyAttribute(lambda application: application.organisation.owner)
    title = factory.Sequence(lambda n: f"Solceller på taket {n}")


def complete_content(**changes) -> services.ApplicationContent:
    values = {
        "title": "Solceller och batterilager",
        "description": "Vi bygger solceller på verkstadens tak.",
        "goals": "Halvera elinköpen.",
        "activities": "Upphandling, installation, uppföljning.",
        "time_plan": "Våren: upphandling. Hösten: installation.",
        "starts_on": timezone.localdate() + timedelta(days=30),
        "ends_on": timezone.localdate() + timedelta(days=300),
        "co_financing": Decimal(200_000),
        "amount_applied": Decimal(200_000),
        "budget_lines": [
            services.BudgetLineInput("investments", Decimal(350_000), "Solceller"),
            services.BudgetLineInput("services", Decimal(50_000), "Installation"),
        ],
    }
    values.update(changes)
    return services.ApplicationContent(**values)


def submitted_application(**kwargs) -> Application:
    """An application filled in completely and submitted by its applicant."""
    application = ApplicationFactory(**kwargs)
    user = application.applicant
    services.application_save(application=application, user=user, content=complete_content())
    services.attachment_add(application=application, user=user, kind="budget", upload=pdf_upload())
    return services.application_submit(application=application, user=user)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    case_id = factory.Sequence(lambda n: f"IMP-{n:06d}")
    source = Decision.Source.IMPORTED
    programme = factory.SubFactory(ProgrammeFactory)
    decided_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=30))
    outcome = "granted"
    amount_applied = Decimal(100_000)
    amount_granted = Decimal(80_000)
    organisation_number = factory.Sequence(lambda n: with_check_digit(f"556{n % 1_000_000:06d}"))
    municipality_code = "1980"
    sni_code = "25110"
    sni_section = "C"
    company_size = "small"
    women_owner_share = None


class FundingIndexPageFactory(PublishedPageFactory):
    """The public page about funding (/finansiering/), which lists the open calls."""

    class Meta:
        model = FundingIndexPage

    title = "Stöd och finansiering"
    slug = "finansiering"
    intro = "Öppna utlysningar, dina ansökningar och statistik om vem som får stöd."
