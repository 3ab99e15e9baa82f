import pytest

from omstallning.accounts.roles import (
    ASSESSOR,
    BUSINESS_OWNER,
    CASE_OFFICER,
    DECISION_MAKER,
)
from omstallning.accounts.tests.factories import UserFactory


@pytest.fixture
def officer(demo):
    return UserFactory(roles=[CASE_OFFICER])


@pytest.fixture
def assessor(demo):
    return UserFactory(roles=[ASSESSOR])


@pytest.fixture
def decider(demo):
    return UserFactory(roles=[DECISION_MAKER])


@pytest.fixture
def applicant(demo):
    return UserFactory(roles=[BUSINESS_OWNER])
