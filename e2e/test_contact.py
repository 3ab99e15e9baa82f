"""A visitor writes to the project lead from her contact card and subscribes to new meetings,
confirming through the mail, as the review's defect 2 asked. axe checks every page on the way,
at a desktop and a phone width, and the keyboard alone fills in the form."""

import re
import time

import pytest
from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
GENERAL_ADDRESS = "omstallning@regionvastmanland.example"


def _mail(server, address: str, subject_start: str, timeout: float = 10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [
            m
            for m in server.mail.messages_to(address)
            if " ".join(str(m["Subject"]).split()).startswith(subject_start)
        ]
        if found:
            return found[-1]
        time.sleep(0.2)
    raise AssertionError(f"no mail to {address} starting {subject_start!r}")


def _body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def _axe_at_both_widths(page) -> None:
    for size in (DESKTOP, PHONE):
        page.set_viewport_size(size)
        assert_axe_clean(page)
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth + 1"), (
            f"{page.url} overflows at {size['width']} px"
        )
    page.set_viewport_size(DESKTOP)


def test_writing_to_the_project_lead_from_her_card(server, page):
    page.goto("/om-projektet/samverkan/")
    dismiss_cookie_banner(page)
    _axe_at_both_widths(page)  # the page with the seed's links, the form and the subscription
    expect(page.get_by_role("link", name="Träffpunkt Hållbarhet", exact=True)).to_have_attribute(
        "href", "/traffpunkt-hallbarhet/"
    )
    expect(
        page.get_by_role("link", name="Har du goda exempel du vill att vi tar med in i arbetet?")
    ).to_have_attribute("href", "/kunskapsbank/foresla/")

    page.get_by_role("link", name="Skriv till Maria Lidberg").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skriv till Maria Lidberg")
    _axe_at_both_widths(page)

    # Sent empty: every problem is named, and the page is still accessible.
    page.get_by_role("button", name="Skicka meddelandet").click()
    expect(page.locator(".error-summary")).to_contain_text("Namn")
    _axe_at_both_widths(page)

    # By keyboard alone, from the name field to the button.
    page.get_by_label("Namn").focus()
    page.keyboard.type("Eva Exempel")
    page.keyboard.press("Tab")
    page.keyboard.type("eva@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Exempel AB")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Vad gäller det?")).to_be_focused()
    page.get_by_label("Vad gäller det?").select_option("samverkan")
    page.keyboard.press("Tab")
    page.keyboard.type("Vi vill gärna samverka kring en träff om solenergi.")
    page.wait_for_timeout(3200)  # people take longer than CONTACT_FORM_MIN_SECONDS
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Så behandlar vi personuppgifter")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Skicka meddelandet")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för ditt meddelande")
    expect(page.locator("main")).to_contain_text("Meddelandet är skickat till Maria Lidberg.")
    _axe_at_both_widths(page)

    message = _mail(server, GENERAL_ADDRESS, "Meddelande till Maria Lidberg")
    assert str(message["Reply-To"]).strip() == "eva@example.org"
    assert "solenergi" in _body(message)
    assert not server.mail.messages_to("eva@example.org"), "the sender must get no mail"
    assert server.call(server_data.contact_message, email="eva@example.org") == [
        "ny",
        "Maria Lidberg",
    ]


def test_subscribing_to_new_meetings_confirming_and_leaving(server, page):
    page.goto("/traffpunkt-hallbarhet/")
    dismiss_cookie_banner(page)
    _axe_at_both_widths(page)
    box = page.locator(".subscribe-box")
    expect(box.get_by_label("Nya träffar i Träffpunkt hållbarhet")).to_be_checked()
    box.get_by_label("E-post").fill("lisa-e2e@example.org")
    page.wait_for_timeout(3200)
    box.get_by_role("button", name="Prenumerera").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bekräfta din e-postadress")
    _axe_at_both_widths(page)

    confirmation = _mail(server, "lisa-e2e@example.org", "Bekräfta att du vill ha e-post")
    assert str(confirmation["List-Unsubscribe"]).strip().startswith("<http")
    link = re.search(r"https?://\S+/prenumerera/bekrafta/\S+/", _body(confirmation)).group(0)
    page.goto(link)
    _axe_at_both_widths(page)
    page.get_by_role("button", name="Bekräfta prenumerationen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prenumerationen är bekräftad")
    _axe_at_both_widths(page)

    server.call(
        server_data.publish_meeting,
        title="Prenumerantträffen",
        slug="prenumeranttraffen",
        days_from_now=20,
    )
    announcement = _mail(server, "lisa-e2e@example.org", "Ny träff: Prenumerantträffen")
    assert str(announcement["List-Unsubscribe-Post"]).strip() == "List-Unsubscribe=One-Click"
    leave = re.search(r"https?://\S+/prenumerera/avsluta/\S+/", _body(announcement)).group(0)
    assert str(announcement["List-Unsubscribe"]).strip() == f"<{leave}>"

    page.goto(leave)
    _axe_at_both_widths(page)
    page.get_by_role("button", name="Avsluta prenumerationen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Prenumerationen är avslutad")
    assert server.call(server_data.subscriptions, email="lisa-e2e@example.org") == 0


@pytest.mark.parametrize(
    "path",
    [
        "/kontakt/",
        "/tillganglighetsredogorelse/",
        "/personuppgifter/",
        "/nyheter/",
        "/prenumerera/",
        "/skriv-till-oss/?till=dataskyddsombud&amne=personuppgifter",
        "/en/about-the-project/cooperation/",
        "/en/accessibility-statement/",
    ],
)
def test_the_changed_pages_pass_axe_on_desktop_and_phone(server, page, path):
    page.goto(path)
    dismiss_cookie_banner(page)
    _axe_at_both_widths(page)


def test_reporting_an_accessibility_problem_starts_from_the_statement(server, page):
    page.goto("/tillganglighetsredogorelse/")
    dismiss_cookie_banner(page)
    expect(page.locator(".accessibility-status")).to_contain_text("Delvis förenlig")
    expect(page.locator(".accessibility-status")).to_contain_text("Senast granskad")

    page.get_by_role("link", name="Rapportera ett tillgänglighetsproblem").click()

    expect(page.get_by_label("Vad gäller det?")).to_have_value("tillganglighet")
