"""The strategy in a real browser: open the red thread, follow a gap to the initiative, file a
status report as a Näringslivsutvecklare, and see the goal's rollup change. axe checks the
public strategy pages."""

import re

from playwright.sync_api import expect

from e2e import server_data
from e2e.support import assert_axe_clean, dismiss_cookie_banner, log_in


def _goal_progress(page) -> int:
    text = page.locator(".progress span").first.inner_text()
    return int(re.match(r"(\d+)", text).group(1))


def test_follow_a_gap_report_status_and_see_the_rollup(server, page):
    assert server.call(
        server_data.create_user, username="e2e-nlu", role="Näringslivsutvecklare", with_device=True
    )

    page.goto("/affarsplan/")
    dismiss_cookie_banner(page)
    expect(page.get_by_role("img", name=re.compile("Den röda tråden"))).to_be_visible()
    assert_axe_clean(page)
    page.get_by_role("link", name="Den röda tråden").click()
    page.locator("#luckor").get_by_role("link", name="Insats A3").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A3 Industrimark för nyetableringar")
    assert_axe_clean(page)
    page.get_by_role("link", name=re.compile("^1.1 Minskade utsläpp")).click()
    assert_axe_clean(page)
    before = _goal_progress(page)

    staff = page.context.browser.new_context(base_url=server.url, locale="sv-SE")
    admin = staff.new_page()
    admin.goto("/admin/strategy/initiatives/")
    log_in(admin, "e2e-nlu", with_code=True)
    initiative_id = server.call(server_data.initiative_id, code="A3")
    admin.goto(f"/admin/strategy/initiatives/status/{initiative_id}/")
    admin.get_by_label("Genomfört (%)").fill("80")
    admin.get_by_label("Kommentar").fill("Detaljplanen har vunnit laga kraft; marken är såld.")
    admin.get_by_role("button", name="Spara rapporten").click()
    expect(admin.get_by_text("Statusrapporten är sparad.")).to_be_visible()
    staff.close()

    page.reload()
    after = _goal_progress(page)
    assert after > before + 30, (before, after)
    page.goto("/affarsplan/insatser/a3/")
    expect(page.get_by_text("Detaljplanen har vunnit laga kraft")).to_be_visible()
