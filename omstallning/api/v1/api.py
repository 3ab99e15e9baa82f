"""The public, versioned API: /api/v1/ with its OpenAPI schema at /api/v1/openapi.json."""

import logging

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import HttpError, Throttled, ValidationError

from . import events, frameworks, funding, knowledge, portfolio, reference, support

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title=gettext_lazy("Omställningsplattformen – öppet API"),
    version="1",
    description=gettext_lazy(
        "Öppna data från plattformen: referensdata för hållbarhet, bedömningsramverk och "
        "summor över hållbarhetsbedömningar samt kunskapsbankens flöde. Svaren innehåller "
        "inga personuppgifter. Det enda anrop som tar emot sådana är anmälan till en träff "
        "(namn och e-postadress), som sparas och gallras som en anmälan via formuläret. "
        "Texter finns på svenska (_sv) och engelska (_en). Alla svar är JSON, också fel: "
        "404 när något inte finns, 422 med `errors` vid ogiltiga parametrar. Meddelanden "
        "och schemat är på svenska, eller på engelska med `Accept-Language: en`."
    ),
    urls_namespace="api-v1",
    # The documentation is a page of the site (omstallning.api.views), accessible and Swedish.
    docs_url=None,
)
api.add_router("/", reference.router)
api.add_router("/", frameworks.router)
api.add_router("/", portfolio.router)
api.add_router("/", events.router)
api.add_router("/", knowledge.router)
api.add_router("/", funding.router)
api.add_router("/", support.router)


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, error: ValidationError) -> HttpResponse:
    # The details stay as the validator wrote them; the headline is for people.
    return api.create_response(
        request,
        {"detail": _("Ogiltiga parametrar. Se errors för vilka."), "errors": error.errors},
        status=422,
    )


@api.exception_handler(Http404)
def not_found(request: HttpRequest, error: Http404) -> HttpResponse:
    return api.create_response(request, {"detail": _("Finns inte.")}, status=404)


@api.exception_handler(Throttled)
def throttled(request: HttpRequest, error: Throttled) -> HttpResponse:
    response = api.create_response(
        request, {"detail": _("För många anrop. Vänta en stund och försök igen.")}, status=429
    )
    if error.wait:
        response["Retry-After"] = str(int(error.wait))
    return response


@api.exception_handler(HttpError)
def http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    return api.create_response(request, {"detail": str(error)}, status=error.status_code)


@api.exception_handler(Exception)
def server_error(request: HttpRequest, error: Exception) -> HttpResponse:
    # An API client gets JSON even when we fail; the traceback goes to the log, not to it.
    logger.exception("API error at %s", request.path)
    return api.create_response(
        request, {"detail": _("Något gick fel hos oss. Försök igen senare.")}, status=500
    )
