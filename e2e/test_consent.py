"""Cookie consent: the banner, the choice with and without JavaScript, and changing it later."""

import pytest
from playwright.sync_api import expect

from e2e import server_data
from e2e.support import BANNER, NECESSARY_COOKIES

pytestmark = pytest.mark.e2e

CHOICES = [("button", "Godkänn alla"), ("button", "Endast nödvändiga"), ("link", "Inställningar")]
# What makes a control look more or less prominent than another.
PROMINENCE = [
    "backgroundColor",
    "color",
    "fontSize",
    "fontWeight",
    "fontFamily",
    "borderTopWidth",
    "borderTopStyle",
    "borderTopColor",
    "paddingTop",
    "paddingLeft",
    "textDecorationLine",
    "opacity",
]


def _choice(page, role, name):
    return page.locator(BANNER).get_by_role(role, name=name, exact=True)


def _settings_choices(page):
    """The categories the settings page shows as chosen: (statistics, third party)."""
    return (
        page.get_by_label("Statistik", exact=True).is_checked(),
        page.get_by_label("Tredjepartstjänster", exact=True).is_checked(),
    )


@pytest.mark.parametrize("width", [1280, 320])
def test_banner_offers_three_equally_prominent_choices(new_context, width):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    page.goto("/")

    banner = page.locator(BANNER)
    expect(banner).to_be_visible()
    expect(banner.get_by_role("heading", level=2)).to_have_text(
        "Godkänn vårt användande av kakor (cookies)"
    )
    controls = [_choice(page, role, name) for role, name in CHOICES]
    for control in controls:
        expect(control).to_be_visible()

    boxes = [control.bounding_box() for control in controls]
    styles = [
        control.evaluate(
            "(el, props) => { const s = getComputedStyle(el);"
            " return Object.fromEntries(props.map(p => [p, s[p]])); }",
            PROMINENCE,
        )
        for control in controls
    ]
    for (_role, name), box, style in zip(CHOICES[1:], boxes[1:], styles[1:], strict=True):
        assert style == styles[0], f"“{name}” is styled differently from “Godkänn alla”"
        assert abs(box["height"] - boxes[0]["height"]) <= 1, (name, box, boxes[0])
        assert abs(box["width"] - boxes[0]["width"]) <= 2, (name, box, boxes[0])


def test_nothing_but_necessary_cookies_and_no_third_party_before_a_choice(page, blocked):
    for path in ["/", "/om-projektet/", "/en/", "/sok/?q=hållbarhet", "/kontakt/"]:
        page.goto(path)
        expect(page.locator(BANNER)).to_be_visible()
    names = {cookie["name"] for cookie in page.context.cookies()}
    assert names <= NECESSARY_COOKIES, f"cookies before consent: {sorted(names)}"
    # No consent is stored yet: it is the visitor's choice that stores it.
    assert "samtycke" not in names
    # Nor is anything kept in the browser's storage instead of cookies.
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert blocked.urls == []


def test_necessary_only_with_javascript(page, server, blocked):
    page.goto("/om-projektet/")
    page.evaluate("window.e2eNotReloaded = true")
    with page.expect_response(
        lambda r: r.request.method == "POST" and "/samtycke/" in r.url
    ) as posted:
        _choice(page, "button", "Endast nödvändiga").click()
    response = posted.value
    assert response.request.headers.get("accept") == "application/json"
    assert response.json() == {"statistics": False, "third_party": False}

    expect(page.locator(BANNER)).to_have_count(0)
    assert page.evaluate("window.e2eNotReloaded") is True, "the page was reloaded"
    expect(page).to_have_url(server.url + "/om-projektet/")
    # Focus is not lost with the banner: it moves to the main content.
    expect(page.locator("main#main")).to_be_focused()

    names = {cookie["name"] for cookie in page.context.cookies()}
    assert "samtycke" in names
    assert names <= NECESSARY_COOKIES
    assert server.call(server_data.last_consent_record) == ["necessary_only", False, False]

    page.goto("/")
    expect(page.locator(BANNER)).to_have_count(0)
    page.goto("/samtycke/")
    assert _settings_choices(page) == (False, False)
    assert blocked.urls == []


def test_accept_all_with_javascript(page, server):
    page.goto("/")
    page.evaluate("window.e2eNotReloaded = true")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        _choice(page, "button", "Godkänn alla").click()
    assert posted.value.json() == {"statistics": True, "third_party": True}
    expect(page.locator(BANNER)).to_have_count(0)
    assert page.evaluate("window.e2eNotReloaded") is True, "the page was reloaded"
    assert server.call(server_data.last_consent_record) == ["accept_all", True, True]

    page.goto("/kontakt/")
    expect(page.locator(BANNER)).to_have_count(0)
    page.goto("/samtycke/")
    assert _settings_choices(page) == (True, True)


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("Endast nödvändiga", (False, False)), ("Godkänn alla", (True, True))],
)
def test_choice_without_javascript(new_context, server, choice, expected):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/om-projektet/")
    expect(page.locator(BANNER)).to_be_visible()

    _choice(page, "button", choice).click()

    # The server-side form saved the choice and sent the visitor back where they were.
    expect(page).to_have_url(server.url + "/om-projektet/")
    expect(page.locator(BANNER)).to_have_count(0)
    expect(page.get_by_role("status")).to_contain_text("Dina val för kakor är sparade.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Om projektet")
    page.goto("/samtycke/")
    assert _settings_choices(page) == expected


def test_settings_button_in_banner_lets_the_visitor_pick_categories(page, server):
    page.goto("/om-projektet/")
    _choice(page, "link", "Inställningar").click()
    expect(page).to_have_url(server.url + "/samtycke/?next=/om-projektet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inställningar för kakor")
    expect(page.locator(BANNER)).to_have_count(0)
    expect(page.get_by_label("Nödvändiga", exact=True)).to_be_checked()
    expect(page.get_by_label("Nödvändiga", exact=True)).to_be_disabled()

    page.get_by_label("Statistik", exact=True).check()
    page.get_by_role("button", name="Spara mina val").click()

    expect(page).to_have_url(server.url + "/om-projektet/")
    expect(page.locator(BANNER)).to_have_count(0)
    assert server.call(server_data.last_consent_record) == ["custom", True, False]
    page.goto("/samtycke/")
    assert _settings_choices(page) == (True, False)


def test_footer_link_changes_and_withdraws_consent(page, server):
    page.goto("/nyheter/")
    _choice(page, "button", "Godkänn alla").click()
    expect(page.locator(BANNER)).to_have_count(0)

    page.get_by_role("contentinfo").get_by_role(
        "link", name="Cookie-inställningar", exact=True
    ).click()
    expect(page).to_have_url(server.url + "/samtycke/?next=/nyheter/")
    assert _settings_choices(page) == (True, True)

    # Change: keep statistics, drop third-party services.
    page.get_by_label("Tredjepartstjänster", exact=True).uncheck()
    page.get_by_role("button", name="Spara mina val").click()
    expect(page).to_have_url(server.url + "/nyheter/")
    expect(page.get_by_role("status")).to_contain_text("Dina val för kakor är sparade.")
    page.get_by_role("link", name="Cookie-inställningar", exact=True).click()
    assert _settings_choices(page) == (True, False)

    # Withdraw: back to necessary cookies only.
    page.get_by_role("button", name="Endast nödvändiga").click()
    expect(page).to_have_url(server.url + "/nyheter/")
    expect(page.locator(BANNER)).to_have_count(0)
    page.get_by_role("link", name="Cookie-inställningar", exact=True).click()
    assert _settings_choices(page) == (False, False)
    assert server.call(server_data.last_consent_record) == ["necessary_only", False, False]


def test_page_views_are_counted_only_with_statistics_consent(new_context, server):
    path = "/tillganglighetsredogorelse/"
    before = server.call(server_data.page_views, path=path)

    # Before any choice, and with necessary cookies only: never counted.
    page = new_context().new_page()
    page.goto(path)
    _choice(page, "button", "Endast nödvändiga").click()
    expect(page.locator(BANNER)).to_have_count(0)
    page.goto(path)
    page.goto(path)

    # Statistics allowed: each page view is counted, on our own server.
    page = new_context().new_page()
    page.goto("/")
    _choice(page, "button", "Godkänn alla").click()
    expect(page.locator(BANNER)).to_have_count(0)
    page.goto(path)
    page.goto(path)

    assert server.call(server_data.page_views, path=path) == before + 2
