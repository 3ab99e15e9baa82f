"""sitemap.xml: every live, public page of the site, in every language."""

from django.db.models import Q, QuerySet
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Wagtail's sitemap covers the site's root only; the translations are its siblings."""

    def items(self) -> QuerySet[Page]:
        root = self.get_wagtail_site().root_page
        under_any_root = Q()
        for translated_root in Page.objects.filter(translation_key=root.translation_key):
            under_any_root |= Q(path__startswith=translated_root.path)
        return (
            Page.objects.filter(under_any_root)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
