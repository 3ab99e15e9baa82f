"""Funding in a real browser: a company applies, the case officer asks for more, the company
answers, the officer assesses and recommends, the decision maker grants, and the public
statistics count the new decision. axe checks the applicant's pages and the statistics."""

import re
from pathlib import Path

from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner, log_in

# The admin's pages are heavier than the public ones; a busy CI machine needs the margin.
ADMIN_TIMEOUT = 20_000
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _staff_page(page, server, username: str):
    context = page.context.browser.new_context(base_url=server.url, locale="sv-SE")
    context.set_default_timeout(ADMIN_TIMEOUT)
    staff = context.new_page()
    staff.goto("/admin/arenden/")
    log_in(staff, username, with_code=True)
    return context, staff


def test_apply_complete_assess_decide_and_see_the_statistics(server, page, tmp_path: Path):
    assert server.call(server_data.create_user, username="e2e-foretag", role="Företagare")
    assert server.call(
        server_data.create_user, username="e2e-handlaggare", role="Handläggare", with_device=True
    )
    assert server.call(
        server_data.create_user, username="e2e-beslut", role="Beslutsfattare", with_device=True
    )
    budget = tmp_path / "budget.pdf"
    budget.write_bytes(PDF)
    quote = tmp_path / "offert.pdf"
    quote.write_bytes(PDF)

    # The public statistics before.
    page.goto("/stod/statistik/?programme=investeringsstod")
    dismiss_cookie_banner(page)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vem får stöd")
    assert_axe_clean(page)
    before = server.call(server_data.amount_granted, programme="investeringsstod")

    # The company finds the call and applies.
    page.goto("/finansiering/")
    assert_axe_clean(page)
    # The demo's call by name: other tests add calls of their own to this server.
    page.locator(".card", has_text="Investeringar för en hållbar omställning 2027").get_by_role(
        "link", name=re.compile("Läs mer och ansök")
    ).click()
    assert_axe_clean(page)
    page.get_by_role("link", name="Logga in för att ansöka").click()
    log_in(page, "e2e-foretag")
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisationen som söker")
    page.get_by_label("Organisationens namn").fill("Glasbruket i Fagersta AB")
    page.get_by_label("Organisationsnummer").fill("556036-0794")
    page.get_by_label("Storlek").select_option("small")
    page.get_by_label("SNI-kod").fill("23130")
    page.get_by_label("Kommun där verksamheten finns").select_option(label="Fagersta")
    page.get_by_label("Kvinnors ägarandel (%)").fill("70")
    page.get_by_label("Kvinna").check()
    page.get_by_role("button", name="Spara").click()
    expect(page.get_by_text("kontrollsiffran är fel").first).to_be_visible()
    assert_axe_clean(page)
    page.get_by_label("Organisationsnummer").fill("556036-0793")
    page.get_by_role("button", name="Spara").click()

    page.get_by_label("Projektets namn").fill("Elektrifierad glasugn")
    page.get_by_role("button", name="Börja på ansökan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Elektrifierad glasugn")
    assert_axe_clean(page)
    page.get_by_label("Beskrivning av projektet").fill("Vi byter gasugnen mot en elektrisk.")
    page.get_by_label("Mål och förväntat resultat").fill("Fossilfri produktion 2028.")
    page.get_by_label("Aktiviteter").fill("Upphandling, installation och utbildning.")
    page.get_by_label("Tidsplan").fill("Hösten 2027.")
    page.get_by_label("Projektstart").fill("2027-08-01")
    page.get_by_label("Projektslut").fill("2028-03-31")
    page.locator("#id_budget-0-category").select_option("investments")
    page.locator("#id_budget-0-amount").fill("800000")
    page.get_by_label("Sökt belopp (kr)").fill("280000")
    page.get_by_label("Egen insats och annan finansiering (kr)").fill("520000")
    # htmx saves the draft on its own.
    expect(page.locator("#autosave-status")).to_contain_text("sparades automatiskt", timeout=10_000)
    page.get_by_label("Vad är det för bilaga?").select_option("budget")
    page.get_by_label("Fil").set_input_files(str(budget))
    page.get_by_role("button", name="Ladda upp bilagan").click()
    expect(page.get_by_role("link", name="budget.pdf")).to_be_visible()
    page.get_by_label("Vad är det för bilaga?").select_option("quote")
    page.get_by_label("Fil").set_input_files(str(quote))
    page.get_by_role("button", name="Ladda upp bilagan").click()
    # The upload reloads the page: wait for it before the next click.
    expect(page.get_by_role("link", name="offert.pdf")).to_be_visible()

    page.get_by_role("button", name=re.compile("gå till bedömningen")).click()
    page.get_by_role("button", name="Börja bedömningen").click()
    assert_axe_clean(page)
    criteria = page.locator("fieldset.criterion")
    expect(criteria.first).to_be_visible()
    for index in range(criteria.count()):
        criterion = criteria.nth(index)
        criterion.get_by_label("Inte relevant").check()
        criterion.get_by_label("Motivering").fill("Projektet påverkar inte målet.")
    page.get_by_role("button", name="Klar: lämna in bedömningen").click()
    expect(page.get_by_text("Hållbarhetsbedömningen är klar.")).to_be_visible()

    page.get_by_role("button", name="Skicka in ansökan").click()
    expect(page.get_by_text(re.compile("Ansökan är inskickad"))).to_be_visible()
    assert_axe_clean(page)
    # A redirect keeps the fragment of the page before (#bilagor); the address is without it.
    application_url = page.url.split("#")[0]
    case_id = int(re.search(r"/(\d+)/$", application_url).group(1))

    # The case officer declares no conflict, starts and asks for more.
    officer_context, officer = _staff_page(page, server, "e2e-handlaggare")
    officer.goto(f"/admin/arenden/{case_id}/")
    officer.get_by_label("Nej, jag är inte jävig").check()
    officer.get_by_role("button", name="Lämna jävsdeklaration").click()
    officer.get_by_role("button", name="Påbörja handläggning").click()
    officer.get_by_label("Vad ska kompletteras?").fill(
        "Skicka ugnsleverantörens offert med effekt."
    )
    officer.get_by_role("button", name="Begär komplettering").click()
    expect(officer.get_by_text("Komplettering begärd").first).to_be_visible(timeout=ADMIN_TIMEOUT)

    # The company answers.
    page.goto(application_url)
    expect(page.get_by_text("Skicka ugnsleverantörens offert med effekt.")).to_be_visible()
    assert_axe_clean(page)
    page.get_by_label("Ditt svar").fill("Offerten är bifogad: 1,2 MW.")
    page.get_by_label("Bifoga en fil (frivilligt)").set_input_files(str(quote))
    page.get_by_role("button", name="Skicka kompletteringen").click()
    expect(page.get_by_text("Kompletteringen är skickad")).to_be_visible()

    # The officer assesses, scores and recommends.
    officer.goto(f"/admin/arenden/{case_id}/")
    officer.get_by_label("Bedöm hållbarheten med").select_option(
        label="Hållbarhetssäkring i tre dimensioner"
    )
    officer.get_by_role("button", name="Gör eller fortsätt din bedömning").click()
    criteria = officer.locator("fieldset.assessment__criterion")
    expect(criteria.first).to_be_visible(timeout=ADMIN_TIMEOUT)
    for criterion in criteria.all():
        criterion.get_by_label("Positiv").check()
    officer.get_by_role("button", name="Spara och lämna in").click()
    expect(officer.get_by_text("Bedömningen är inlämnad.")).to_be_visible(timeout=ADMIN_TIMEOUT)
    officer.goto(f"/admin/arenden/{case_id}/")
    scores = officer.locator("input[name^=score-]")
    expect(scores.first).to_be_visible(timeout=ADMIN_TIMEOUT)
    for score in scores.all():
        score.fill("4")
    officer.get_by_role("button", name="Spara poängen").click()
    officer.get_by_label("Bevilja").check()
    officer.locator("#recommend-amount").fill("280000")
    officer.locator("#recommend-reason").fill("Stor klimatnytta, rimlig budget.")
    officer.get_by_role("button", name="Lämna förslag till beslut").click()
    expect(officer.get_by_text("Förslag till beslut").first).to_be_visible(timeout=ADMIN_TIMEOUT)
    # A case officer is offered no decision.
    expect(officer.get_by_role("button", name="Bevilja")).to_have_count(0, timeout=ADMIN_TIMEOUT)
    officer_context.close()

    # The decision maker grants.
    decider_context, decider = _staff_page(page, server, "e2e-beslut")
    decider.goto(f"/admin/arenden/{case_id}/")
    decider.get_by_label("Nej, jag är inte jävig").check()
    decider.get_by_role("button", name="Lämna jävsdeklaration").click()
    decider.locator("#grant-amount").fill("280000")
    decider.locator("#grant-conditions").fill("Slutrapport senast 30 juni 2028.")
    decider.locator("#grant-reason").fill("Enligt förslaget.")
    decider.locator("#grant-confirm").check()
    decider.get_by_role("button", name="Bevilja", exact=True).click()
    expect(decider.get_by_text("Beviljad").first).to_be_visible(timeout=ADMIN_TIMEOUT)
    decider_context.close()

    # The company sees the decision; the statistics count it.
    page.goto(application_url)
    expect(page.get_by_text(re.compile(r"Beviljad .*280\s000 kr"))).to_be_visible()
    assert_axe_clean(page)
    after = server.call(server_data.amount_granted, programme="investeringsstod")
    assert float(after) - float(before) == 280_000
    page.goto("/stod/statistik/?programme=investeringsstod")
    assert_axe_clean(page)
    amount = page.locator(".key-figures div", has_text="Beviljat belopp").locator("dd")
    shown = int(re.sub(r"\D", "", amount.inner_text()))
    assert shown == int(float(after))
