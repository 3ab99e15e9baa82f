"""Reads for the open feed: this platform's own knowledge items, page by page, in the shape
of schema.KnowledgeFeed. Copies imported from elsewhere are not passed on."""

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from wagtail.models import Site

from omstallning.core.models import PlatformSettings

from ..models import GoodExamplePage, KnowledgeItemPage, MethodPage, ReportPage, ToolPage
from .html import clean_html
from .schema import FEED_FORMAT, FEED_VERSION

PAGE_SIZE = 200
KIND_OF = {
    GoodExamplePage: "good_example",
    ToolPage: "tool",
    MethodPage: "method",
    ReportPage: "report",
}
RELATIONS = (
    "themes",
    "sdg_goals",
    "sdg_targets",
    "dimensions",
    "sectors",
    "municipalities",
    "audiences",
    "company_sizes",
)


def own_items() -> QuerySet:
    return (
        KnowledgeItemPage.objects.live().public().filter(imported_from__isnull=True).order_by("pk")
    )


def _sections(page: KnowledgeItemPage, base_url: str) -> list[dict]:
    with translation.override(page.locale.language_code):
        if isinstance(page, GoodExamplePage):
            parts = [
                (_("Utmaningen"), page.challenge),
                (_("Det här gjorde de"), page.what_they_did),
                (_("Resultat"), page.results),
                (_("Lärdomar"), page.lessons),
            ]
        elif isinstance(page, ToolPage):
            parts = [
                (_("Det här gör verktyget"), page.what_it_does),
                (_("För vem"), escape(page.for_whom) and f"<p>{escape(page.for_whom)}</p>"),
                (
                    _("Tid att använda"),
                    escape(page.time_to_use) and f"<p>{escape(page.time_to_use)}</p>",
                ),
                (_("Kostnad"), escape(page.cost) and f"<p>{escape(page.cost)}</p>"),
            ]
        else:
            parts = []
    heading = ""
    for block in page.body:
        if block.block_type == "heading":
            heading = str(block.value)
        elif block.block_type == "paragraph":
            parts.append((heading, str(block.value)))
            heading = ""
    return [
        {"heading": str(capfirst(title)), "html": clean_html(html, base_url)}
        for title, html in parts
        if html
    ]


def _item(page: KnowledgeItemPage, request: HttpRequest) -> dict:
    base_url = request.build_absolute_uri("/")
    return {
        "id": str(page.pk),
        "kind": KIND_OF[type(page)],
        "language": page.locale.language_code,
        "title": page.title,
        "intro": page.intro,
        "url": request.build_absolute_uri(page.get_url(request)),
        "licence": page.licence,
        "last_reviewed": page.last_reviewed,
        "updated_at": page.last_published_at or page.latest_revision_created_at or timezone.now(),
        "organisation_name": getattr(page, "organisation_name", ""),
        "link": getattr(page, "link", ""),
        "sections": _sections(page, base_url),
        "themes": [
            {"code": t.slug, "name_sv": t.name_sv, "name_en": t.name_en} for t in page.themes.all()
        ],
        "sdg_goals": sorted(goal.number for goal in page.sdg_goals.all()),
        "sdg_targets": sorted(target.code for target in page.sdg_targets.all()),
        "dimensions": sorted(d.code for d in page.dimensions.all()),
        "sectors": sorted(s.code for s in page.sectors.all()),
        "municipalities": [
            {"code": m.code, "name_sv": m.name, "name_en": m.name}
            for m in page.municipalities.all()
        ],
        "audiences": sorted(a.slug for a in page.audiences.all()),
        "company_sizes": sorted(c.slug for c in page.company_sizes.all()),
    }


def feed_page(request: HttpRequest, number: int) -> dict:
    """One page of the feed, with the address of the next one."""
    site = Site.find_for_request(request)
    platform = PlatformSettings.for_site(site) if site else None
    ids = list(
        own_items().values_list("pk", flat=True)[(number - 1) * PAGE_SIZE : number * PAGE_SIZE + 1]
    )
    has_next = len(ids) > PAGE_SIZE
    ids = ids[:PAGE_SIZE]
    pages = (
        KnowledgeItemPage.objects.filter(pk__in=ids)
        .select_related("locale")
        .prefetch_related(*RELATIONS)
        .specific()
        .order_by("pk")
    )
    next_url = None
    if has_next:
        query = request.GET.copy()
        query["page"] = str(number + 1)
        next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {
        "format": FEED_FORMAT,
        "version": FEED_VERSION,
        "platform": {
            "name": platform.platform_name if platform else "",
            "region": str(platform.region) if platform and platform.region else "",
            "url": request.build_absolute_uri("/"),
        },
        "generated_at": timezone.now(),
        "items": [_item(page, request) for page in pages],
        "next": next_url,
    }
