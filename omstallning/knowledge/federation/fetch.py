"""Fetching another platform's feed without trusting it: bounded in size, time, pages and
redirects, and checked against the schema before anything is imported."""

import json
import time
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.utils.translation import gettext as _
from pydantic import ValidationError
from urllib3.exceptions import ReadTimeoutError

from .schema import FeedItem, FeedPlatform, KnowledgeFeed

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


def _schema_problem(error: ValidationError) -> str:
    problems = [
        ".".join(str(part) for part in problem["loc"]) + ": " + problem["msg"]
        for problem in error.errors()[:5]
    ]
    return _("Flödet följer inte formatet för kunskapsflöden (version 1): %(problems)s") % {
        "problems": "; ".join(problems)
    }


def _read_body(response: requests.Response, deadline: float) -> bytes:
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
            if time.monotonic() > deadline:
                raise _too_slow()
    except requests.RequestException as error:
        # requests reports a read timeout in the body as a ConnectionError around urllib3's.
        if isinstance(error.args[0] if error.args else None, ReadTimeoutError):
            raise _too_slow() from error
        raise FeedError(_("Anslutningen till flödet bröts under hämtningen.")) from error
    return bytes(body)


def _too_slow() -> FeedError:
    return FeedError(
        _("Flödet tog för lång tid (mer än %(seconds)s sekunder) och hämtades inte.")
        % {"seconds": _limits()["total_seconds"]}
    )


def _get_json(session: requests.Session, url: str, deadline: float):
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
            raise FeedError(
                _("Kunde inte nå flödet på %(url)s. Kontrollera adressen.") % {"url": url}
            ) from error
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
                raise FeedError(
                    _("Flödet svarade med HTTP-status %(status)s.")
                    % {"status": response.status_code}
                )
            body = _read_body(response, deadline)
        try:
            return json.loads(body)
        except (ValueError, RecursionError) as error:
            raise FeedError(
                _("Flödet är inte giltig JSON: %(error)s") % {"error": str(error)[:200]}
            ) from error
    raise FeedError(_("Flödet skickade vidare för många gånger."))


def fetch_feed(url: str) -> tuple[FeedPlatform, list[FeedItem]]:
    """Every page of the feed, or FeedError. Every page must stay on the feed's own site."""
    limits = _limits()
    deadline = time.monotonic() + limits["total_seconds"]
    origin = _origin(url)
    items: list[FeedItem] = []
    seen: set[str] = set()
    platform = None
    next_url: str | None = url
    with requests.Session() as session:
        session.trust_env = False  # no proxies or .netrc credentials from the environment
        for _page in range(limits["max_pages"]):
            if next_url is None:
                return platform, items
            if _origin(next_url) != origin:
                raise FeedError(
                    _("Flödets nästa sida ligger på en annan webbplats (%(url)s).")
                    % {"url": next_url}
                )
            try:
                page = KnowledgeFeed.model_validate(_get_json(session, next_url, deadline))
            except ValidationError as error:
                raise FeedError(_schema_problem(error)) from error
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
