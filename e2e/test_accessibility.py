"""axe-core on every page of the demo site, in Swedish and English, with the consent banner
shown (after consent: test_accessibility_after_consent.py, so the two runs share the work)."""

import pytest
from playwright.sync_api import expect

from e2e.support import (
    AXE,
    BANNER,
    check_every_page_with_axe,
    serious_violations,
    violations_report,
)

pytestmark = pytest.mark.e2e


def test_site_paths_cover_both_languages(site_paths):
    assert len(site_paths) >= 30
    assert any(
        path.startswith("/en/about-the-project/") and path.count("/") == 4 for path in site_paths
    )


def test_axe_with_the_consent_banner(page, site_paths):
    check_every_page_with_axe(page, site_paths, expect_banner=True)


def test_axe_after_the_server_side_consent_form(page):
    """The no-JavaScript path ends on a page with a confirmation message: check that page too.

    axe needs JavaScript, so the site's own script is blocked instead of disabling JavaScript.
    """
    page.route("**/static/js/site.js", lambda route: route.abort())
    page.goto("/om-projektet/")
    page.locator(BANNER).get_by_role("button", name="Endast nödvändiga").click()
    expect(page.get_by_role("status")).to_contain_text("Dina val för kakor är sparade.")
    violations = serious_violations(AXE.run(page).response)
    assert not violations, violations_report(page.url, violations)
