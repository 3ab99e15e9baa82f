"""The API's documentation as a page of the site, in Swedish and English, and accessible."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from .v1.api import api


def _parameter_type(schema: dict) -> str:
    if "type" in schema:
        if schema["type"] == "array":
            return _("lista av %(type)s") % {"type": _parameter_type(schema.get("items", {}))}
        return schema["type"]
    if "anyOf" in schema:
        return f" {_('eller')} ".join(_parameter_type(part) for part in schema["anyOf"])
    return ""


def api_documentation(request: HttpRequest) -> HttpResponse:
    schema = api.get_openapi_schema(path_prefix=reverse("api-v1:api-root"))
    operations = []
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "anchor": operation["operationId"],
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "tag": (operation.get("tags") or [""])[0],
                    "parameters": [
                        {
                            "name": parameter["name"],
                            "where": {"path": _("sökväg"), "query": _("fråga")}.get(
                                parameter["in"], parameter["in"]
                            ),
                            "required": parameter.get("required", False),
                            "type": _parameter_type(parameter.get("schema", {})),
                        }
                        for parameter in operation.get("parameters", [])
                    ],
                    "responses": sorted(operation.get("responses", {})),
                }
            )
    return render(
        request,
        "api/documentation.html",
        {"info": schema["info"], "operations": operations},
    )
