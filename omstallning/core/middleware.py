"""Refuse input that no page can take before any view sees it."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, QueryDict

from .errors import bad_request, is_api, page_not_found, too_large


class RequestSizeLimitMiddleware:
    """Refuse a body larger than any form here takes, from its Content-Length, before a byte
    of it is read (Django would otherwise write the whole upload to a temporary file first).
    Staff with a verified second factor may send more in the admin (documents, images)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return bad_request(request)
        if length > settings.REQUEST_MAX_BYTES and length > self._limit_for(request):
            return too_large(request, self._limit_for(request))
        return self.get_response(request)

    @staticmethod
    def _limit_for(request: HttpRequest) -> int:
        # django_otp's OTPMiddleware (before this one) gives the user is_verified().
        verified = getattr(request.user, "is_verified", None)
        if request.path.startswith("/admin/") and verified is not None and verified():
            return settings.STAFF_REQUEST_MAX_BYTES
        return settings.REQUEST_MAX_BYTES


class StripNulMiddleware:
    """A NUL character has no place in text, and PostgreSQL cannot store one: a search box, an
    admin filter or a hand-read form field with one would end in a 500. It is taken out of
    every query parameter and posted form field before any view sees them (the rest of what
    was typed is kept); an address with one gets the site's 404 page. The API
    declares the rule in its OpenAPI schema instead and answers 422."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if is_api(request):
            return self.get_response(request)
        if "\x00" in request.path:
            # No address has one; the database would refuse it in a lookup (a 500).
            return page_not_found(request, None)
        if _has_nul(request.GET):
            request.GET = _without_nul(request.GET)
        is_form = request.method == "POST" and request.content_type in _FORM_TYPES
        if is_form and _has_nul(request.POST):
            request.POST = _without_nul(request.POST)
        return self.get_response(request)


_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _has_nul(data: QueryDict) -> bool:
    return any("\x00" in key or any("\x00" in v for v in values) for key, values in data.lists())


def _without_nul(data: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True)
    for key, values in data.lists():
        cleaned.setlist(key.replace("\x00", ""), [value.replace("\x00", "") for value in values])
    cleaned._mutable = False
    return cleaned
