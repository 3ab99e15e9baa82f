"""The site's error pages; under /api/ the same errors as JSON, as an API client expects."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.formats import number_format
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def api_error(detail: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if is_api(request):
        return api_error(_("Ogiltig förfrågan."), 400)
    return HttpResponse(loader.render_to_string("400.html", request=request), status=400)


def too_large(request: HttpRequest, limit: int) -> HttpResponse:
    megabytes = number_format(limit / 1_000_000, 0 if limit >= 10_000_000 else 1)
    if is_api(request):
        return api_error(_("Förfrågan är för stor (högst %(mb)s MB).") % {"mb": megabytes}, 413)
    page = loader.render_to_string("413.html", {"megabytes": megabytes}, request=request)
    return HttpResponse(page, status=413)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if is_api(request):
        return api_error(_("Finns inte."), 404)
    return HttpResponse(loader.render_to_string("404.html", request=request), status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    if is_api(request):
        return api_error(_("Något gick fel hos oss. Försök igen senare."), 500)
    # Rendered without context processors: the database or a setting may be what failed.
    return HttpResponse(loader.get_template("500.html").render(), status=500)
