"""Fetching another platform's feed without trusting it: bounded in size, time, pages and
redirects, only from public addresses (see address_guard), and checked against the schema
before anything is imported.

The administrator sees why an import failed, but a target that is not a knowledge feed gets
the same few words whatever it answered: status codes, parser messages and missing fields would
let someone with the administrator role map the services the server can reach.
"""

import json
import time
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.utils.translation import gettext as _
from pydantic import ValidationError
from urllib3.exceptions import ReadTimeoutError

from .schema import FEED_FORMAT, FeedItem, FeedPlatform, KnowledgeFeed
from .transport import Watchdog, feed_session

CHUNK = 8192
MAX_REDIRECTS = 3
USER_AGENT = "Omstallningsplattformen/1 (kunskapsflöde)"


class FeedError(Exception):
    """Why a feed could not be imported, in words for the administrator."""


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def _limits() -> dict:
    return settings.KNOWLEDGE_FEED_LIMITS


def _unreachable(url: str) -> FeedError:
    # Also for a refused address, so that it reads like any address that does not answer.
    return FeedError(
        _(
            "Kunde inte nå flödet på %(url)s. Kontrollera adressen; flöden hämtas bara från "
            "allmänt nåbara adresser på port 80 eller 443."
        )
        % {"url": url}
    )


def _not_a_feed(url: str) -> FeedError:
    return FeedError(
        _("Adressen %(url)s svarar inte med ett kunskapsflöde (version 1). Kontrollera adressen.")
        % {"url": url}
    )


def _too_slow() -> FeedError:
    return FeedError(
        _("Flödet tog för lång tid (mer än %(seconds)s sekunder) och hämtades inte.")
        % {"seconds": _limits()["total_seconds"]}
    )


def _schema_problem(error: ValidationError) -> str:
    problems = [
        ".".join(str(part) for part in problem["loc"]) + ": " + problem["msg"]
        for problem in error.errors()[:5]
    ]
    return _("Flödet följer inte formatet för kunskapsflöden (version 1): %(problems)s") % {
        "problems": "; ".join(problems)
    }


def _read_body(response: requests.Response, watchdog: Watchdog) -> bytes:
    limit = _limits()["max_bytes"]
    too_big = _("Flödet är större än %(megabytes)s MB och hämtades inte.") % {
        "megabytes": round(limit / 1_000_000, 1)
    }
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise FeedError(too_big)
    body = bytearray()
    try:
        for chunk in response.iter_content(CHUNK):
            body += chunk
            if len(body) > limit:
                raise FeedError(too_big)
    except requests.RequestException as error:
        # requests reports a read timeout in the body as a ConnectionError around urllib3's.
        if isinstance(error.args[0] if error.args else None, ReadTimeoutError):
            raise _too_slow() from error
        raise FeedError(_("Anslutningen till flödet bröts under hämtningen.")) from error
    if watchdog.fired:
        raise _too_slow()  # the shutdown may look like the end of a body without a length
    return bytes(body)


def get_json(session: requests.Session, url: str, watchdog: Watchdog) -> Any:
    """One JSON document from `url`: bounded, same-site redirects only, or FeedError."""
    # Errors name the address asked for, never where a redirect led within the site.
    asked = url
    origin = _origin(url)
    for _attempt in range(MAX_REDIRECTS + 1):
        try:
            response = session.get(
                url,
                stream=True,
                allow_redirects=False,
                timeout=(_limits()["connect_seconds"], _limits()["read_seconds"]),
                headers={"Accept": "application/json", "User-Agent": USER_AGENT},
            )
        except requests.Timeout as error:
            raise _too_slow() from error
        except requests.RequestException as error:
            raise _unreachable(asked) from error
        with response:
            if response.is_redirect:
                target = urljoin(url, response.headers.get("Location", ""))
                if _origin(target) != origin:
                    raise FeedError(
                        _(
                            "Flödet skickar vidare till en annan webbplats (%(target)s). Av "
                            "säkerhetsskäl följs bara omdirigeringar inom samma webbplats; "
                            "ändra adressen om flödet har flyttat."
                        )
                        % {"target": target}
                    )
                url = target
                continue
            if response.status_code != 200:
                raise _not_a_feed(asked)
            body = _read_body(response, watchdog)
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as error:
            raise _not_a_feed(asked) from error
    raise FeedError(_("Flödet skickade vidare för många gånger."))


def _page(session: requests.Session, url: str, watchdog: Watchdog) -> KnowledgeFeed:
    document = get_json(session, url, watchdog)
    # Schema details only for a document that says it is a feed; anything else says nothing.
    if not isinstance(document, dict) or document.get("format") != FEED_FORMAT:
        raise _not_a_feed(url)
    try:
        return KnowledgeFeed.model_validate(document)
    except ValidationError as error:
        raise FeedError(_schema_problem(error)) from error


def _pages(
    session: requests.Session, url: str, watchdog: Watchdog
) -> tuple[FeedPlatform, list[FeedItem]]:
    limits = _limits()
    origin = _origin(url)
    items: list[FeedItem] = []
    seen: set[str] = set()
    platform: FeedPlatform | None = None
    next_url: str | None = url
    for _number in range(limits["max_pages"]):
        if next_url is None:
            return platform, items
        if _origin(next_url) != origin:
            raise FeedError(
                _("Flödets nästa sida ligger på en annan webbplats (%(url)s).") % {"url": next_url}
            )
        page = _page(session, next_url, watchdog)
        platform = platform or page.platform
        for item in page.items:
            if item.id in seen:
                raise FeedError(_("Flödet har samma id två gånger (%(id)s).") % {"id": item.id})
            seen.add(item.id)
            items.append(item)
        next_url = page.next
    if next_url is None:
        return platform, items
    raise FeedError(
        _("Flödet har fler än %(pages)s sidor och hämtades inte.") % {"pages": limits["max_pages"]}
    )


def fetch_feed(url: str) -> tuple[FeedPlatform, list[FeedItem]]:
    """Every page of the feed, or FeedError. Every page must stay on the feed's own site, and
    the whole fetch ends after the total time limit however slowly the bytes arrive."""
    started = time.monotonic()
    total = _limits()["total_seconds"]
    with feed_session(total) as (session, watchdog):
        try:
            return _pages(session, url, watchdog)
        except Exception as error:
            # Whatever the shutdown at the deadline broke, the reason is the time.
            if watchdog.fired or time.monotonic() - started > total:
                raise _too_slow() from error
            raise
