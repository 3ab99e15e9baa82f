from decimal import Decimal

import pytest

from omstallning.accounts.roles import (
    ASSESSOR,
    BUSINESS_OWNER,
    CASE_OFFICER,
    DECISION_MAKER,
)
from omstallning.accounts.tests.factories import UserFactory
from omstallning.funding import services

from .factories import submitted_application


@pytest.fixture
def officer(site):
    return UserFactory(roles=[CASE_OFFICER], verified=True)


@pytest.fixture
def assessor(site):
    return UserFactory(roles=[ASSESSOR], verified=True)


@pytest.fixture
def decider(site):
    return UserFactory(roles=[DECISION_MAKER], verified=True)


@pytest.fixture
def applicant(site):
    return UserFactory(roles=[BUSINESS_OWNER])


@pytest.fixture
def granted(officer, decider):
    """A submitted application, handled and granted 120 000 kr by the two fixtures' people."""
    application = submitted_application()
    for person in (officer, decider):
        services.conflict_declare(application=application, user=person, has_conflict=False)
    services.review_start(application=application, user=officer)
    services.case_recommend(
        application=application,
        user=officer,
        outcome="granted",
        amount=Decimal(120_000),
        motivation="Bra.",
    )
    services.case_decide(
        application=application,
        user=decider,
        outcome="granted",
        amount=Decimal(120_000),
        conditions="Slutrapport senast 31 december 2027.",
        motivation="Projektet minskar klimatpåverkan.",
    )
    return application
