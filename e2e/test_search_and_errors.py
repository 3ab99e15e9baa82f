"""Site search from the header, odd queries, and the 404 page."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

ODD_QUERIES = {
    "empty": "",
    "blank": "   ",
    "300-characters": "hållbarhet" * 30,
    "script": "<script>alert('x')</script>",
    "quote": '"',
    "percent": "%",
    "mixed": "hållbarhet \"omställning %_ <b>fet</b> \\ '; DROP TABLE x; --",
    "filter-syntax": "title:hållbarhet OR AND NOT ( ) * ?",
    "unicode": "😀 ∑ ᚠ \u202e",
}


def test_search_from_the_header_form(page, server):
    page.goto("/")
    search = page.get_by_role("search").first
    search.get_by_label("Sök på webbplatsen").fill("hållbarhet")
    search.get_by_label("Sök på webbplatsen").press("Enter")

    expect(page).to_have_url(f"{server.url}/sok/?q={quote('hållbarhet')}")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sök")
    expect(page.get_by_role("status")).to_contain_text("träffar för ”hållbarhet”")
    # The count is announced, and stays a heading that names the list of results.
    heading = page.get_by_role("heading", level=2, name=re.compile("träffar för ”hållbarhet”"))
    expect(heading).to_be_visible()
    results = page.get_by_role("list", name=re.compile("träffar för ”hållbarhet”"))
    expect(results).to_have_class(re.compile("search-results"))
    expect(results.get_by_role("link", name="Träffpunkt hållbarhet", exact=True)).to_be_visible()
    # Results are in the visitor's language only.
    for href in results.get_by_role("link").evaluate_all("links => links.map(a => a.pathname)"):
        assert not href.startswith("/en/"), href


def test_search_in_english_lists_english_pages(page, server):
    page.goto("/en/")
    page.get_by_role("search").first.get_by_role("searchbox").fill("sustainability")
    page.get_by_role("search").first.get_by_role("button").click()
    expect(page).to_have_url(f"{server.url}/en/search/?q=sustainability")
    links = page.locator(".search-results").get_by_role("link")
    expect(links.first).to_be_visible()
    for href in links.evaluate_all("links => links.map(a => a.pathname)"):
        assert href.startswith("/en/"), href


@pytest.mark.parametrize("query", ODD_QUERIES.values(), ids=ODD_QUERIES.keys())
def test_odd_queries_get_a_swedish_answer_never_an_error(page, query):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    response = page.goto(f"/sok/?q={quote(query)}")

    assert response.status == 200
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sök")
    main = page.get_by_role("main")
    if query.strip():
        expect(page.get_by_role("status")).to_contain_text("för ”")
        if "0 träffar" in page.get_by_role("status").inner_text():
            expect(main).to_contain_text("Försök med andra eller färre ord.")
        # The query is shown back as text, at most 200 characters, never as markup.
        shown = page.locator("#search-page-query").input_value()
        assert shown == query.strip()[:200]
    else:
        expect(main).to_contain_text("Skriv ett eller flera ord")
    expect(page.locator("main script, main b")).to_have_count(0)
    assert dialogs == []


def test_raw_percent_in_the_address_is_not_an_error(page):
    response = page.goto("/sok/?q=%&sida=%zz")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Sök")


def test_search_result_pages_with_a_bad_page_number(page):
    for number in ["0", "-1", "999", "abc", "1e9"]:
        response = page.goto(f"/sok/?q=hållbarhet&sida={number}")
        assert response.status == 200, number
        expect(page.get_by_role("status")).to_contain_text("för ”hållbarhet”")


@pytest.mark.parametrize("path", ["/finns-inte/", "/om-projektet/finns-inte/", "/sok/finns-inte"])
def test_unknown_address_gives_404_in_the_site_layout(page, path):
    response = page.goto(path)

    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page).to_have_title("Sidan finns inte – Omställning Västmanland")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sidan finns inte")
    expect(page.get_by_role("main")).to_contain_text("Vi hittar inte sidan du letar efter.")
    # The site's own layout: header with navigation, footer, skip link, our stylesheet.
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_role("navigation", name="Huvudmeny")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("Cookie-inställningar")
    expect(page.locator(".skip-link")).to_have_text("Hoppa till huvudinnehållet")
    nav_background = page.locator(".main-nav").evaluate(
        "el => getComputedStyle(el).backgroundColor"
    )
    assert nav_background == "rgb(11, 93, 59)", "the site's stylesheet is not applied"
    expect(page.get_by_role("link", name="Till startsidan")).to_have_attribute("href", "/")


def test_unknown_english_address_gives_404_in_english(page):
    response = page.goto("/en/does-not-exist/")

    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_contain_text("Cookie settings")
