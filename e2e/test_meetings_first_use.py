"""The meeting pages as the first walk-through met them, in a real browser at 1280 and 390 px:
room left on the cards, a calendar file from the person's own page that keeps its name and
extension, a question before a registration is removed (by keyboard), and the English page
listing the Swedish meetings."""

import re

import pytest
from playwright.sync_api import expect

from e2e.support import assert_axe_clean, dismiss_cookie_banner


@pytest.mark.parametrize("width", [1280, 390])
def test_cards_register_calendar_and_remove(new_context, width):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto("/traffpunkt-hallbarhet/")
    dismiss_cookie_banner(page)

    full = page.locator(".card", has_text="Energieffektivisering för små företag")
    expect(full.locator(".event-status--full")).to_have_text("Fullbokad – väntelista")
    room = page.locator(".card", has_text="Cirkulära affärsmodeller i tillverkningsindustrin")
    expect(room.locator(".event-status")).to_have_text(re.compile(r"^\d+ platser kvar$"))
    expect(page.get_by_text("(Västerås)")).to_have_count(0)
    assert_axe_clean(page)

    room.get_by_role("link", name="Cirkulära affärsmodeller i tillverkningsindustrin").click()
    expect(page.get_by_role("link", name="Läs mer på sidan om personuppgifter.")).to_have_attribute(
        "href", "/personuppgifter/"
    )
    page.get_by_label("Namn").fill("Webb Läsare")
    page.get_by_label("E-post").fill(f"webb{width}@example.org")
    page.get_by_label("E-post").press("Enter")
    expect(page.locator(".registration-status")).to_contain_text("Du är anmäld.")

    with page.expect_download() as download:
        page.get_by_role("link", name="Lägg till i kalendern (.ics)").click()
    assert download.value.suggested_filename.endswith(".ics")
    assert download.value.suggested_filename.startswith("cirkul")

    # Removing asks first, and works from the keyboard.
    page.get_by_role("link", name="Ta bort min anmälan").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ta bort din anmälan?")
    assert_axe_clean(page)
    page.get_by_role("link", name="Nej, behåll min anmälan").click()
    expect(page.locator(".registration-status")).to_contain_text("Du är anmäld.")
    page.get_by_role("link", name="Ta bort min anmälan").click()
    page.get_by_role("button", name="Ja, ta bort min anmälan").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".registration-status")).to_contain_text("Du är avanmäld.")
    expect(page.get_by_role("link", name="Lägg till i kalendern (.ics)")).to_have_count(0)


def test_a_past_meeting_offers_no_calendar_entry(page):
    page.goto("/traffpunkt-hallbarhet/")
    dismiss_cookie_banner(page)
    page.locator(".card", has_text="Solel och lagring på landsbygden").get_by_role(
        "link", name=re.compile("^Dokumentation från träffen")
    ).click()

    expect(page).to_have_url(re.compile(r"#dokumentation$"))
    expect(page.get_by_role("heading", name="Dokumentation från träffen")).to_be_visible()
    expect(page.get_by_text("Lägg till i kalendern")).to_have_count(0)


def test_the_english_page_lists_the_meetings_in_swedish(page):
    # As many as the Swedish page lists (other tests on this server may add meetings).
    page.goto("/traffpunkt-hallbarhet/")
    dismiss_cookie_banner(page)
    upcoming = page.locator("section", has=page.locator("#upcoming-heading"))
    in_swedish = upcoming.locator(".card").count()
    assert in_swedish >= 3
    page.goto("/en/meeting-point-sustainability/")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(upcoming.locator(".card")).to_have_count(in_swedish)
    title = upcoming.get_by_role("link", name="Cirkulära affärsmodeller i tillverkningsindustrin")
    expect(title).to_have_attribute("lang", "sv")
    expect(page.get_by_text("No upcoming meetings")).to_have_count(0)
    assert_axe_clean(page)
