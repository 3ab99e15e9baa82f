"""Consent records as proof, and their retention."""

import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from omstallning.consent.models import ConsentRecord, PageView
from omstallning.consent.services import consent_record, consent_records_purge
from omstallning.consent.state import ConsentState

from .factories import ConsentRecordFactory, PageViewFactory


def test_consent_record_stores_the_decision_and_returns_the_state(db):
    before = timezone.now()

    state = consent_record(
        previous=None, action="custom", statistics=True, third_party=False, policy_version=4
    )

    record = ConsentRecord.objects.get()
    assert record.consent_id == state.consent_id
    assert (record.action, record.statistics, record.third_party, record.policy_version) == (
        "custom",
        True,
        False,
        4,
    )
    assert before <= record.created_at <= timezone.now()
    assert state == ConsentState(
        consent_id=record.consent_id, statistics=True, third_party=False, policy_version=4
    )


def test_consent_record_keeps_the_previous_anonymous_id(db):
    previous = ConsentState(
        consent_id=uuid.uuid4(), statistics=True, third_party=True, policy_version=1
    )

    state = consent_record(
        previous=previous,
        action="necessary_only",
        statistics=False,
        third_party=False,
        policy_version=1,
    )

    assert state.consent_id == previous.consent_id
    assert ConsentRecord.objects.get().consent_id == previous.consent_id


def test_new_visitors_get_new_random_ids(db):
    ids = {
        consent_record(
            previous=None, action="accept_all", statistics=True, third_party=True, policy_version=1
        ).consent_id
        for _ in range(5)
    }

    assert len(ids) == 5
    assert all(consent_id.version == 4 for consent_id in ids)


@pytest.fixture
def records_old_and_new(db):
    now = timezone.now()
    today = timezone.localdate()
    return {
        "old_record": ConsentRecordFactory(created_at=now - timedelta(days=31)),
        "new_record": ConsentRecordFactory(created_at=now - timedelta(days=29)),
        "old_view": PageViewFactory(date=today - timedelta(days=32)),
        "new_view": PageViewFactory(date=today - timedelta(days=28)),
        "today_view": PageViewFactory(date=today),
    }


def test_purge_deletes_only_records_older_than_the_retention(records_old_and_new):
    deleted = consent_records_purge(retention_days=30)

    assert deleted == 2
    assert list(ConsentRecord.objects.all()) == [records_old_and_new["new_record"]]
    assert set(PageView.objects.all()) == {
        records_old_and_new["new_view"],
        records_old_and_new["today_view"],
    }


def test_purge_with_nothing_old_deletes_nothing(records_old_and_new):
    assert consent_records_purge(retention_days=365) == 0
    assert ConsentRecord.objects.count() == 2
    assert PageView.objects.count() == 3


def test_purge_command_queues_the_clean_up_with_the_configured_retention(
    records_old_and_new, settings, finished_tasks
):
    settings.CONSENT_RECORD_RETENTION_DAYS = 30
    out = StringIO()

    call_command("purge_consent_records", stdout=out)

    assert out.getvalue().startswith("Queued retention clean-up as task ")
    [result] = finished_tasks
    assert result.return_value == 2
    assert ConsentRecord.objects.count() == 1
    assert PageView.objects.count() == 2
