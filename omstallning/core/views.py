from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import database_state, task_queue_state
from .site_search import clean_search_text, search_pages

SEARCH_PAGE_SIZE = 10


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    query = clean_search_text(request.GET.get("q", ""))
    results = None
    if query:
        results = Paginator(search_pages(query), SEARCH_PAGE_SIZE).get_page(request.GET.get("sida"))
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
