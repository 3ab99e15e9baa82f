"""A declared conflict of interest hides the case everywhere that names it, and drafts and
applicants' self-assessments are shown only to those who may see the case (finding M1)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from omstallning.accounts.roles import BUSINESS_DEVELOPER
from omstallning.accounts.tests.factories import UserFactory, verified_client
from omstallning.assessment.models import Assessment
from omstallning.assessment.tests.factories import CriterionFactory
from omstallning.funding import services
from omstallning.funding.models import Application

from .factories import ApplicationFactory, DecisionFactory, submitted_application


def start_url(application: Application) -> str:
    content_type = ContentType.objects.get_for_model(Application)
    return reverse("assessment_admin:start", args=[content_type.pk, application.pk])


@pytest.fixture
def framework(site):
    return CriterionFactory().version.framework


def conflicted(application: Application, role: str = "Bedömare"):
    person = UserFactory(roles=[role], verified=True)
    services.conflict_declare(application=application, user=person, has_conflict=True)
    return person


def test_the_assessment_start_page_is_404_in_a_conflicted_case(framework, site):
    case = submitted_application()
    person = conflicted(case, "Handläggare")
    client = verified_client(person)
    before = Assessment.objects.count()

    shown = client.get(start_url(case))
    posted = client.post(start_url(case), {"framework": framework.pk, "perspective": "staff"})

    assert shown.status_code == 404
    assert case.title not in shown.content.decode()
    assert posted.status_code == 404
    assert Assessment.objects.count() == before


def test_the_assessment_start_page_works_for_a_colleague(framework, site):
    case = submitted_application()
    colleague = UserFactory(roles=["Handläggare"], verified=True)

    page = verified_client(colleague).get(start_url(case))

    assert page.status_code == 200
    assert case.title in page.content.decode()


def test_a_draft_is_nobodys_business_but_the_applicants(framework, officer):
    draft = ApplicationFactory(title="Utkast: Solcellspark på lagertaket")

    page = verified_client(officer).get(start_url(draft))

    assert page.status_code == 404
    assert "Solcellspark" not in page.content.decode()


def test_the_service_refuses_to_assess_a_hidden_case(framework, site):
    from django.core.exceptions import PermissionDenied

    from omstallning.assessment.services import assessment_start

    case = submitted_application()
    person = conflicted(case, "Handläggare")

    with pytest.raises(PermissionDenied):
        assessment_start(subject=case, framework=framework, assessor=person)


def test_the_decision_register_hides_a_conflicted_case(granted):
    decision = granted.decision
    imported = DecisionFactory()
    person = conflicted(granted)
    client = verified_client(person)
    listing = reverse("funding_decision:index")

    index = client.get(listing).content.decode()
    searched = client.get(listing, {"q": decision.case_id}).content.decode()
    results = client.get(reverse("funding_decision:index_results"), {"q": decision.case_id})
    inspect = client.get(reverse("funding_decision:inspect", args=[decision.pk]))
    history = client.get(reverse("funding_decision:history", args=[decision.pk]))

    link = reverse("funding_decision:inspect", args=[decision.pk])
    assert f'href="{link}"' not in index
    assert f'href="{reverse("funding_decision:inspect", args=[imported.pk])}"' in index
    assert f'href="{link}"' not in searched
    assert f'href="{link}"' not in results.content.decode()
    assert inspect.status_code == 404
    assert history.status_code == 404


def test_the_decision_register_shows_the_case_to_others_without_voluntary_facts(granted):
    decision = granted.decision
    client = verified_client(UserFactory(roles=["Bedömare"]))

    index = client.get(reverse("funding_decision:index")).content.decode()
    inspect = client.get(reverse("funding_decision:inspect", args=[decision.pk]))

    assert f'href="{reverse("funding_decision:inspect", args=[decision.pk])}"' in index
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "Beviljat belopp" in html or "beviljat belopp" in html
    assert "utländsk bakgrund" not in html.lower()
    assert "organisationsnummer" not in html.lower()


def self_assessed(application: Application, framework) -> Assessment:
    """The applicant's own assessment of the application, as the applicant portal starts it."""
    return Assessment.objects.create(
        subject_type=ContentType.objects.get_for_model(Application),
        subject_id=application.pk,
        version=framework.current_version,
        perspective=Assessment.Perspective.SELF,
        assessor=application.applicant,
    )


def test_an_applicants_self_assessment_is_hidden_from_staff_without_a_funding_role(site, framework):
    assessment = self_assessed(submitted_application(), framework)
    developer = verified_client(UserFactory(roles=[BUSINESS_DEVELOPER]))
    edit = reverse("assessment_admin:edit", args=[assessment.pk])

    denied = developer.get(edit)
    listing = developer.get(reverse("assessment_admin:index")).content.decode()

    # Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard.
    assert (denied.status_code, denied.url) == (302, "/admin/")
    assert f'href="{edit}"' not in listing


def test_a_self_assessment_is_shown_to_case_staff_once_the_case_is_submitted(
    site, framework, officer
):
    draft_assessment = self_assessed(ApplicationFactory(), framework)
    case_assessment = self_assessed(submitted_application(), framework)
    client = verified_client(officer)
    draft_edit = reverse("assessment_admin:edit", args=[draft_assessment.pk])
    case_edit = reverse("assessment_admin:edit", args=[case_assessment.pk])

    assert client.get(draft_edit).status_code == 302
    assert client.get(case_edit).status_code == 200
    listing = client.get(reverse("assessment_admin:index")).content.decode()
    assert f'href="{case_edit}"' in listing
    assert f'href="{draft_edit}"' not in listing
