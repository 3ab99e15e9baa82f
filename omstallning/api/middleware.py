"""The API's language is the client's choice, by HTTP content negotiation."""

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils import translation

API_NAMESPACE = "api-v1"


class ApiLanguageMiddleware:
    """The site's addresses carry their language (/en/…) and an address without one is
    Swedish; the API's addresses are the same in every language, so its messages and its
    OpenAPI schema follow the client's Accept-Language (Swedish unless it prefers English).
    LocaleMiddleware, outside this one, then answers with Content-Language and
    Vary: Accept-Language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        if match is not None and API_NAMESPACE in match.namespaces:
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = language  # type: ignore[attr-defined]
        return None
