"""axe-core on the demo site's pages, in Swedish and English, once consent is given: every
page, except that of a kind with many pages (the finder's offers and actors, the bank's
items) the first five are checked. They are one template over different data, and five show
its variations without the sweep growing with every offer the demo gains."""

import pytest
from playwright.sync_api import expect

from e2e.support import BANNER, check_every_page_with_axe, pages_of_each_kind

pytestmark = pytest.mark.e2e


PAGES_OF_A_KIND = 5


def test_axe_after_consent(page, server, site_paths):
    page.goto("/")
    page.locator(BANNER).get_by_role("button", name="Godkänn alla").click()
    expect(page.locator(BANNER)).to_have_count(0)
    paths = pages_of_each_kind(server, site_paths, most=PAGES_OF_A_KIND)
    check_every_page_with_axe(page, paths, expect_banner=False)
