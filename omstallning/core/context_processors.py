from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site


def site_context(request: HttpRequest) -> dict:
    """The current Wagtail site and its root page, for navigation in every template."""
    site = Site.find_for_request(request)
    return {
        "current_site": site,
        "site_root": site.root_page.localized if site else None,
        "debug_assets": settings.DEBUG,
    }
