"""axe-core with the consent banner shown, on one page of each kind in Swedish and English
(every page, after consent: test_accessibility_after_consent.py).

The banner is one piece of markup, the same on every page. What it can clash with (ids,
landmarks, the order of focus, contrast over what lies behind it) comes from the page's
template, not from its text, so one page of each kind finds it; the sweep after consent
checks every page's content.
"""

import pytest
from playwright.sync_api import expect

from e2e import server_data
from e2e.support import (
    AXE,
    BANNER,
    EXTRA_PATHS,
    check_every_page_with_axe,
    pages_of_each_kind,
    serious_violations,
    violations_report,
)

pytestmark = pytest.mark.e2e


def test_site_paths_cover_both_languages(site_paths):
    assert len(site_paths) >= 30
    assert any(
        path.startswith("/en/about-the-project/") and path.count("/") == 4 for path in site_paths
    )


def test_every_kind_of_page_is_checked_with_the_banner(server, site_paths):
    checked = pages_of_each_kind(server, site_paths)
    kinds = server.call(server_data.page_kinds, paths=site_paths)
    assert {kinds[path] for path in checked} == set(kinds.values())
    assert set(EXTRA_PATHS) <= set(checked)
    # A page type of its own, a routable page's route, a Django view; in both languages.
    assert {"HomePage sv", "HomePage en", "StrategyPage.goal sv", "two_factor:login en"} <= set(
        kinds.values()
    ), sorted(set(kinds.values()))


def test_axe_with_the_consent_banner(page, server, site_paths):
    check_every_page_with_axe(page, pages_of_each_kind(server, site_paths), expect_banner=True)


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
