"""The knowledge bank's address bar in a real browser: after every change, typing included
(after a pause), it says exactly what the listing shows; Back and reload bring back the same
listing, search box and choices; a new search sorts by relevance. At 1280 and 390 px."""

import re
import time
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from e2e.support import assert_axe_clean, dismiss_cookie_banner

SEARCH = "Sök bland exempel, verktyg och metoder"


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def shown(page) -> dict:
    """What the page shows: the words, the sorting, the ticked boxes and the count.

    Read in one script, so that htmx cannot swap the listing between two of the readings.
    """
    return page.evaluate(
        """() => ({
            q: document.querySelector("#knowledge-q").value,
            sort: document.querySelector("#knowledge-sort").value,
            checked: Array.from(
                document.querySelectorAll("#knowledge-listing input[type=checkbox]:checked"),
                (box) => `${box.name}=${box.value}`,
            ).sort(),
            count: document.querySelector("#knowledge-results-heading").innerText,
        })"""
    )


def shows(page, expected: dict, timeout: float = 10.0) -> dict:
    """What the page shows once it shows `expected`, or after `timeout` seconds: going back,
    the address changes at once and the listing arrives from the server a moment later."""
    deadline = time.monotonic() + timeout
    while (now := shown(page)) != expected and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    return now


def settled(page) -> None:
    """Wait until htmx has nothing in flight and the address has been set."""
    page.wait_for_function("!document.querySelector('.htmx-request')")
    page.wait_for_timeout(150)


@pytest.mark.parametrize("width", [1280, 390])
def test_the_address_follows_every_change_and_comes_back(new_context, width):
    page = new_context(viewport={"width": width, "height": 900}).new_page()
    page.goto("/kunskapsbank/")
    dismiss_cookie_banner(page)
    expect(page.locator("#knowledge-sort")).to_be_disabled()  # newest first, nothing to rank

    # Typing, without pressing anything: the listing and the address follow after a pause.
    page.get_by_label(SEARCH).press_sequentially("energi", delay=40)
    expect(page).to_have_url(re.compile(r"\?q=energi$"))
    expect(page.locator("#knowledge-sort")).to_have_value("relevans")
    settled(page)
    searched = shown(page)

    page.get_by_label(re.compile(r"^Köping \(\d+\)")).check()
    expect(page).to_have_url(re.compile(r"\?q=energi&kommun=1983$"))
    settled(page)
    koping = shown(page)
    page.get_by_label(re.compile(r"^7\. .* \(\d+\)")).check()
    expect(page).to_have_url(re.compile(r"\?q=energi&mal=7&kommun=1983$"))
    settled(page)
    both = shown(page)
    assert both["checked"] == ["kommun=1983", "mal=7"]
    assert_axe_clean(page)

    # Newest first for these words, then a new search: by relevance again.
    page.locator("#knowledge-sort").select_option("nyast")
    expect(page).to_have_url(re.compile(r"sortering=nyast"))
    settled(page)
    page.get_by_label(SEARCH).fill("klimat")
    expect(page).to_have_url(re.compile(r"\?q=klimat&mal=7&kommun=1983$"))
    expect(page.locator("#knowledge-sort")).to_have_value("relevans")

    # Back, step by step: each time the search box, the boxes and the list agree.
    page.go_back()
    expect(page).to_have_url(re.compile(r"sortering=nyast"))
    expect(page.locator("#knowledge-sort")).to_have_value("nyast")
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=energi&mal=7&kommun=1983$"))
    assert shows(page, both) == both
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=energi&kommun=1983$"))
    assert shows(page, koping) == koping
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=energi$"))
    assert shows(page, searched) == searched

    page.reload()
    assert shown(page) == searched
    assert query(page) == {"q": ["energi"]}
    assert_axe_clean(page)


def test_nothing_to_narrow_leaves_no_empty_box(page):
    page.goto("/kunskapsbank/?q=zyxwvut")
    dismiss_cookie_banner(page)

    expect(page.get_by_role("heading", name="0 träffar")).to_be_visible()
    expect(page.get_by_role("heading", name="Avgränsa")).to_have_count(0)
    expect(page.get_by_role("link", name="Rensa alla val")).to_be_visible()
    assert_axe_clean(page)


def test_a_tool_can_be_downloaded(page):
    page.goto("/kunskapsbank/energikartlaggning-for-sma-foretag/")
    dismiss_cookie_banner(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner Energikartläggning för små företag").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    assert_axe_clean(page)
