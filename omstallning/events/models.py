from django.utils.translation import gettext_lazy as _

from omstallning.core.models.pages import BasePage


class EventIndexPage(BasePage):
    """'Träffpunkt hållbarhet': upcoming meetings and documentation from past ones."""

    template = "events/event_index_page.html"

    class Meta:
        verbose_name = _("Träffpunkt hållbarhet (startsida)")
