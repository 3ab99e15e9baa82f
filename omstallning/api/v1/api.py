"""The public, versioned API: /api/v1/ with its OpenAPI schema at /api/v1/openapi.json."""

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError

from . import events, frameworks, funding, knowledge, portfolio, reference

api = NinjaAPI(
    title="Omställningsplattformen – öppet API",
    version="1",
    description=(
        "Öppna data från plattformen: referensdata för hållbarhet, bedömningsramverk och "
        "summor över hållbarhetsbedömningar samt kunskapsbankens flöde. Bara läsning, inga "
        "personuppgifter. "
        "Texter finns på svenska (_sv) och engelska (_en)."
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


@api.exception_handler(ValidationError)
def invalid_input(request: HttpRequest, error: ValidationError) -> HttpResponse:
    # The details stay as the validator wrote them; the headline is for people.
    return api.create_response(
        request,
        {"detail": "Ogiltiga parametrar. Se errors för vilka.", "errors": error.errors},
        status=422,
    )
