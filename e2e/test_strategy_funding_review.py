"""The strategy and funding pages after the first-use review (2026-12-01), in Chromium at
1280 and 390 px: the heat map readable on a phone, the SDG profile as a table, download names
that open, a draft that never loses what was typed and always says what became of a file,
the applicant's case page, the statistics' CSV for Excel, the case officer's start page and
a call's Swedish texts marked on the English site. axe checks every page on the way."""

import re
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner, log_in

PHONE = {"width": 390, "height": 844}
ADMIN_TIMEOUT = 20_000
NOT_A_PDF = b"MZ\x90\x00 a program, not a pdf"
# How many lines an element's text takes on screen.
LINES_OF_TEXT = (
    "e => { const r = document.createRange(); r.selectNodeContents(e); "
    "return r.getClientRects().length; }"
)


def _no_sideways_scroll(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], width


def test_the_strategy_page_on_a_desktop_and_on_a_phone(new_context):
    desktop = new_context(accept_downloads=True).new_page()
    desktop.goto("/affarsplan/")
    dismiss_cookie_banner(desktop)

    heat_map = desktop.get_by_role("img", name=re.compile("Den röda tråden"))
    expect(heat_map).to_be_visible()
    expect(desktop.locator(".heatmap__phone-table")).to_be_hidden()
    expect(desktop.locator(".heatmap__key")).to_contain_text(
        "Minskade utsläpp från länets industri"
    )
    expect(desktop.locator(".heatmap__label").filter(has_text="och infrastruktur")).to_be_visible()
    expect(desktop.locator(".gap-list li").first).to_have_text("2 Ingen hunger")
    assert_axe_clean(desktop)
    with desktop.expect_download() as download:
        desktop.get_by_role("link", name="Allt som Excel").click()
    assert download.value.suggested_filename == (
        f"affarsplan-vastmanland-v1-data-{date.today().isoformat()}.xlsx"
    )

    phone = new_context(viewport=PHONE).new_page()
    phone.goto("/affarsplan/")
    dismiss_cookie_banner(phone)
    expect(phone.locator(".heatmap")).to_be_hidden()
    table = phone.locator(".heatmap__phone-table table")
    expect(table).to_be_visible()
    expect(table.get_by_role("rowheader", name=re.compile("^9 Hållbar industri"))).to_be_visible()
    _no_sideways_scroll(phone)
    assert_axe_clean(phone)

    phone.goto("/affarsplan/mal/1-1/")
    profile = phone.locator("table.sdg-table")
    expect(profile).to_be_visible()
    expect(
        profile.get_by_role("rowheader", name=re.compile("Hållbar energi för alla"))
    ).to_be_visible()
    # No heading or caption broken inside a word ("Påverk / an").
    header = profile.get_by_role("columnheader", name="Påverkan")
    assert header.evaluate(LINES_OF_TEXT) == 1
    _no_sideways_scroll(phone)
    assert_axe_clean(phone)


def _company(server, username: str) -> str:
    assert server.call(server_data.create_user, username=username, role="Företagare")
    return username


def _start_application(page, username: str) -> str:
    page.goto("/finansiering/")
    dismiss_cookie_banner(page)
    # The demo's call by name: other tests add calls of their own to this server.
    page.locator(".card", has_text="Investeringar för en hållbar omställning 2027").get_by_role(
        "link", name=re.compile("Läs mer och ansök")
    ).click()
    page.get_by_role("link", name="Logga in för att ansöka").click()
    log_in(page, username)
    page.get_by_label("Organisationens namn").fill("Granskarna i Sala AB")
    page.get_by_label("Organisationsnummer").fill("556036-0793")
    page.get_by_label("Storlek").select_option("micro")
    page.get_by_label("SNI-kod").fill("62010")
    page.get_by_label("Kommun där verksamheten finns").select_option(label="Sala")
    page.get_by_label("Kvinnors ägarandel (%)").fill("50")
    page.get_by_label("Man", exact=True).check()
    page.get_by_role("button", name="Spara", exact=True).click()
    page.get_by_label("Projektets namn").fill("Solceller på lagret")
    page.get_by_role("button", name="Börja på ansökan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Solceller på lagret")
    # Autosave is htmx's: typing before its script has run (a cold server serves it slowly)
    # would be typing into a form without autosave.
    page.wait_for_load_state("load")
    return page.url


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["1280", "390"])
def test_the_draft_keeps_what_was_typed_and_says_what_became_of_the_file(
    new_context, server, tmp_path: Path, viewport
):
    username = _company(server, f"e2e-utkast-{viewport['width'] if viewport else 1280}")
    page = new_context(**({"viewport": viewport} if viewport else {})).new_page()
    url = _start_application(page, username)

    # Autosave keeps the goals and marks the end date that comes before the start.
    page.get_by_label("Mål och förväntat resultat").fill("Hälften av elen från taket.")
    page.get_by_label("Projektstart").fill("2027-06-01")
    page.get_by_label("Projektslut").fill("2027-01-31")
    status = page.locator("#autosave-status")
    expect(status).to_contain_text("utom det som behöver rättas", timeout=10_000)
    expect(status).to_contain_text("Projektslut: Projektet måste sluta efter att det startar.")
    expect(page.get_by_label("Projektslut")).to_have_attribute("aria-invalid", "true")
    assert_axe_clean(page)
    page.reload()
    expect(page.get_by_label("Mål och förväntat resultat")).to_have_value(
        "Hälften av elen från taket."
    )

    # A file that is not what it says is refused, and the page says so where the file was.
    fake = tmp_path / "offert.pdf"
    fake.write_bytes(NOT_A_PDF)
    page.get_by_label("Vad är det för bilaga?").select_option("quote")
    page.get_by_label("Fil").set_input_files(str(fake))
    with page.expect_navigation():
        page.get_by_role("button", name="Ladda upp bilagan").click()
    summary = page.locator(".error-summary")
    expect(summary).to_have_count(1)
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("Filen ”offert.pdf” är inte uppladdad.")
    expect(summary).to_contain_text("inte en riktig PDF-fil")
    expect(page.get_by_label("Vad är det för bilaga?")).to_have_value("quote")
    assert_axe_clean(page)

    # Every error in one summary, budget rows too, and one message per problem.
    page.locator("#id_budget-0-category").select_option("investments")
    page.locator("#id_budget-0-amount").fill("1 200 000,50")
    page.locator("#id_budget-1-category").select_option("services")
    page.locator("#id_budget-1-amount").fill("tusen kronor")
    page.get_by_label("Sökt belopp (kr)").fill("999999999999999")
    with page.expect_navigation():
        page.get_by_role("button", name="Spara utkast", exact=True).click()
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Budgetrad 1, Belopp (kr): Skriv beloppet i hela kronor.")
    expect(summary).to_contain_text("Budgetrad 2, Belopp (kr)")
    expect(summary).to_contain_text("Sökt belopp (kr): Beloppet är för stort.")
    expect(page.get_by_text("Ange radens belopp.")).to_have_count(0)
    expect(page.get_by_text("Se markeringarna nedan")).to_have_count(0)
    expect(page.locator("#id_budget-1-amount")).to_have_value("tusen kronor")
    assert_axe_clean(page)
    assert page.url.split("#")[0] == url


def test_the_applicant_sees_who_handles_the_case(new_context, server):
    _company(server, "e2e-arende")
    application = server.call(server_data.submitted_application, username="e2e-arende")
    for viewport in (None, PHONE):
        page = new_context(**({"viewport": viewport} if viewport else {})).new_page()
        page.goto(f"/stod/mina-ansokningar/{application['id']}/")
        dismiss_cookie_banner(page)
        log_in(page, "e2e-arende")
        contact = page.locator(".case-contact")
        expect(contact).to_contain_text("Ingen handläggare är utsedd än.")
        expect(contact).to_contain_text(f"Ange diarienummer {application['reference']}")
        expect(page.locator("dl.facts").first).to_contain_text("Inskickad")
        assert_axe_clean(page)


def test_the_statistics_offer_a_csv_for_excel(new_context):
    for viewport in (None, PHONE):
        page = new_context(
            accept_downloads=True, **({"viewport": viewport} if viewport else {})
        ).new_page()
        page.goto("/stod/statistik/")
        dismiss_cookie_banner(page)
        with page.expect_download() as download:
            page.get_by_role("link", name="CSV för Excel").click()
        assert download.value.suggested_filename == (
            f"stod-statistik-excel-{date.today().isoformat()}.csv"
        )
        head = Path(download.value.path()).read_bytes()[:300].decode("utf-8")
        assert head.startswith("\ufeffTabell;Grupp;")
        expect(page.get_by_role("cell", name="Inga beslut än").first).to_be_visible()
        assert_axe_clean(page)


def test_an_english_visitor_sees_the_call_marked_as_swedish(new_context):
    page = new_context(locale="en-GB").new_page()
    page.goto("/en/funding/")
    dismiss_cookie_banner(page)

    title = page.locator(".card h3").first
    expect(title).to_have_attribute("lang", "sv")
    expect(page.locator(".card p[lang=sv]").first).to_be_visible()
    assert_axe_clean(page)


def test_the_case_officer_starts_on_their_cases(new_context, server):
    assert server.call(
        server_data.create_user, username="e2e-granskare", role="Handläggare", with_device=True
    )
    context = new_context()
    context.set_default_timeout(ADMIN_TIMEOUT)
    page = context.new_page()
    page.goto("/admin/")
    log_in(page, "e2e-granskare", with_code=True)

    expect(page.get_by_role("heading", name="Mina ärenden")).to_be_visible()
    expect(page.get_by_role("heading", name="Kön: ärenden utan handläggare")).to_be_visible()
    page.goto("/admin/arenden/")
    expect(page.get_by_label("Sök", exact=True)).to_have_attribute(
        "aria-describedby", "filter-q-hint"
    )
