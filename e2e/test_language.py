"""The language switch between Swedish and English."""

import pytest
from playwright.sync_api import expect

from e2e.support import BANNER

pytestmark = pytest.mark.e2e


def _switch_to(page, language):
    page.locator("nav.language-switch").get_by_role("link", name=language, exact=True).click()


def test_home_page_to_english_and_back(page, server):
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Omställning Västmanland")

    _switch_to(page, "English")
    expect(page).to_have_url(server.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Transition Västmanland")
    expect(
        page.get_by_role("navigation", name="Choose language").get_by_role("link", name="English")
    ).to_have_attribute("aria-current", "true")
    expect(page.get_by_role("link", name="About the project", exact=True).first).to_be_visible()

    _switch_to(page, "Svenska")
    expect(page).to_have_url(server.url + "/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Omställning Västmanland")


def test_about_the_project_links_to_its_translation(page, server):
    page.goto("/om-projektet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Om projektet")

    _switch_to(page, "English")
    expect(page).to_have_url(server.url + "/en/about-the-project/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("About the project")

    _switch_to(page, "Svenska")
    expect(page).to_have_url(server.url + "/om-projektet/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Om projektet")


def test_language_switch_keeps_non_page_views(page, server):
    page.goto("/samtycke/")
    _switch_to(page, "English")
    expect(page).to_have_url(server.url + "/en/consent/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Cookie settings")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    _switch_to(page, "Svenska")
    expect(page).to_have_url(server.url + "/samtycke/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")


def test_english_pages_have_an_english_interface(page):
    page.goto("/en/about-the-project/")
    expect(page.locator(".skip-link")).to_have_text("Skip to main content")
    banner = page.locator(BANNER)
    for name in ["Accept all", "Necessary only"]:
        expect(banner.get_by_role("button", name=name, exact=True)).to_be_visible()
    expect(banner.get_by_role("link", name="Settings", exact=True)).to_be_visible()
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    expect(page.get_by_role("search").get_by_role("button")).to_have_text("Search")
    expect(
        page.get_by_role("contentinfo").get_by_role("link", name="Cookie settings")
    ).to_be_visible()
    # Nothing of the Swedish interface is left on the English page.
    visible_text = page.locator("body").inner_text()
    swedish = ["Hoppa till huvudinnehållet", "Godkänn alla", "Cookie-inställningar", "Sök"]
    assert [text for text in swedish if text in visible_text] == []
