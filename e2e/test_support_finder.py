"""Hitta stöd in a real browser: a company owner answers the questions by keyboard, one page
at a time, sees the offers that fit with their reasons and the ones that do not with why, and
opens one. axe checks every step."""

import re

from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner, log_in


def test_a_new_company_finds_the_support_that_fits_and_why(page):
    page.goto("/hitta-stod/")
    dismiss_cookie_banner(page)
    expect(page.get_by_text("Fråga 1 av 6")).to_be_visible()
    assert_axe_clean(page)

    answers = [
        ("Pengar: bidrag, lån, kapital, garanti eller check", "checkbox"),
        ("Nystartat, högst två år", "radio"),
        ("Mikroföretag (färre än 10 anställda)", "radio"),
        ("Handel; reparation av motorfordon och motorcyklar", "radio"),
        ("Västerås", "radio"),
        ("Vill inte svara", "radio"),
    ]
    for number, (answer, role) in enumerate(answers, start=1):
        expect(page.get_by_text(f"Fråga {number} av 6")).to_be_visible()
        choice = page.get_by_role(role, name=answer, exact=True)
        choice.focus()
        page.keyboard.press("Space")
        expect(choice).to_be_checked()
        assert_axe_clean(page)
        page.keyboard.press("Enter")  # submits the question's form, as a plain GET

    expect(page).to_have_url(re.compile(r"/hitta-stod/erbjudanden/\?.*skede=nystartat"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Stöd som passar ditt företag")
    loan = page.locator(".finder-result", has=page.get_by_role("link", name="Mikrolån"))
    expect(loan).to_contain_text("Ger det du söker: Finansiering: lån")
    expect(loan).to_contain_text("För: Mikroföretag (färre än 10 anställda)")
    expect(page.get_by_role("link", name="Innovationslån")).to_be_visible()
    assert_axe_clean(page)

    page.get_by_role("link", name="Visa stöd som inte passar, och varför").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Stöd som inte passar, och varför")
    expect(page.locator(".finder-verdict--misfit").first).to_be_visible()
    assert_axe_clean(page)

    page.get_by_role("link", name="Tillbaka till stödet som passar").click()
    page.get_by_role("link", name="Mikrolån").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mikrolån")
    expect(page.get_by_role("heading", name="Passar ditt företag")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Senast kontrollerad \d+ \w+ \d{4}"))).to_be_visible()
    assert_axe_clean(page)


def test_a_company_asks_to_be_contacted_the_actor_passes_it_on_and_the_company_sees_it(
    server, page
):
    """The warm referral: asked for on an offer's page, passed on in the actor's queue, and
    followed by the company through its signed link, without an account."""
    email = "e2e-lotsning@bageriet.example"
    assert server.call(
        server_data.create_user, username="e2e-almi", role="Aktörsredaktör", with_device=True
    )
    assert server.call(
        server_data.make_actor_editor, username="e2e-almi", actor_slug="almi-malardalen"
    )
    assert server.call(server_data.forget_rate_limits)

    page.goto("/hitta-stod/erbjudanden/mikrolan/?behov=pengar&kommun=1981")
    dismiss_cookie_banner(page)
    page.get_by_role("link", name="Bli kontaktad av Almi Mälardalen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bli kontaktad av Almi Mälardalen")
    assert_axe_clean(page)

    # Sent without consent: the error is announced, focus moves to it, nothing typed is lost.
    page.get_by_label("Vad behöver du hjälp med?").fill("Vi vill byta till eldrivna ugnar.")
    page.get_by_label("Företagets namn").fill("Bageriet i Sala AB")
    page.get_by_label("Ditt namn").fill("Kim Bagare")
    page.get_by_label("E-post").fill(email)
    page.wait_for_timeout(3200)  # people take longer than CONTACT_FORM_MIN_SECONDS
    page.get_by_role("button", name="Skicka förfrågan").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Kryssa i att du samtycker")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Företagets namn")).to_have_value("Bageriet i Sala AB")
    expect(page.get_by_label("Kommun där företaget finns (frivilligt)")).to_have_value("1981")
    assert_axe_clean(page)
    page.get_by_label(
        re.compile("Jag samtycker till att uppgifterna ovan skickas till Almi")
    ).check()
    page.get_by_role("button", name="Skicka förfrågan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ditt ärende")
    expect(page.get_by_text("Väntar på svar från aktören")).to_be_visible()
    assert_axe_clean(page)
    link = server.call(server_data.referral_link, email=email)
    assert page.url.endswith(link)

    # The actor logs in with its second factor and passes the case on to the business office.
    context = page.context.browser.new_context(base_url=server.url, locale="sv-SE")
    context.set_default_timeout(20_000)
    staff = context.new_page()
    staff.goto("/admin/aktorer/lotsningar/")
    log_in(staff, "e2e-almi", with_code=True)
    staff.get_by_role("link", name="Bageriet i Sala AB om Mikrolån").click()
    expect(staff.get_by_text("Vi vill byta till eldrivna ugnar.")).to_be_visible()
    staff.get_by_label("Lämna vidare till").select_option(label="Näringslivskontoret i Sala")
    staff.get_by_label("Varför passar ärendet den aktören?").fill(
        "Kommunen har en energirådgivare som kan börja med en kartläggning."
    )
    staff.get_by_role("button", name="Lämna vidare").click()
    expect(staff.get_by_text("Ärendet är lämnat vidare.")).to_be_visible()
    context.close()
    passed = server.call(server_data.referral_summary, email=email)
    assert (passed["actor"], passed["status"]) == ("naringsliv-sala", "sent")
    assert passed["steps"] == ["sent", "passed_on"]

    # The company opens its link in a fresh browser, with no session: it sees the new actor.
    visitor = page.context.browser.new_context(base_url=server.url, locale="sv-SE")
    company = visitor.new_page()
    company.goto(link)
    dismiss_cookie_banner(company)
    steps = company.locator(".referral-steps")
    expect(steps).to_contain_text("Lämnat vidare till en annan aktör: Almi Mälardalen")
    expect(steps).to_contain_text("Näringslivskontoret i Sala")
    expect(steps).to_contain_text("Kommunen har en energirådgivare")
    expect(
        company.get_by_text(re.compile("Näringslivskontoret i Sala svarar senast"))
    ).to_be_visible()
    assert_axe_clean(company)
    visitor.close()
