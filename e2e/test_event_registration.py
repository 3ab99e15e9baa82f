"""A person registers for a meeting, gets the e-mail, cancels through its link, and the first
on the waiting list gets the place. axe checks every page on the way."""

import re

from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner


def _register(page, path: str, name: str, email: str) -> None:
    page.goto(path)
    dismiss_cookie_banner(page)
    page.get_by_label("Namn").fill(name)
    page.get_by_label("E-post").fill(email)
    page.get_by_label("Specialkost").fill("Vegetariskt")


def _manage_link(server, address: str, subject_start: str) -> str:
    [message] = [
        m for m in server.mail.messages_to(address) if m["Subject"].startswith(subject_start)
    ]
    body = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(r"https?://\S+/anmalan/\S+/", body).group(0)


def test_register_cancel_and_the_waiting_list_moves(server, new_context):
    path = server.call(
        server_data.publish_meeting,
        title="Webbläsarträffen",
        slug="webblasartraffen",
        days_from_now=12,
        format="hybrid",
        online_link="https://meet.example.org/webblasartraffen",
        capacity=1,
    )["url"]
    first = new_context().new_page()
    second = new_context().new_page()

    _register(first, path, "Första Person", "forsta@example.org")
    assert_axe_clean(first)  # the meeting page with its registration form
    first.get_by_role("button", name="Anmäl mig").click()
    expect(first.locator(".registration-status")).to_contain_text("Du är anmäld.")
    expect(
        first.get_by_role("link", name="https://meet.example.org/webblasartraffen")
    ).to_be_visible()
    assert_axe_clean(first)  # the person's own registration page

    _register(second, path, "Andra Person", "andra@example.org")
    second.get_by_role("button", name="Ställ mig på väntelistan").click()
    expect(second.locator(".registration-status")).to_contain_text("som nummer 1.")
    expect(second.get_by_text("meet.example.org")).to_have_count(0)

    confirmation = [
        m for m in server.mail.messages_to("forsta@example.org") if "anmäld" in m["Subject"]
    ]
    assert confirmation, "no confirmation e-mail"
    attachments = [part.get_filename() for part in confirmation[0].iter_attachments()]
    assert attachments == ["webblasartraffen.ics"]

    link = _manage_link(server, "forsta@example.org", "Du är anmäld")
    first.goto(link)
    first.get_by_role("link", name="Ta bort min anmälan").click()
    expect(first.get_by_role("heading", level=1)).to_have_text("Ta bort din anmälan?")
    assert_axe_clean(first)  # the question before anything is removed
    first.get_by_role("button", name="Ja, ta bort min anmälan").click()
    expect(first.locator(".registration-status")).to_contain_text("Du är avanmäld.")

    promoted = _manage_link(server, "andra@example.org", "Du har fått en plats")
    second.goto(promoted)
    expect(second.locator(".registration-status")).to_contain_text("Du är anmäld.")
    expect(
        second.get_by_role("link", name="https://meet.example.org/webblasartraffen")
    ).to_be_visible()


def test_the_listing_and_a_past_meeting_areassert_axe_clean(page):
    page.goto("/traffpunkt-hallbarhet/?tema=energi-och-klimat")
    dismiss_cookie_banner(page)
    assert_axe_clean(page)
    page.get_by_role("link", name="Solel och lagring på landsbygden", exact=True).click()
    expect(page.get_by_role("heading", name="Dokumentation från träffen")).to_be_visible()
    assert_axe_clean(page)
