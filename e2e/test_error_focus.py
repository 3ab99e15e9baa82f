"""After a server-side refusal, every form of the platform opens with the keyboard focus on
its error summary, in view, so that a screen reader starts where the problems are listed
(WCAG 3.3.1, 2.4.3). What was typed stays in the form."""

import re

import pytest
from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner, log_in


def _expect_summary_focused(page, *texts: str) -> None:
    summary = page.locator(".error-summary")
    expect(summary).to_have_count(1)
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    for text in texts:
        expect(summary).to_contain_text(text)
    assert_axe_clean(page)


def _meeting_registration(page) -> None:
    page.goto("/traffpunkt-hallbarhet/")
    dismiss_cookie_banner(page)
    page.locator(".card", has_text="Cirkulära affärsmodeller i tillverkningsindustrin").get_by_role(
        "link", name="Cirkulära affärsmodeller i tillverkningsindustrin"
    ).click()
    page.locator("#id_name").fill("Ada Lind")
    page.locator("#id_email").fill("inte-en-adress")
    page.get_by_role("button", name="Anmäl mig").click()
    _expect_summary_focused(page, "E-post")
    expect(page.locator("#id_name")).to_have_value("Ada Lind")


def _contact_form(page) -> None:
    page.goto("/skriv-till-oss/")
    dismiss_cookie_banner(page)
    page.get_by_label("Meddelande").fill("Vi vill gärna samverka kring cirkulär ekonomi.")
    page.get_by_role("button", name="Skicka meddelandet").click()
    _expect_summary_focused(page, "Namn")
    expect(page.get_by_label("Meddelande")).to_have_value(
        "Vi vill gärna samverka kring cirkulär ekonomi."
    )


def _sign_up(page) -> None:
    page.goto("/konto/skapa-konto/")
    dismiss_cookie_banner(page)
    page.get_by_label("Förnamn").fill("Ada")
    page.get_by_label("E-postadress").fill("ada@example.org")
    page.get_by_role("button", name="Skapa konto").click()
    _expect_summary_focused(page, "Lösenord")
    expect(page.get_by_label("Förnamn")).to_have_value("Ada")


def _login(page) -> None:
    page.goto("/konto/logga-in/")
    dismiss_cookie_banner(page)
    page.locator("#id_auth-username").fill("ingen@example.org")
    page.get_by_label("Lösenord").fill("fel-lösenord")
    page.get_by_role("button", name="Nästa").click()
    _expect_summary_focused(page)


FORMS = {
    "meeting registration": _meeting_registration,
    "contact form": _contact_form,
    "sign-up": _sign_up,
    "login": _login,
}


@pytest.mark.parametrize("form", FORMS)
def test_a_refused_public_form_opens_on_its_error_summary(page, form):
    FORMS[form](page)


def test_the_applicants_organisation_form_opens_on_its_error_summary(page, server):
    assert server.call(server_data.create_user, username="e2e-fokus", role="Företagare")
    page.goto("/stod/mina-ansokningar/organisationer/ny/")
    dismiss_cookie_banner(page)
    log_in(page, "e2e-fokus")
    page.get_by_label("Organisationens namn").fill("Fokus i Fagersta AB")
    page.get_by_label("Organisationsnummer").fill("556036-0794")  # wrong check digit
    page.get_by_role("button", name="Spara", exact=True).click()

    _expect_summary_focused(page, "Organisationsnummer")
    expect(page.get_by_label("Organisationens namn")).to_have_value("Fokus i Fagersta AB")
    expect(page).to_have_url(re.compile(r"/organisationer/ny/"))
