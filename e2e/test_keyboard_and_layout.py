"""Keyboard use, visible focus and small screens."""

import pytest
from playwright.sync_api import expect

from e2e.support import BANNER

pytestmark = pytest.mark.e2e

FOCUSED = """() => {
    const el = document.activeElement;
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        text: (el.innerText || el.value || "").trim().slice(0, 60),
        inBanner: !!el.closest("[data-consent-banner]"),
        outlineStyle: s.outlineStyle,
        outlineWidth: parseFloat(s.outlineWidth),
        outlineColor: s.outlineColor,
        visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
                 && r.top < innerHeight && r.left < innerWidth,
        selector: el.outerHTML.slice(0, 120),
    };
}"""


def _tab(page):
    page.keyboard.press("Tab")
    return page.evaluate(FOCUSED)


def test_first_tab_reaches_the_skip_link_and_enter_moves_to_main(page):
    page.goto("/om-projektet/")
    skip = page.get_by_role("link", name="Hoppa till huvudinnehållet")
    # Hidden until focused ...
    assert skip.bounding_box()["y"] + skip.bounding_box()["height"] <= 0

    focused = _tab(page)
    assert focused["tag"] == "a" and focused["text"] == "Hoppa till huvudinnehållet"
    expect(skip).to_be_focused()
    # ... and then shown on screen.
    assert skip.bounding_box()["y"] >= 0
    assert focused["visible"]

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    assert page.url.endswith("#main")
    # The next Tab continues inside main, not at the top of the page.
    focused = _tab(page)
    assert page.evaluate("() => !!document.activeElement.closest('main')"), focused


@pytest.mark.parametrize("path", ["/", "/om-projektet/", "/samtycke/", "/finns-inte/"])
def test_every_tab_stop_shows_a_visible_focus_indicator(page, path):
    page.goto(path)
    seen = []
    for _ in range(80):
        focused = _tab(page)
        if focused["tag"] == "body" or (seen and focused["selector"] == seen[0]["selector"]):
            break  # wrapped around
        seen.append(focused)
        # The site shows focus with an outline (site.css :focus-visible); at least 2 px, opaque.
        indicated = (
            focused["outlineStyle"] not in ("none", "hidden")
            and focused["outlineWidth"] >= 2
            and focused["outlineColor"] not in ("transparent", "rgba(0, 0, 0, 0)")
        )
        assert indicated, f"no visible focus on {focused['selector']}: {focused}"
        assert focused["visible"], f"focused element is off screen: {focused['selector']}"
    links = [f for f in seen if f["tag"] == "a"]
    assert len(links) >= 5, "too few links reached by Tab"


def test_everything_in_the_banner_is_reachable_by_tab(page):
    page.goto("/")
    banner = page.locator(BANNER)
    controls = banner.locator("a[href], button, input:not([type=hidden]), select, textarea")
    expected = [text.strip() for text in controls.all_inner_texts()]
    assert expected == [
        "Läs mer om hur vi använder kakor",
        "Godkänn alla",
        "Endast nödvändiga",
        "Inställningar",
    ]

    reached = []
    for _ in range(len(expected) + 3):
        focused = _tab(page)
        if focused["inBanner"]:
            reached.append(focused["text"])
    assert reached == expected
    # The banner comes right after the skip link, before the header.
    page.goto("/")
    _tab(page)
    assert _tab(page)["text"] == "Läs mer om hur vi använder kakor"


def test_banner_choice_by_keyboard(page):
    page.goto("/")
    assert [_tab(page)["text"] for _ in range(4)] == [
        "Hoppa till huvudinnehållet",
        "Läs mer om hur vi använder kakor",
        "Godkänn alla",
        "Endast nödvändiga",
    ]
    page.keyboard.press("Enter")
    expect(page.locator(BANNER)).to_have_count(0)
    expect(page.locator("main#main")).to_be_focused()


@pytest.mark.parametrize("consented", [False, True], ids=["banner", "after-consent"])
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/om-projektet/",
        "/om-projektet/samverkan-och-larande/",
        "/kontakt/",
        "/sok/?q=hållbarhet",
        "/samtycke/",
        "/konto/logga-in/",
        "/finns-inte/",
        "/en/",
    ],
)
def test_no_horizontal_scroll_at_320_px(new_context, path, consented):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    page.goto(path)
    if consented:
        page.goto("/samtycke/")
        page.get_by_role("button", name="Godkänn alla").click()
        page.goto(path)
        expect(page.locator(BANNER)).to_have_count(0)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    if width > 320:
        culprits = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > 320.5
                              || el.scrollWidth > el.clientWidth + 1)
                .slice(0, 10).map(el => el.outerHTML.slice(0, 100))"""
        )
        pytest.fail(f"{path} is {width}px wide at 320px; too wide: {culprits}")
