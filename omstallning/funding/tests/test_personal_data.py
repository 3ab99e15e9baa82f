"""An applicant's copy of their data, and closing their account: drafts go, a submitted case
stays (the region must keep it) with the name and address it was sent in under."""

import json

from django.contrib.auth import get_user_model
from django.core import mail

from omstallning.accounts.tests.factories import PASSWORD
from omstallning.funding.models import ApplicantOrganisation, Application

from .factories import ApplicationFactory, submitted_application


def test_the_copy_holds_the_applications_and_the_organisation(site, client):
    case = submitted_application()
    client.force_login(case.applicant)

    data = json.loads(client.get("/konto/mina-uppgifter.json").content)

    (application,) = data["funding"]["applications"]
    assert application["reference"] == case.reference
    assert application["title"] == case.title
    assert application["budget"] and application["attachments"]
    assert data["funding"]["organisations"][0]["organisation_number"] == (
        case.organisation.organisation_number
    )


def test_closing_keeps_the_case_and_says_so(site, client):
    case = submitted_application()
    applicant = case.applicant
    draft = ApplicationFactory(organisation=case.organisation, applicant=applicant)
    name, email = applicant.get_full_name(), applicant.email
    client.force_login(applicant)

    page = client.get("/konto/stang-kontot/").content.decode()
    assert case.reference in page and "arkivlagen" in page

    closed = client.post("/konto/stang-kontot/", {"password": PASSWORD, "understood": "on"})

    assert case.reference in closed.content.decode()
    assert not get_user_model().objects.filter(pk=applicant.pk).exists()
    assert not Application.objects.filter(pk=draft.pk).exists()
    case.refresh_from_db()
    assert case.applicant is None
    assert (case.applicant_name, case.applicant_email) == (name, email)
    assert case.applicant_address == email
    organisation = ApplicantOrganisation.objects.get(pk=case.organisation_id)
    assert organisation.owner is None


def test_mail_about_a_kept_case_still_reaches_the_applicant(
    site, client, officer, decider, django_capture_on_commit_callbacks
):
    from decimal import Decimal

    from omstallning.funding import services

    case = submitted_application()
    client.force_login(case.applicant)
    client.post("/konto/stang-kontot/", {"password": PASSWORD, "understood": "on"})
    case.refresh_from_db()
    for person in (officer, decider):
        services.conflict_declare(application=case, user=person, has_conflict=False)
    services.review_start(application=case, user=officer)
    services.case_recommend(
        application=case, user=officer, outcome="rejected", amount=None, motivation="Nej."
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.case_decide(
            application=case,
            user=decider,
            outcome="rejected",
            amount=Decimal(0),
            conditions="",
            motivation="Utanför utlysningen.",
        )

    assert [m.to for m in mail.outbox] == [[case.applicant_email]]
