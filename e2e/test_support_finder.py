"""Hitta stöd in a real browser: a company owner answers the questions by keyboard, one page
at a time, sees the offers that fit with their reasons and the ones that do not with why, and
opens one. axe checks every step."""

import re

from playwright.sync_api import expect

from e2e.support import assert_axe_clean, dismiss_cookie_banner


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
