"""axe-core on every page of the demo site, in Swedish and English, once consent is given."""

import pytest
from playwright.sync_api import expect

from e2e.support import BANNER, check_every_page_with_axe

pytestmark = pytest.mark.e2e


def test_axe_after_consent(page, site_paths):
    page.goto("/")
    page.locator(BANNER).get_by_role("button", name="Godkänn alla").click()
    expect(page.locator(BANNER)).to_have_count(0)
    check_every_page_with_axe(page, site_paths, expect_banner=False)
