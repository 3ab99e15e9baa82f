"""The applicant's draft after the first-use review (2026-12-01): nothing typed is lost to a
mistake elsewhere, an upload always says what became of the file, and the error summary
lists every problem once, budget rows included."""

import re
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from omstallning.funding import services
from omstallning.funding.forms import BudgetLineForm
from omstallning.funding.models import Application, AttachmentRequirement

from .factories import ApplicationFactory, complete_content, pdf_upload
from .test_applicant_views import draft_data, organisation_data

NOT_A_PDF = b"MZ\x90\x00 this is not a pdf"


def _draft(applicant) -> Application:
    """A draft with everything saved once (complete_content: budget 350 000 + 50 000)."""
    application = ApplicationFactory(organisation__owner=applicant, applicant=applicant)
    services.application_save(application=application, user=applicant, content=complete_content())
    application.refresh_from_db()
    return application


def _summaries(html: str) -> list[str]:
    return re.findall(r'<div class="error-summary".*?</div>', html, flags=re.S)


def _autosave(client, url, data):
    return client.post(url, {**data, "autosave": "1"}, headers={"HX-Request": "true"})


def test_autosave_keeps_the_valid_fields_and_names_the_invalid_one(client, applicant):
    application = _draft(applicant)
    stored_end = application.ends_on
    client.force_login(applicant)
    url = reverse("funding:application", args=[application.pk])

    response = _autosave(
        client,
        url,
        draft_data(goals="Fossilfri produktion.", starts_on="2027-06-01", ends_on="2027-01-31"),
    )

    html = response.content.decode()
    application.refresh_from_db()
    # What was right is saved; the wrong end date keeps what was saved before.
    assert application.goals == "Fossilfri produktion."
    assert str(application.starts_on) == "2027-06-01"
    assert application.ends_on == stored_end
    assert "sparades automatiskt" in html and "utom det som behöver rättas" in html
    assert (
        '<a href="#id_ends_on" data-field="id_ends_on" '
        'data-message="Projektet måste sluta efter att det startar.">'
        "Projektslut: Projektet måste sluta efter att det startar.</a>"
    ) in html


def test_autosave_with_nothing_wrong_says_only_when_it_saved(client, applicant):
    application = _draft(applicant)
    client.force_login(applicant)

    html = _autosave(
        client, reverse("funding:application", args=[application.pk]), draft_data()
    ).content.decode()

    assert re.fullmatch(r"Utkastet sparades automatiskt kl\. \d\d\.\d\d\.\s*", html)


def test_saving_lists_every_error_once_with_the_budget_rows(client, applicant):
    application = _draft(applicant)
    client.force_login(applicant)
    url = reverse("funding:application", args=[application.pk])

    response = client.post(
        url,
        {
            **draft_data(
                goals="Nya mål, skrivna före felen.",
                amount_applied="999999999999999",
                co_financing="-5",
                ends_on="2027-01-01",
                starts_on="2027-03-01",
            ),
            "budget-0-amount": "1 200 000,50",
            "budget-1-category": "services",
            "budget-1-amount": "tusen kronor",
            "action": "save",
        },
    )

    html = response.content.decode()
    summaries = _summaries(html)
    assert response.status_code == 422
    assert len(summaries) == 1  # one summary, no banner repeating it
    assert "Se markeringarna nedan" not in html
    summary = summaries[0].replace("\xa0", " ")
    for line in (
        "Projektslut: Projektet måste sluta efter att det startar.",
        "Sökt belopp (kr): Beloppet är för stort.",
        "Egen insats och annan finansiering (kr): Beloppet kan inte vara negativt.",
        "Budgetrad 1, Belopp (kr): Skriv beloppet i hela kronor.",
        "Budgetrad 2, Belopp (kr): Skriv beloppet i hela kronor med siffror, till exempel 150000.",
    ):
        assert line in summary
    assert 'href="#id_budget-1-amount"' in summary
    # One message per problem: an amount that was typed is never "missing".
    assert "Ange radens belopp." not in html
    # What was typed is shown again, and what was right is saved.
    assert 'value="tusen kronor"' in html
    application.refresh_from_db()
    assert application.goals == "Nya mål, skrivna före felen."
    assert application.amount_applied == Decimal(200_000)  # stored, not the bad one
    # The rows with errors keep what was stored in their places.
    assert [line.amount for line in application.budget_lines.all()] == [
        Decimal(350_000),
        Decimal(50_000),
    ]
    assert "Allt annat du har skrivit är sparat." in html


def test_a_budget_row_without_its_amount_is_told_so_once():
    typed_wrong = BudgetLineForm({"category": "staff", "amount": "1 200 000,50"})
    missing = BudgetLineForm({"category": "staff", "amount": ""})
    no_category = BudgetLineForm({"category": "", "amount": "tusen"})

    assert not typed_wrong.is_valid()
    assert typed_wrong.errors == {"amount": ["Skriv beloppet i hela kronor."]}
    assert not missing.is_valid()
    assert missing.errors == {"amount": ["Ange radens belopp."]}
    assert not no_category.is_valid()
    assert set(no_category.errors) == {"amount", "category"}


def test_an_upload_does_not_depend_on_unrelated_fields(client, applicant):
    application = _draft(applicant)
    client.force_login(applicant)
    url = reverse("funding:application", args=[application.pk])

    response = client.post(
        url,
        {
            **draft_data(ends_on="2020-01-01"),
            "action": "upload",
            "kind": "budget",
            "file": pdf_upload("budget.pdf"),
        },
    )

    html = response.content.decode()
    assert application.attachments.filter(original_name="budget.pdf").exists()
    assert "Bilagan ”budget.pdf” är uppladdad." in html
    # The date's error is listed at the attachments, where the person was (the summary is
    # focused there by site.js).
    after_heading = html.split('id="bilagor"')[1]
    assert len(_summaries(html)) == 1 and _summaries(after_heading)
    assert "Projektslut: Projektet måste sluta efter att det startar." in after_heading


def test_a_refused_file_is_named_with_the_reason_at_the_attachments(client, applicant):
    application = _draft(applicant)
    client.force_login(applicant)
    url = reverse("funding:application", args=[application.pk])

    response = client.post(
        url,
        {
            **draft_data(activities="Skrivet precis innan uppladdningen."),
            "action": "upload",
            "kind": "quote",
            "file": SimpleUploadedFile("offert.pdf", NOT_A_PDF),
        },
    )

    html = response.content.decode()
    assert response.status_code == 422
    assert not application.attachments.exists()
    summaries = _summaries(html)
    assert len(summaries) == 1
    assert summaries[0] in html.split('id="bilagor"')[1]
    assert "Filen ”offert.pdf” är inte uppladdad." in summaries[0]
    assert "inte en riktig PDF-fil" in summaries[0]
    # The kind chosen stays chosen.
    assert '<option value="quote" selected>' in html
    application.refresh_from_db()
    assert application.activities == "Skrivet precis innan uppladdningen."


def test_a_saved_file_is_announced_once_at_the_attachments(client, applicant):
    application = _draft(applicant)
    client.force_login(applicant)
    url = reverse("funding:application", args=[application.pk])

    response = client.post(
        url, {**draft_data(), "action": "upload", "kind": "budget", "file": pdf_upload()}
    )
    shown = client.get(url).content.decode()
    again = client.get(url).content.decode()

    assert response.status_code == 302 and response.url == f"{url}#bilagor"
    notice = "Bilagan ”budget.pdf” är uppladdad."
    assert notice in shown.split('id="bilagor"')[1]
    assert notice not in again
    assert "Utkastet är sparat och bilagan uppladdad" not in shown


def test_no_file_chosen_is_told_plainly(client, applicant):
    application = _draft(applicant)
    client.force_login(applicant)

    html = client.post(
        reverse("funding:application", args=[application.pk]),
        {**draft_data(), "action": "upload", "kind": "budget"},
    ).content.decode()

    assert "Fil: Välj en fil." in html
    assert "är inte uppladdad" not in html


def test_a_radio_group_in_the_summary_links_to_its_first_choice(client, applicant):
    client.force_login(applicant)

    html = client.post(
        reverse("funding:organisation_new"), organisation_data(ceo_gender="")
    ).content.decode()

    summary = _summaries(html)[0]
    assert 'href="#id_ceo_gender_0"' in summary
    assert 'id="id_ceo_gender_0"' in html
    assert 'href="#"' not in summary


def test_required_and_optional_attachments_are_listed_apart(client, applicant):
    application = _draft(applicant)
    AttachmentRequirement.objects.create(
        call=application.call, kind="annual_report", required=False, sort_order=5
    )
    client.force_login(applicant)

    html = client.get(reverse("funding:application", args=[application.pk])).content.decode()

    required = html.split("Utlysningen kräver de här bilagorna:")[1].split("</ul>")[0]
    optional = html.split("Du kan också bifoga:")[1].split("</ul>")[0]
    assert "Budget" in required and "Årsredovisning" not in required
    assert "Årsredovisning" in optional
    assert "(frivillig)" not in html


def test_a_budget_that_cannot_be_read_keeps_the_stored_one(client, applicant):
    application = _draft(applicant)
    client.force_login(applicant)
    data = {
        key: value
        for key, value in draft_data(goals="Skrivet ändå.").items()
        if not key.startswith("budget-")
    }

    response = client.post(
        reverse("funding:application", args=[application.pk]),
        {**data, "budget-TOTAL_FORMS": "många", "action": "save"},
    )

    assert response.status_code == 422
    application.refresh_from_db()
    assert application.goals == "Skrivet ändå."
    assert [line.amount for line in application.budget_lines.all()] == [
        Decimal(350_000),
        Decimal(50_000),
    ]
