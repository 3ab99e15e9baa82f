"""Helpers shared by the browser tests."""

from __future__ import annotations

import re
import urllib.request
import xml.etree.ElementTree as ET
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from e2e import server_data
from e2e.server_data import PASSWORD, TOTP_KEY

NECESSARY_COOKIES = {"samtycke", "csrftoken", "sessionid"}
BANNER = "[data-consent-banner]"


def dismiss_cookie_banner(page) -> None:
    """Choose "necessary only" if the cookie banner is showing, in either language."""
    banner = page.locator(BANNER)
    if banner.count():
        necessary_only = re.compile("^(Endast nödvändiga|Necessary only)$")
        banner.get_by_role("button", name=necessary_only).click()
        expect(banner).to_have_count(0)


# Not pages of the public site: assets, the admin (behind 2FA), documents, machine endpoints.
_NOT_PAGES = ("/static/", "/media/", "/admin/", "/dokument/", "/healthz", "/robots.txt")
_SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def fetch(url: str) -> tuple[int, str, str]:
    """GET a URL without a browser: status, content type and body."""
    request = urllib.request.Request(url, headers={"Accept-Language": "sv"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return (
                response.status,
                response.headers.get("Content-Type", ""),
                response.read().decode("utf-8", errors="replace"),
            )
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), ""


def sitemap_paths(base_url: str) -> list[str]:
    """The paths /sitemap.xml lists."""
    status, _type, body = fetch(base_url + "/sitemap.xml")
    assert status == 200, f"/sitemap.xml answered {status}"
    root = ET.fromstring(body)
    return [urlsplit(loc.text.strip()).path for loc in root.findall("sm:url/sm:loc", _SITEMAP_NS)]


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def crawl_paths(base_url: str, start: list[str], limit: int = 300) -> list[str]:
    """Every internal HTML page reachable by links from `start` (query and fragment dropped)."""
    origin = urlsplit(base_url)
    seen: set[str] = set()
    pages: list[str] = []
    queue = deque(start)
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        status, content_type, body = fetch(base_url + path)
        if status != 200 or not content_type.startswith("text/html"):
            continue
        pages.append(path)
        parser = _LinkParser()
        parser.feed(body)
        for href in parser.hrefs:
            target = urlsplit(urljoin(base_url + path, href))
            if target.scheme not in ("http", "https") or target.netloc != origin.netloc:
                continue
            if target.path.startswith(_NOT_PAGES) or target.path in seen:
                continue
            queue.append(target.path)
    return pages


def serious_violations(results: dict) -> list[dict]:
    return [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]


def assert_axe_clean(page) -> None:
    """No serious or critical axe violation on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    violations = serious_violations(Axe().run(page).response)
    assert not violations, violations_report(page.url, violations)


def violations_report(url: str, violations: list[dict]) -> str:
    lines = [f"{url}:"]
    for violation in violations:
        lines.append(
            f"  [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:10]:
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"      at {target}")
            lines.append(f"         {node['html'][:200]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            if summary:
                lines.append(f"         {summary[:300]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"      … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


# --- People who log in ------------------------------------------------------------------


def totp_token() -> str:
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(TOTP_KEY)):06d}"


def log_in(page, username: str, *, with_code: bool = False) -> None:
    """Fill in the two-step login form the page is on."""
    import re

    # Staff log in with their user name in the same field as everyone's e-mail address.
    page.locator("#id_auth-username").fill(username)
    page.get_by_label("Lösenord").fill(PASSWORD)
    page.get_by_role("button", name="Nästa").click()
    if with_code:
        page.get_by_label(re.compile("Kod|Token", re.I)).fill(totp_token())
        page.get_by_role("button", name="Nästa").click()


# For the axe checks of every page: pages no link leads to without input, and the 404 page.
EXTRA_PATHS = [
    "/api/v1/docs",
    "/sok/?q=hållbarhet",
    "/sok/?q=finns-inte-alls",
    "/sok/",
    "/en/search/?q=sustainability",
    "/samtycke/",
    "/en/consent/",
    "/de-minimis/",
    "/konto/logga-in/",
    "/en/account/sign-in/",
]
# The cookie settings pages show the choices themselves, so no banner there.
SETTINGS_PATHS = {"/samtycke/", "/en/consent/"}
NOT_FOUND_PATHS = ["/finns-inte/", "/en/does-not-exist/"]

AXE = Axe()


def check_every_page_with_axe(page, paths: list[str], *, expect_banner: bool) -> None:
    """axe-core on each path (and the 404 pages): no serious or critical violation."""
    failures = []
    for path in [*paths, *NOT_FOUND_PATHS]:
        response = page.goto(path)
        expected_status = 404 if path in NOT_FOUND_PATHS else 200
        assert response.status == expected_status, f"{path} answered {response.status}"
        banner_expected = expect_banner and path not in SETTINGS_PATHS
        expect(page.locator(BANNER)).to_have_count(1 if banner_expected else 0)
        violations = serious_violations(AXE.run(page).response)
        if violations:
            failures.append(violations_report(path, violations))
    assert not failures, "Serious or critical axe violations:\n\n" + "\n\n".join(failures)


def pages_of_each_kind(server, paths: list[str], most: int = 1) -> list[str]:
    """The first `most` addresses of each kind of page, and every address chosen by hand."""
    kinds = server.call(server_data.page_kinds, paths=paths)
    taken: dict[str, int] = {}
    chosen = []
    for path in paths:
        taken[kinds[path]] = taken.get(kinds[path], 0) + 1
        if path in EXTRA_PATHS or taken[kinds[path]] <= most:
            chosen.append(path)
    return chosen
