"""The bank's newest own items as an Atom feed, for feed readers."""

from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed

from omstallning.core.models import PlatformSettings

from .export import own_items

ATOM_SIZE = 50


def atom_feed(request: HttpRequest, bank) -> Atom1Feed:
    platform = PlatformSettings.for_request(request)
    bank_url = request.build_absolute_uri(bank.get_url(request))
    feed = Atom1Feed(
        title=f"{bank.title} – {platform.platform_name}",
        link=bank_url,
        description=bank.intro,
        language=bank.locale.language_code,
        feed_url=request.build_absolute_uri(),
        author_name=platform.platform_name,
    )
    items = (
        own_items()
        .descendant_of(bank)
        .order_by("-last_published_at")
        .prefetch_related("themes")
        .specific()[:ATOM_SIZE]
    )
    for item in items:
        url = request.build_absolute_uri(item.get_url(request))
        feed.add_item(
            title=item.title,
            link=url,
            description=item.intro,
            unique_id=url,
            updateddate=item.last_published_at,
            pubdate=item.first_published_at,
            categories=[theme.name for theme in item.themes.all()],
            item_copyright=item.get_licence_display(),
        )
    return feed
