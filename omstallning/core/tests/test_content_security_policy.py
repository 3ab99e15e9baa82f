"""Every response has a Content-Security-Policy, the admin's included (finding L7)."""

import json
import logging

from django.test import Client

from omstallning.core.content_security_policy import ADMIN_ENFORCED


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


def test_the_admin_has_a_policy_and_learns_the_strict_one(site, client):
    # The login redirect is an admin response too; the policy does not depend on who asks.
    response = client.get("/admin/")

    enforced = directives(response["Content-Security-Policy"])
    assert enforced == {
        "object-src": "'none'",
        "base-uri": "'self'",
        "frame-ancestors": "'self'",
        "form-action": "'self'",
    }
    assert set(enforced) == set(ADMIN_ENFORCED)
    learning = directives(response["Content-Security-Policy-Report-Only"])
    assert learning["script-src"] == "'self'"
    assert learning["style-src"] == "'self'"
    assert learning["report-uri"] == "/csp-rapport/"


def test_public_pages_keep_the_strict_policy_and_no_report_only(site, client):
    response = client.get("/")

    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert "Content-Security-Policy-Report-Only" not in response


def test_a_report_is_logged_briefly_and_answered_with_204(site, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://example.org/admin/pages/3/edit/?secret=1",
            "violated-directive": "script-src-elem",
            "blocked-uri": "inline",
        }
    }
    client = Client(enforce_csrf_checks=True)

    with caplog.at_level(logging.WARNING, logger="omstallning.csp"):
        response = client.post(
            "/csp-rapport/", json.dumps(report), content_type="application/csp-report"
        )
        garbage = client.post("/csp-rapport/", b"\xff\x00", content_type="application/json")

    assert response.status_code == garbage.status_code == 204
    (record,) = [r for r in caplog.records if r.name == "omstallning.csp"]
    assert record.getMessage() == (
        "CSP report: script-src-elem blocked inline on https://example.org/admin/pages/3/edit/"
    )
    assert client.get("/csp-rapport/").status_code == 405
