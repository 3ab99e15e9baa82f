"""axe-core on every page of the demo site, in Swedish and English, before and after consent."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from e2e.support import BANNER, crawl_paths, serious_violations, sitemap_paths, violations_report

pytestmark = pytest.mark.e2e

# Pages no link leads to without input, and the 404 page.
EXTRA_PATHS = [
    "/api/v1/docs",
    "/sok/?q=hållbarhet",
    "/sok/?q=finns-inte-alls",
    "/sok/",
    "/en/search/?q=sustainability",
    "/samtycke/",
    "/en/consent/",
    "/konto/logga-in/",
    "/en/account/sign-in/",
]
# The cookie settings pages show the choices themselves, so no banner there.
SETTINGS_PATHS = {"/samtycke/", "/en/consent/"}
NOT_FOUND_PATHS = ["/finns-inte/", "/en/does-not-exist/"]

_axe = Axe()


@pytest.fixture(scope="module")
def site_paths(server):
    """Every page: the sitemap, plus everything linked from it and from both home pages."""
    listed = sitemap_paths(server.url)
    assert "/" in listed and "/om-projektet/" in listed
    crawled = crawl_paths(server.url, ["/", "/en/", *listed])
    paths = list(dict.fromkeys([*listed, *crawled, *EXTRA_PATHS]))
    english = [path for path in paths if path.startswith("/en/")]
    assert len(english) >= 10, f"too few English pages found: {english}"
    assert "/en/about-the-project/" in english
    return paths


def _check(page, paths, *, expect_banner):
    failures = []
    for path in [*paths, *NOT_FOUND_PATHS]:
        response = page.goto(path)
        expected_status = 404 if path in NOT_FOUND_PATHS else 200
        assert response.status == expected_status, f"{path} answered {response.status}"
        banner_expected = expect_banner and path not in SETTINGS_PATHS
        expect(page.locator(BANNER)).to_have_count(1 if banner_expected else 0)
        violations = serious_violations(_axe.run(page).response)
        if violations:
            failures.append(violations_report(path, violations))
    assert not failures, "Serious or critical axe violations:\n\n" + "\n\n".join(failures)


def test_site_paths_cover_both_languages(site_paths):
    assert len(site_paths) >= 30
    assert any(
        path.startswith("/en/about-the-project/") and path.count("/") == 4 for path in site_paths
    )


def test_axe_with_the_consent_banner(page, site_paths):
    _check(page, site_paths, expect_banner=True)


def test_axe_after_consent(page, site_paths):
    page.goto("/")
    page.locator(BANNER).get_by_role("button", name="Godkänn alla").click()
    expect(page.locator(BANNER)).to_have_count(0)
    _check(page, site_paths, expect_banner=False)


def test_axe_after_the_server_side_consent_form(page):
    """The no-JavaScript path ends on a page with a confirmation message: check that page too.

    axe needs JavaScript, so the site's own script is blocked instead of disabling JavaScript.
    """
    page.route("**/static/js/site.js", lambda route: route.abort())
    page.goto("/om-projektet/")
    page.locator(BANNER).get_by_role("button", name="Endast nödvändiga").click()
    expect(page.get_by_role("status")).to_contain_text("Dina val för kakor är sparade.")
    violations = serious_violations(_axe.run(page).response)
    assert not violations, violations_report(page.url, violations)
