import pytest

from omstallning.accounts.roles import BUSINESS_DEVELOPER, CASE_OFFICER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.assessment.models import Framework

from .factories import OrganisationFactory


@pytest.fixture
def officer(db):
    return UserFactory(roles=[CASE_OFFICER])


@pytest.fixture
def developer(db):
    return UserFactory(roles=[BUSINESS_DEVELOPER])


@pytest.fixture
def applicant(db):
    return UserFactory()


@pytest.fixture
def company(db):
    return OrganisationFactory()


@pytest.fixture
def shipped(db):
    """The shipped frameworks by key (installed after migrate, so already in the database)."""
    return {framework.key: framework for framework in Framework.objects.all()}
