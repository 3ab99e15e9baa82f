"""Turn a fetched feed into read-only copies and keep them in step with the source. One
transaction per import, so a failed import changes nothing. The use cases that call this
(fetch now, the nightly import, ending a subscription) are in knowledge.services."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.rich_text import RichText

from omstallning.core.models import Municipality, SdgGoal, SdgTarget, SustainabilityDimension

from ..models import (
    Audience,
    CompanySize,
    FeedSubscription,
    GoodExamplePage,
    KnowledgeItemPage,
    KnowledgeTheme,
    SniSection,
    ToolPage,
)
from .export import KIND_OF
from .html import clean_html
from .schema import FeedItem

# The feed's kinds, read back the other way from the export's one table.
PAGE_CLASS = {kind: page_class for page_class, kind in KIND_OF.items()}


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    skipped: int = 0  # in another language than the bank's

    def __str__(self) -> str:
        return _(
            "%(created)s nya, %(updated)s uppdaterade, %(unchanged)s oförändrade, "
            "%(removed)s borttagna, %(skipped)s på annat språk"
        ) % vars(self)


def _relations(item: FeedItem) -> dict:
    # Only terms this platform knows: another region's municipalities, say, are left out.
    return {
        "themes": KnowledgeTheme.objects.filter(slug__in=[t.code for t in item.themes]),
        "sdg_goals": SdgGoal.objects.filter(number__in=item.sdg_goals),
        "sdg_targets": SdgTarget.objects.filter(code__in=item.sdg_targets),
        "dimensions": SustainabilityDimension.objects.filter(code__in=item.dimensions),
        "sectors": SniSection.objects.filter(code__in=item.sectors),
        "municipalities": Municipality.objects.filter(
            code__in=[m.code for m in item.municipalities]
        ),
        "audiences": Audience.objects.filter(slug__in=item.audiences),
        "company_sizes": CompanySize.objects.filter(slug__in=item.company_sizes),
    }


def _body(item: FeedItem) -> list[tuple[str, object]]:
    blocks: list[tuple[str, object]] = []
    for section in item.sections:
        if section.heading:
            blocks.append(("heading", section.heading))
        blocks.append(("paragraph", RichText(clean_html(section.html, item.url))))
    return blocks


def _fill(page: KnowledgeItemPage, item: FeedItem, subscription: FeedSubscription) -> None:
    page.title = item.title
    page.intro = item.intro
    page.licence = item.licence
    page.last_reviewed = item.last_reviewed
    page.source_url = item.url
    page.source_updated_at = item.updated_at
    page.body = _body(item)
    if isinstance(page, GoodExamplePage):
        page.organisation_name = item.organisation_name or subscription.name
    if isinstance(page, ToolPage):
        page.link = item.link
    for name, values in _relations(item).items():
        getattr(page, name).set(values)


def _create(subscription: FeedSubscription, item: FeedItem) -> None:
    bank = subscription.index_page
    page = PAGE_CLASS[item.kind](
        slug=find_available_slug(bank, slugify(item.title) or "importerad"),
        imported_from=subscription,
        source_key=item.id,
    )
    _fill(page, item, subscription)
    bank.add_child(instance=page)
    page.save_revision().publish()


def _update(page: KnowledgeItemPage, item: FeedItem, subscription: FeedSubscription) -> None:
    _fill(page, item, subscription)
    page.save_revision().publish()


@transaction.atomic
def feed_apply(subscription: FeedSubscription, items: list[FeedItem]) -> ImportSummary:
    """Create, update and remove copies so that they match the feed exactly."""
    subscription = FeedSubscription.objects.select_for_update().get(pk=subscription.pk)
    summary = ImportSummary()
    language = subscription.index_page.locale.language_code
    existing = {
        page.source_key: page
        for page in KnowledgeItemPage.objects.filter(imported_from=subscription).specific()
    }
    for item in items:
        if item.language.split("-")[0] != language:
            summary.skipped += 1
            continue
        page = existing.pop(item.id, None)
        if page is not None and not isinstance(page, PAGE_CLASS[item.kind]):
            page.delete()  # the source changed its kind: start over
            page = None
        if page is None:
            _create(subscription, item)
            summary.created += 1
        elif page.source_updated_at == item.updated_at and page.live:
            summary.unchanged += 1
        else:
            _update(page, item, subscription)
            summary.updated += 1
    for withdrawn in existing.values():
        withdrawn.delete()
        summary.removed += 1
    return summary
