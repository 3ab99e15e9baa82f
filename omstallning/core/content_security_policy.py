"""The Content-Security-Policy per part of the site: the public pages' strict one, and for
the admin a second line of defence that Wagtail's editor works under. Staff read there what
applicants, proposers and registrants wrote, so an injected <base>, <object> or form target
must not work, and no other site may frame it. A strict script and style policy runs in
report-only mode in the admin, to learn what Wagtail needs before it is enforced."""

import json
import logging

from csp.constants import NONE, SELF
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .rate_limits import client_address, within_limit

logger = logging.getLogger("omstallning.csp")

ADMIN_PREFIX = "/admin/"
REPORT_PATH = "/csp-rapport/"
MAX_REPORT_BYTES = 10_000
REPORT_TYPES = ("application/csp-report", "application/json", "application/reports+json")

ADMIN_ENFORCED = {
    "object-src": [NONE],
    "base-uri": [SELF],
    # Wagtail's preview shows the page in a frame of the admin itself.
    "frame-ancestors": [SELF],
    "form-action": [SELF],
}
ADMIN_REPORT_ONLY = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "report-uri": [REPORT_PATH],
}


class SitePolicyMiddleware(CSPMiddleware):
    def get_policy_parts(
        self, request: HttpRequest, response, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and parts.config is None:
            parts.config = ADMIN_REPORT_ONLY if report_only else ADMIN_ENFORCED
        return parts


@csrf_exempt  # browsers send reports without a token, and nothing is changed by one
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    """Log what a browser reports, briefly, and at most a few per minute per client."""
    # Browsers send reports as JSON; anything else is not read (nor is a form's body twice).
    if request.content_type not in REPORT_TYPES:
        return HttpResponse(status=204)
    if len(request.body) <= MAX_REPORT_BYTES and within_limit(
        "csp-report", client_address(request), limit=30, seconds=60
    ):
        try:
            report = json.loads(request.body).get("csp-report", {})
        except (ValueError, AttributeError):
            report = {}
        if isinstance(report, dict) and report:
            logger.warning(
                "CSP report: %s blocked %s on %s",
                str(report.get("violated-directive", ""))[:100],
                str(report.get("blocked-uri", ""))[:200],
                str(report.get("document-uri", "")).split("?")[0][:200],
            )
    return HttpResponse(status=204)
