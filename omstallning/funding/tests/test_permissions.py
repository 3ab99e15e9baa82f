"""Who sees what: by URL, by file link, by API and in the admin, both ways."""

import pytest
from django.urls import reverse

from omstallning.accounts.roles import EDITOR
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.accounts.tests.refusals import assert_not_permitted
from omstallning.assessment.tests.factories import CriterionFactory
from omstallning.funding import services

from .factories import ApplicationFactory, submitted_application


@pytest.fixture
def case(site):
    return submitted_application()


def test_the_applicant_sees_their_application_and_its_files(case, client):
    client.force_login(case.applicant)
    attachment = case.attachments.get()

    page = client.get(reverse("funding:application", args=[case.pk]))
    download = client.get(reverse("funding:attachment", args=[case.pk, attachment.pk]))

    assert page.status_code == 200
    assert case.reference in page.content.decode()
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert download["Content-Disposition"].startswith("attachment")


def test_another_applicant_gets_404_for_the_application_and_its_files(case, applicant, client):
    client.force_login(applicant)
    attachment = case.attachments.get()

    assert client.get(reverse("funding:application", args=[case.pk])).status_code == 404
    assert (
        client.get(reverse("funding:attachment", args=[case.pk, attachment.pk])).status_code == 404
    )
    listing = client.get(reverse("funding:applications"))
    assert case.title not in listing.content.decode()


def test_an_anonymous_visitor_is_sent_to_log_in_and_gets_no_file(case, client):
    attachment = case.attachments.get()

    page = client.get(reverse("funding:application", args=[case.pk]))

    assert page.status_code == 302
    assert (
        client.get(reverse("funding:attachment", args=[case.pk, attachment.pk])).status_code == 404
    )


def test_a_file_cannot_be_fetched_through_another_application(case, site):
    other = submitted_application()
    client = verified_client(other.applicant)
    attachment = case.attachments.get()

    response = client.get(reverse("funding:attachment", args=[other.pk, attachment.pk]))

    assert response.status_code == 404


def test_a_draft_is_not_shown_to_staff(officer):
    draft = ApplicationFactory()
    client = verified_client(officer)

    assert client.get(reverse("funding_cases:detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("funding:application", args=[draft.pk])).status_code == 404


def test_a_conflicted_assessor_cannot_see_the_case_or_its_files(case, assessor):
    client = verified_client(assessor)
    detail = reverse("funding_cases:detail", args=[case.pk])
    assert client.get(detail).status_code == 200

    response = client.post(detail, {"action": "declare", "has_conflict": "yes"})

    assert response.status_code == 302
    assert client.get(detail).status_code == 404
    attachment = case.attachments.get()
    assert (
        client.get(reverse("funding:attachment", args=[case.pk, attachment.pk])).status_code == 404
    )
    queue = client.get(reverse("funding_cases:index"))
    assert case.reference not in queue.content.decode()


def test_the_assessment_is_shown_only_after_a_declaration_of_no_conflict(case, officer):
    client = verified_client(officer)
    detail = reverse("funding_cases:detail", args=[case.pk])
    assert "Hållbarhetsbedömningar" not in client.get(detail).content.decode()

    client.post(detail, {"action": "declare", "has_conflict": "no"})

    page = client.get(detail).content.decode()
    assert "Hållbarhetsbedömningar" in page
    assert "Påbörja handläggning" in page


def test_a_case_officer_is_offered_no_decision_and_cannot_post_one(case, officer):
    client = verified_client(officer)
    detail = reverse("funding_cases:detail", args=[case.pk])
    client.post(detail, {"action": "declare", "has_conflict": "no"})
    services.review_start(application=case, user=officer)
    services.case_recommend(
        application=case, user=officer, outcome="rejected", amount=None, motivation="Nej."
    )

    assert "Avslå</button>" not in client.get(detail).content.decode()
    client.post(detail, {"action": "reject", "reason": "Nej."})

    case.refresh_from_db()
    assert case.status == "recommended"


def test_people_without_a_funding_role_cannot_open_the_queue(site):
    editor = UserFactory(roles=[EDITOR])
    client = verified_client(editor)

    assert_not_permitted(client.get(reverse("funding_cases:index")))


def test_a_conflicted_assessor_cannot_open_the_assessment_in_the_assessment_views(case, officer):
    framework = CriterionFactory().version.framework
    services.conflict_declare(application=case, user=officer, has_conflict=False)
    services.review_start(application=case, user=officer)
    assessment = services.officer_assessment_start(
        application=case, user=officer, framework=framework
    )
    colleague = UserFactory(roles=["Bedömare"])
    client = verified_client(colleague)
    edit = reverse("assessment_admin:edit", args=[assessment.pk])
    assert client.get(edit).status_code == 200
    assert f'href="{edit}"' in client.get(reverse("assessment_admin:index")).content.decode()

    services.conflict_declare(application=case, user=colleague, has_conflict=True)

    denied = client.get(edit)
    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
    assert (denied.status_code, denied.url) == (302, "/admin/")
    listing = client.get(reverse("assessment_admin:index")).content.decode()
    assert f'href="{edit}"' not in listing


def test_the_api_offers_no_way_to_an_application_and_no_identifying_data(case, client):
    schema = client.get("/api/v1/openapi.json").json()
    statistics = client.get("/api/v1/funding/statistics").content.decode()

    assert not [path for path in schema["paths"] if "application" in path or "ansok" in path]
    assert case.organisation.organisation_number not in statistics
    assert case.reference not in statistics
    assert case.title not in statistics
