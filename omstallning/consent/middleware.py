from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .services import page_view_count
from .state import read_consent

_NOT_COUNTED_PREFIXES = ("/admin/", "/static/", "/media/", "/dokument/", "/healthz")


class PageViewMiddleware:
    """Counts a page view on our own server, and only for visitors who allow statistics."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method == "GET"
            and response.status_code == 200
            and response.get("Content-Type", "").startswith("text/html")
            and not request.path.startswith(_NOT_COUNTED_PREFIXES)
        ):
            consent = read_consent(request)
            if consent is not None and consent.statistics:
                page_view_count(path=request.path)
        return response
