"""Every public page and form of the demo site passes the Nu Html Checker with no error.

The pages are the sitemap's (both languages) and the forms people fill in, each also in the
state after a refused submission, since that is where hand-written error markup goes wrong.
All of them are checked in one run of vnu.jar (from the npm registry, see package.json).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client

from omstallning.accounts.roles import BUSINESS_OWNER
from omstallning.accounts.tests.factories import UserFactory
from omstallning.actors.links import referral_url
from omstallning.actors.models import Referral
from omstallning.events.models import EventPage
from omstallning.funding.models import Call
from omstallning.funding.tests.factories import ApplicationFactory, OrganisationFactory

ROOT = Path(__file__).resolve().parents[3]
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Skipped where the tools are missing, except in CI (.ci/run sets CI), where the test fails.
pytestmark = pytest.mark.skipif(
    not (VNU_JAR.exists() and shutil.which("java")) and not os.environ.get("CI"),
    reason="The Nu Html Checker needs Java and vnu.jar: `make test` installs vnu.jar with npm",
)


def sitemap_paths(client: Client) -> list[str]:
    xml = client.get("/sitemap.xml").content.decode()
    return [urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", xml)]


def upcoming_meeting() -> EventPage:
    return (
        EventPage.objects.live()
        .filter(locale__language_code="sv", starts_at__gte=_now())
        .order_by("starts_at")
        .first()
    )


def _now():
    from django.utils import timezone

    return timezone.now()


def public_pages(client: Client) -> dict[str, bytes]:
    """Address (with what was done there) → the HTML the site answered."""
    pages: dict[str, bytes] = {}

    def get(path: str, **params) -> None:
        response = client.get(path, params)
        assert response.status_code in (200, 404), (path, response.status_code)
        label = path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
        pages[label] = response.content

    def post(path: str, data: dict) -> None:
        response = client.post(path, data)
        assert response.status_code in (200, 400, 422, 429), (path, response.status_code)
        pages[f"POST {path}"] = response.content

    for path in sitemap_paths(client):
        get(path)
    get("/sok/", q="energi")
    get("/sok/", q="ordsomintefinns")
    get("/kunskapsbank/", q="energi", kommun="1983", mal="7")
    get("/kunskapsbank/", q="ordsomintefinns")
    get("/hitta-stod/", behov="pengar", skede="nystartat")
    get("/hitta-stod/erbjudanden/", behov="pengar", skede="nystartat", typ="lan")
    get("/hitta-stod/erbjudanden/", behov="pengar", skede="nystartat", visa="ej-passande")
    get("/hitta-stod/erbjudanden/mikrolan/", storlek="stort")
    get("/sidan-finns-inte/")
    get("/konto/logga-in/")
    get("/konto/skapa-konto/")
    get("/konto/losenord/aterstall/")
    get("/skriv-till-oss/")
    get("/prenumerera/")
    get("/samtycke/")
    post("/konto/logga-in/", {"login_view-current_step": "auth", "auth-username": "x"})
    post("/konto/skapa-konto/", {"email": "inte-en-adress"})
    post("/skriv-till-oss/", {"name": "", "email": "x"})
    post("/prenumerera/", {"email": "x"})
    meeting = upcoming_meeting()
    post(meeting.url, {"name": "", "email": "x"})
    registered = client.post(meeting.url, {"name": "Ada Lind", "email": "ada@example.org"})
    own_page = urlsplit(registered["Location"]).path
    assert own_page.startswith("/anmalan/"), registered["Location"]
    get(own_page)
    get(own_page + "ta-bort/")
    get("/hitta-stod/erbjudanden/mikrolan/kontakt/", kommun="1980")
    post("/hitta-stod/erbjudanden/mikrolan/kontakt/", {"need": "", "email": "x"})
    for referral in Referral.objects.filter(anonymised_at__isnull=True)[:9]:
        get(urlsplit(referral_url(referral)).path)
    get(urlsplit(referral_url(referral)).path + "aterkalla/")
    get("/lotsning/aterkallad/")
    get("/de-minimis/")
    get("/hitta-stod/erbjudanden/bevaka/", skede="nystartat", typ="lan")
    post("/hitta-stod/erbjudanden/bevaka/", {"email": "x", "query": "typ=lan"})
    get("/bevakning/skickad/")
    get("/bevakning/bekrafta/finns-inte/")
    get("/bevakning/avsluta/finns-inte/")
    post("/de-minimis/", {"action": "sum", "received_eur": "mycket"})
    client.post("/de-minimis/", {"action": "sum", "received_eur": "290000"})
    get("/hitta-stod/erbjudanden/affarsutvecklingscheck/")
    return pages


def applicant_pages() -> dict[str, bytes]:
    """The pages of a company owner with an organisation and a draft application."""
    user = UserFactory(roles=[BUSINESS_OWNER])
    organisation = OrganisationFactory(owner=user)
    call = Call.objects.filter(opens_at__lte=_now(), closes_at__gt=_now()).first()
    draft = ApplicationFactory(call=call, organisation=organisation, applicant=user)
    client = Client()
    client.force_login(user)
    pages: dict[str, bytes] = {}
    for path in [
        "/konto/",
        "/konto/namn/",
        "/konto/e-post/",
        "/konto/losenord/byt/",
        "/konto/stang-kontot/",
        "/stod/mina-ansokningar/",
        f"/stod/utlysningar/{call.pk}/ansok/",
        f"/stod/mina-ansokningar/{draft.pk}/",
        "/kunskapsbank/foresla/",
    ]:
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        pages[path] = response.content
    refused = client.post(
        f"/stod/mina-ansokningar/{draft.pk}/",
        {"action": "save", "starts_on": "2027-05-01", "ends_on": "2027-01-01", "goals": "Mål"},
    )
    pages[f"POST /stod/mina-ansokningar/{draft.pk}/"] = refused.content
    return pages


def html_errors(pages: dict[str, bytes], folder: Path) -> list[str]:
    """The checker's errors, each as 'address: line N: message («extract»)'."""
    files = {}
    for number, (address, html) in enumerate(pages.items()):
        path = folder / f"page-{number:04d}.html"
        path.write_bytes(html)
        files[str(path.resolve())] = address
    outcome = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *files],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    report = json.loads(outcome.stderr)
    return [
        f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))}: "
        f"line {message.get('lastLine')}: "
        f"{message['message']} («{message.get('extract', '').strip()}»)"
        for message in report["messages"]
        if message["type"] == "error" or message.get("subType") == "fatal"
    ]


def test_every_public_page_and_form_is_valid_html(demo, client, tmp_path):
    pages = public_pages(client) | applicant_pages()

    assert len(pages) > 60  # the sitemap in two languages, the forms and their refusals
    errors = html_errors(pages, tmp_path)

    assert errors == [], "\n".join(errors)


def test_the_checker_reports_an_error_where_there_is_one(tmp_path):
    broken = b"<!DOCTYPE html><html lang=sv><title>x</title><p><div></p>"

    errors = html_errors({"/trasig/": broken}, tmp_path)

    assert errors
    assert all(error.startswith("/trasig/: ") for error in errors)
