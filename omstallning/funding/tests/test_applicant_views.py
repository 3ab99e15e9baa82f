"""The applicant's pages over HTTP: organisation, draft with autosave, attachments, submit,
completion, payment, final report and the decision letter."""

from decimal import Decimal

import pypdfium2
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omstallning.funding import services
from omstallning.funding.forms import OrganisationForm
from omstallning.funding.models import ApplicantOrganisation, Application, Status

from .factories import (
    ApplicationFactory,
    CallFactory,
    OrganisationFactory,
    a_municipality,
    pdf_upload,
)
from .test_case_workflow import declare


def organisation_data(**changes) -> dict:
    data = {
        "name": "Verkstaden i Sala AB",
        "organisation_number": "556036-0793",
        "company_size": "small",
        "sni_code": "25.110",
        "municipality": a_municipality().pk,
        "women_owner_share": "55",
        "ceo_gender": "woman",
    }
    data.update(changes)
    return data


def draft_data(**changes) -> dict:
    data = {
        "title": "Solceller på verkstaden",
        "description": "Vi sätter solceller på taket.",
        "goals": "Halvera elinköpen.",
        "activities": "Upphandling och installation.",
        "time_plan": "Våren 2027.",
        "starts_on": "2027-03-01",
        "ends_on": "2027-09-30",
        "amount_applied": "150 000",
        "co_financing": "250000",
        "budget-TOTAL_FORMS": "2",
        "budget-INITIAL_FORMS": "0",
        "budget-MIN_NUM_FORMS": "0",
        "budget-MAX_NUM_FORMS": "30",
        "budget-0-category": "investments",
        "budget-0-description": "Solceller",
        "budget-0-amount": "400000",
        "budget-1-category": "",
        "budget-1-amount": "",
    }
    data.update(changes)
    return data


def test_an_organisation_number_with_a_wrong_check_digit_gets_a_swedish_message(client, applicant):
    client.force_login(applicant)

    response = client.post(
        reverse("funding:organisation_new"), organisation_data(organisation_number="556036-0794")
    )

    assert response.status_code == 200
    assert "kontrollsiffran är fel" in response.content.decode()
    assert not ApplicantOrganisation.objects.filter(owner=applicant).exists()


def test_voluntary_facts_are_kept_only_with_consent(client, applicant):
    client.force_login(applicant)
    url = reverse("funding:organisation_new")

    refused = client.post(url, organisation_data(foreign_background="yes"))
    saved = client.post(
        url,
        organisation_data(
            foreign_background="yes", voluntary_consent="on", owner_age_group="30_49"
        ),
    )

    assert "Kryssa i samtycket" in refused.content.decode()
    assert saved.status_code == 302
    organisation = ApplicantOrganisation.objects.get(owner=applicant)
    assert (organisation.foreign_background, organisation.sni_code) == ("yes", "25110")
    assert organisation.voluntary_facts_consent_at is not None
    # Taking the consent back erases the voluntary facts at once.
    client.post(reverse("funding:organisation", args=[organisation.pk]), organisation_data())
    organisation.refresh_from_db()
    assert (organisation.foreign_background, organisation.owner_age_group) == ("", "")
    assert organisation.voluntary_facts_consent_at is None


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    number=st.text(max_size=20),
    sni=st.text(max_size=8),
    share=st.one_of(st.text(max_size=5), st.integers(-5, 200).map(str)),
)
def test_the_organisation_form_never_crashes_on_any_input(site, number, sni, share):
    form = OrganisationForm(
        organisation_data(organisation_number=number, sni_code=sni, women_owner_share=share)
    )
    if form.is_valid():
        assert len(form.cleaned_data["organisation_number"]) == 11
        assert 0 <= form.cleaned_data["women_owner_share"] <= 100


def test_apply_autosave_attach_and_submit(client, applicant, django_capture_on_commit_callbacks):
    call = CallFactory()
    organisation = OrganisationFactory(owner=applicant)
    client.force_login(applicant)
    start = client.post(
        reverse("funding:apply", args=[call.pk]),
        {"organisation": organisation.pk, "title": "Solceller"},
    )
    application = Application.objects.get(applicant=applicant)
    url = reverse("funding:application", args=[application.pk])
    assert start.url == url

    autosaved = client.post(url, {**draft_data(), "autosave": "1"}, headers={"HX-Request": "true"})

    assert "sparades automatiskt" in autosaved.content.decode()
    application.refresh_from_db()
    assert application.amount_applied == Decimal(150_000)
    assert [line.amount for line in application.budget_lines.all()] == [Decimal(400_000)]

    refused = client.post(url, {**draft_data(), "action": "submit"})
    assert refused.status_code == 422
    assert "Bilaga saknas: Budget." in refused.content.decode()

    bad_file = client.post(
        url,
        {
            **draft_data(activities="Skrivet precis innan uppladdningen."),
            "action": "upload",
            "kind": "budget",
            "file": SimpleUploadedFile("budget.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )
    assert "inte en riktig PDF-fil" in bad_file.content.decode()
    application.refresh_from_db()
    # The upload saved what was typed first, though the file was refused.
    assert application.activities == "Skrivet precis innan uppladdningen."
    client.post(url, {**draft_data(), "action": "upload", "kind": "budget", "file": pdf_upload()})
    with django_capture_on_commit_callbacks(execute=True):
        submitted = client.post(url, {**draft_data(), "action": "submit"})

    application.refresh_from_db()
    assert submitted.status_code == 302
    assert application.status == Status.SUBMITTED
    assert mail.outbox[-1].to == [applicant.email]
    page = client.get(url).content.decode()
    assert application.reference in page
    assert "Skicka in ansökan" not in page


def test_withdrawing_asks_first(client, applicant, site):
    from .factories import submitted_application

    application = submitted_application(organisation__owner=applicant, applicant=applicant)
    client.force_login(applicant)
    url = reverse("funding:withdraw", args=[application.pk])

    unconfirmed = client.post(url, {"reason": "Vi väntar ett år."})
    application.refresh_from_db()
    assert unconfirmed.status_code == 422
    assert application.status == Status.SUBMITTED

    client.post(url, {"confirm": "on", "reason": "Vi väntar ett år."})
    application.refresh_from_db()
    assert application.status == Status.WITHDRAWN
    assert application.events.get(action="withdraw").reason == "Vi väntar ett år."


def test_removing_an_attachment_keeps_what_was_typed(client, applicant):
    application = ApplicationFactory(organisation__owner=applicant, applicant=applicant)
    attachment = services.attachment_add(
        application=application, user=applicant, kind="budget", upload=pdf_upload()
    )
    client.force_login(applicant)

    client.post(
        reverse("funding:application", args=[application.pk]),
        {**draft_data(goals="Nytt mål."), "action": f"delete:{attachment.pk}"},
    )

    application.refresh_from_db()
    assert application.goals == "Nytt mål."
    assert not application.attachments.exists()


def test_a_bad_amount_is_explained_and_the_rest_of_the_draft_stays(client, applicant):
    application = ApplicationFactory(organisation__owner=applicant, applicant=applicant)
    client.force_login(applicant)
    url = reverse("funding:application", args=[application.pk])
    client.post(url, {**draft_data(), "action": "save"})

    response = client.post(url, {**draft_data(amount_applied="många pengar"), "action": "save"})

    assert response.status_code == 422
    assert "Skriv beloppet i hela kronor" in response.content.decode()
    assert "många pengar" in response.content.decode()
    application.refresh_from_db()
    assert application.amount_applied == Decimal(150_000)


def test_completion_is_answered_on_the_page(client, officer, django_capture_on_commit_callbacks):
    from .factories import submitted_application

    application = submitted_application()
    declare(application, officer)
    services.review_start(application=application, user=officer)
    services.completion_request(application=application, user=officer, message="Skicka offerten.")
    client.force_login(application.applicant)
    url = reverse("funding:application", args=[application.pk])
    assert "Skicka offerten." in client.get(url).content.decode()

    empty = client.post(reverse("funding:completion_answer", args=[application.pk]), {"answer": ""})
    assert empty.status_code == 422
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("funding:completion_answer", args=[application.pk]),
            {"answer": "Offerten bifogas.", "kind": "quote", "file": pdf_upload("offert.pdf")},
        )

    application.refresh_from_db()
    assert application.status == Status.IN_REVIEW
    assert application.attachments.filter(kind="quote").exists()
    assert mail.outbox[-1].to == [officer.email]


def test_the_decision_letter_is_a_pdf_with_the_decision(client, granted):
    client.force_login(granted.applicant)

    response = client.get(reverse("funding:decision_letter", args=[granted.pk]))

    assert response["Content-Type"] == "application/pdf"
    document = pypdfium2.PdfDocument(response.content)
    text = "".join(page.get_textpage().get_text_range() for page in document)
    assert granted.reference in text
    assert "120 000 kr" in text.replace("\xa0", " ")
    assert "Slutrapport senast 31 december 2027." in text
    assert granted.organisation.organisation_number in text


def test_someone_else_cannot_read_the_decision_letter(client, granted, applicant):
    client.force_login(applicant)

    assert client.get(reverse("funding:decision_letter", args=[granted.pk])).status_code == 404


def test_payment_and_final_report_from_the_page(client, granted):
    client.force_login(granted.applicant)
    too_much = client.post(
        reverse("funding:payment_request", args=[granted.pk]),
        {"amount": "200000", "costs_reported": "300000"},
    )
    assert "högst det beviljade beloppet" in too_much.content.decode()

    client.post(
        reverse("funding:payment_request", args=[granted.pk]),
        {"amount": "60000", "costs_reported": "150000"},
    )
    client.post(
        reverse("funding:final_report", args=[granted.pk]),
        {
            "summary": "Klart.",
            "jobs_created": "1,5",
            "turnover_change": "-20000",
            "environmental_results": "Mindre el.",
        },
    )

    granted.refresh_from_db()
    assert granted.status == Status.FINAL_REPORT
    assert granted.final_report.jobs_created == Decimal("1.5")
    assert granted.payments.get().amount_requested == Decimal(60_000)


def test_a_budget_row_saved_by_autosave_survives_a_post_from_the_page_shown_before(
    client, applicant
):
    """The page was rendered with no budget rows; autosave stored one; the next ordinary
    post from that same page must not drop it."""
    application = ApplicationFactory(organisation__owner=applicant, applicant=applicant)
    client.force_login(applicant)
    url = reverse("funding:application", args=[application.pk])
    client.post(url, {**draft_data(), "autosave": "1"}, headers={"HX-Request": "true"})

    client.post(url, {**draft_data(), "action": "save"})

    assert [line.amount for line in application.budget_lines.all()] == [Decimal(400_000)]
