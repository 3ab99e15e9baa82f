"""The demo content, loaded once per worker for the smoke tests in this folder only.

The load runs inside a transaction that is rolled back when the worker leaves this folder,
so the tests elsewhere never see the demo; each test here runs in a savepoint inside it.
"""

from dataclasses import dataclass

import pytest
from django.db import transaction


@dataclass(frozen=True)
class DemoLoad:
    """What the first demo_content_load() in this test database returned, and what it made."""

    first_call: bool
    counts: dict[str, int]


def demo_counts() -> dict[str, int]:
    from django.contrib.auth.models import Group
    from wagtail.models import Page, Revision, Site

    from omstallning.core.models import (
        ContactPerson,
        FocusAreaContact,
        LongTermGoal,
        Municipality,
        Organisation,
        Region,
    )

    models = [
        Page,
        Revision,
        Site,
        Region,
        Municipality,
        Organisation,
        ContactPerson,
        LongTermGoal,
        FocusAreaContact,
        Group,
    ]
    return {model.__name__: model.objects.count() for model in models}


def _as_freshly_migrated() -> None:
    """Take the other tests' home pages away again, back to what the migrations leave:
    Wagtail's welcome page as the default site's root. The demo is loaded on that."""
    from wagtail.models import Page

    from omstallning.core.tests.factories import site_skeleton

    skeleton = site_skeleton()
    welcome = Page.get_first_root_node().add_child(
        instance=Page(title="Welcome to your new Wagtail site!", slug="welcome")
    )
    skeleton.site.root_page = welcome
    skeleton.site.save()
    skeleton.home_en.delete()
    skeleton.home.delete()


@pytest.fixture(scope="package")
def _demo_loaded(_site_skeleton, django_db_blocker):
    from omstallning.demo.load import demo_content_load

    with django_db_blocker.unblock(), transaction.atomic():
        _as_freshly_migrated()
        first_call = demo_content_load(with_users=False)
        yield DemoLoad(first_call=first_call, counts=demo_counts())
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db) -> DemoLoad:
    """The demo site: region, municipalities, pages in Swedish and English (no demo users)."""
    return _demo_loaded


@pytest.fixture
def count_demo_content():
    """A function that counts the rows the demo load creates, per model."""
    return demo_counts
