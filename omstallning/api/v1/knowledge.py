"""The knowledge bank's open feed, which other platforms subscribe to."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy
from ninja import Query, Router
from pydantic import BaseModel, Field

from omstallning.knowledge.federation.export import PAGE_SIZE, feed_page
from omstallning.knowledge.federation.schema import KnowledgeFeed

from ..schemas import INVALID

router = Router(tags=[gettext_lazy("Kunskapsbank")])


class FeedQuery(BaseModel):
    page: int = Field(1, ge=1, le=100_000, description=gettext_lazy("Sidnummer, från 1."))


@router.get(
    "/knowledge/items",
    response={200: KnowledgeFeed, **INVALID},
    summary=gettext_lazy("Kunskapsbankens flöde: goda exempel, verktyg, metoder och rapporter"),
    description=format_lazy(
        gettext_lazy(
            "Plattformens egna publicerade kunskapsobjekt, {page_size} per sida i id-ordning, "
            "med taxonomi, licens och kanonisk länk. `next` pekar på nästa sida. Andra "
            "plattformar prenumererar på flödet och visar objekten som skrivskyddade kopior. "
            "Kopior som själva är importerade skickas inte vidare."
        ),
        page_size=PAGE_SIZE,
    ),
)
def knowledge_items(request, query: Query[FeedQuery]):
    return feed_page(request, query.page)
