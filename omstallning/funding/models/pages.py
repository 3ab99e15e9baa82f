"""The public entry to funding: a page in the menu that lists the open calls and leads to
the applicant's pages and the statistics. Editors write its introduction."""

from django.utils.translation import gettext_lazy as _

from omstallning.core.models.pages import BasePage


class FundingIndexPage(BasePage):
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "funding/funding_index_page.html"

    class Meta:
        verbose_name = _("sida om stöd och finansiering")
        verbose_name_plural = _("sidor om stöd och finansiering")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import open_calls

        context = super().get_context(request, *args, **kwargs)
        context["calls"] = open_calls()
        return context
