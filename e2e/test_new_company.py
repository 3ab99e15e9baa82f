"""A new company in a real browser: sign up, confirm the address through the mail (captured
over SMTP), log in with it, create the organisation, start an application, write to the
project lead, download its data and close the account. axe checks every page on the way."""

import json
import re
import time

from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner

EMAIL = "ny.foretagare@exempel.se"
PASSWORD = "ett-långt-och-eget-lösenord-2026"


def _mail_to(server, address: str, subject: str, *, timeout: float = 30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in server.mail.messages_to(address):
            if str(message["Subject"]).strip() == subject:
                return message
        time.sleep(0.3)
    seen = [m["Subject"] for m in server.mail.messages_to(address)]
    raise AssertionError(
        f"no mail {subject!r} to {address}; there were {seen}\n{server.log_tail()}"
    )


def _link(message, path_part: str) -> str:
    body = message.get_body(preferencelist=("plain",)).get_content()
    url = re.search(rf"https?://\S+{re.escape(path_part)}\S+", body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_new_company_from_sign_up_to_a_closed_account(server, page, tmp_path):
    page.goto("/")
    dismiss_cookie_banner(page)

    # The login page says how to get an account.
    page.get_by_role("link", name="Logga in").first.click()
    assert_axe_clean(page)
    page.get_by_role("link", name="Skapa ett konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Skapa konto")

    # A mistake first: the summary gets focus, and what was typed stays.
    page.get_by_label("Företagare").check()
    page.get_by_label("Förnamn").fill("Nora")
    page.get_by_label("Efternamn").fill("Nyström")
    page.get_by_label("E-postadress").fill(EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Lösenordet en gång till").fill("något annat")
    page.get_by_role("button", name="Skapa konto").click()
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.get_by_label("Förnamn")).to_have_value("Nora")
    assert_axe_clean(page)
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Lösenordet en gång till").fill(PASSWORD)
    page.get_by_label("Jag har läst hur plattformen behandlar mina personuppgifter.").check()
    page.get_by_role("button", name="Skapa konto").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kolla din e-post")
    assert_axe_clean(page)

    # The address is confirmed through the mail.
    confirmation = _mail_to(server, EMAIL, "Bekräfta ditt konto på Omställningsplattformen")
    page.goto(_link(confirmation, "/konto/skapa-konto/bekrafta/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Kontot är öppnat")
    assert_axe_clean(page)
    page.get_by_role("link", name="Logga in").last.click()
    page.locator("#id_auth-username").fill(EMAIL)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Nästa").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mitt konto")
    expect(page.locator("header")).to_contain_text("Nora Nyström")
    assert_axe_clean(page)

    # The organisation, from the open call.
    page.goto("/finansiering/")
    # The demo's call by name: other tests add calls of their own to this server.
    page.locator(".card", has_text="Investeringar för en hållbar omställning 2027").get_by_role(
        "link", name=re.compile("Läs mer och ansök")
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisationen som söker")
    page.get_by_label("Organisationens namn").fill("Nyströms Snickeri AB")
    page.get_by_label("Organisationsnummer").fill("556036-0793")
    page.get_by_label("Storlek").select_option("micro")
    page.get_by_label("SNI-kod").fill("16230")
    page.get_by_label("Kommun där verksamheten finns").select_option(label="Köping")
    page.get_by_label("Kvinnors ägarandel (%)").fill("100")
    page.get_by_label("Kvinna").check()
    page.get_by_role("button", name="Spara").click()
    page.get_by_label("Projektets namn").fill("Solceller på snickeriet")
    page.get_by_role("button", name="Börja på ansökan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Solceller på snickeriet")
    assert_axe_clean(page)

    # A word with the project lead, from her card.
    page.goto("/om-projektet/samverkan/")
    page.get_by_role("link", name="Skriv till Maria Lidberg").click()
    expect(page.get_by_label("Namn")).to_be_visible()
    assert_axe_clean(page)
    page.get_by_label("Namn").fill("Nora Nyström")
    page.locator("#id_email").fill(EMAIL)
    page.get_by_label("Vad gäller det?").select_option("stod")
    page.get_by_label("Meddelande").fill("Vi vill prata om stöd till solceller på snickeriet.")
    page.wait_for_timeout(3200)  # people take longer than the form's minimum time
    page.get_by_role("button", name="Skicka meddelandet").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tack för ditt meddelande")
    assert_axe_clean(page)

    # A copy of everything, then the account is closed.
    page.goto("/konto/")
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner mina uppgifter (JSON)").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert re.fullmatch(r"mina-uppgifter-\d{4}-\d{2}-\d{2}\.json", saved.name)
    data = json.loads(saved.read_text())
    assert data["account"]["email"] == EMAIL
    assert data["funding"]["applications"][0]["title"] == "Solceller på snickeriet"

    page.get_by_role("link", name="Stäng mitt konto").click()
    assert_axe_clean(page)
    page.get_by_label("Ditt lösenord").fill(PASSWORD)
    page.get_by_label("Jag förstår att kontot inte går att få tillbaka.").check()
    page.get_by_role("button", name="Stäng kontot för gott").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kontot är stängt")
    assert_axe_clean(page)
    expect(page.locator("header")).to_contain_text("Logga in")
    assert server.call(server_data.user_exists, email=EMAIL) is False
