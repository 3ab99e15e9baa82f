"""Fixtures for the strategy tests: the demo's adopted strategy and a Näringslivsutvecklare."""

import pytest

from omstallning.accounts.roles import BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.strategy.models import Strategy


@pytest.fixture
def strategy(demo) -> Strategy:
    return Strategy.objects.get(slug="affarsplan-vastmanland")


@pytest.fixture
def developer(demo):
    return UserFactory(roles=[BUSINESS_DEVELOPER])
