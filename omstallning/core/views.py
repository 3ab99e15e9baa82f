import unicodedata

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page
from wagtail.search.utils import parse_query_string

from .health import database_state, task_queue_state

SEARCH_PAGE_SIZE = 10
SEARCH_QUERY_MAX_LENGTH = 200


def _search_query(raw: str) -> str:
    # Control characters mean nothing in a search, and a NUL breaks the database's query.
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in raw)
    return text.strip()[:SEARCH_QUERY_MAX_LENGTH]


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = _search_query(request.GET.get("q", ""))
    results = None
    if query:
        _filters, parsed = parse_query_string(query, operator="and")
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(parsed, operator="and"), SEARCH_PAGE_SIZE).get_page(
            request.GET.get("sida")
        )
    return render(request, "core/search.html", {"query": query, "results": results})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    database = database_state()
    tasks = task_queue_state() if database["ok"] else {"ok": False, "error": "database"}
    healthy = database["ok"] and tasks["ok"]
    return JsonResponse(
        {"status": "ok" if healthy else "error", "database": database, "tasks": tasks},
        status=200 if healthy else 503,
    )


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /konto/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
