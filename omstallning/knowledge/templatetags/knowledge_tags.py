from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

FACET_TITLES = {
    "typ": _("Typ"),
    "tema": _("Tema"),
    "mal": _("Globala mål"),
    "dimension": _("Dimension"),
    "bransch": _("Bransch"),
    "kommun": _("Kommun"),
    "malgrupp": _("Målgrupp"),
    "storlek": _("Företagsstorlek"),
}


@register.simple_tag
def facet_title(param: str) -> str:
    return str(FACET_TITLES.get(param, param))


@register.simple_tag
def listing_query(listing, page: int) -> str:
    """The query string of another page of the same listing: links keep every choice."""
    return listing.query_string(page=page)
