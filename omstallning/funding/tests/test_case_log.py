"""Every step of a case is in Wagtail's log too, beside the case's own history; a draft's
steps go with the draft."""

from wagtail.log_actions import registry
from wagtail.models import ModelLogEntry

from omstallning.funding import services
from omstallning.funding.services.audit import record
from omstallning.funding.services.retention import draft_delete
from omstallning.funding.workflow import ACTION_LABELS

from .factories import ApplicationFactory, submitted_application


def test_each_case_step_is_logged_with_who_took_it(officer):
    application = submitted_application()
    services.conflict_declare(application=application, user=officer, has_conflict=False)
    services.review_start(application=application, user=officer)

    entries = list(ModelLogEntry.objects.for_instance(application).order_by("pk"))
    events = list(application.events.order_by("pk"))

    assert [(entry.action, entry.user) for entry in entries] == [
        (f"funding.case.{event.action}", event.actor) for event in events
    ]
    by_action = {entry.action: entry for entry in entries}
    assert by_action["funding.case.submit"].user == application.applicant
    assert by_action["funding.case.no_conflict_declared"].user == officer
    start = by_action["funding.case.start_review"]
    assert start.user == officer
    assert start.data == {"from_status": "submitted", "to_status": "in_review"}
    assert start.message == "Handläggning påbörjad"


def test_every_case_action_has_a_label_in_the_log():
    for action, label in ACTION_LABELS.items():
        assert registry.get_action_label(f"funding.case.{action}") == label


def test_a_deleted_draft_leaves_no_log_entry(site):
    draft = ApplicationFactory()
    record(draft, "create", draft.applicant)
    assert ModelLogEntry.objects.for_instance(draft).exists()
    draft_pk = draft.pk

    draft_delete(draft)

    assert not ModelLogEntry.objects.filter(object_id=str(draft_pk)).exists()
